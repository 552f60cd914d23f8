// Static files never come from outside the web folder.
#include "griot/serve/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>
#include <fstream>

namespace griot {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::path(::testing::TempDir()) / ("griot_static_test_" + std::to_string(::getpid()));
    fs::remove_all(base_);
    web_ = base_ / "web";
    fs::create_directories(web_ / "static");
    Write(web_ / "index.html", "<html>");
    Write(web_ / "app.js", "js");
    Write(web_ / "static" / "style.css", "css");
    Write(base_ / "secret.txt", "secret");
    fs::create_symlink(base_ / "secret.txt", web_ / "leak.txt");
    fs::create_symlink(base_, web_ / "up");
  }
  void TearDown() override { fs::remove_all(base_); }
  void Write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  StaticFile Resolve(const std::string& url) { return ResolveStaticFile(web_.string(), url); }

  fs::path base_, web_;
};

TEST_F(StaticFilesTest, ServesFilesOfTheFolderWithTheirTypes) {
  StaticFile index = Resolve("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(fs::path(index.path).filename(), "index.html");
  EXPECT_EQ(index.mime, "text/html; charset=utf-8");
  EXPECT_EQ(Resolve("/app.js").mime, "text/javascript; charset=utf-8");
  EXPECT_EQ(Resolve("/static/style.css").mime, "text/css; charset=utf-8");
  EXPECT_EQ(Resolve("/static/app.js").status, 200);  // /static/x falls back to x
  EXPECT_EQ(Resolve("/missing.js").status, 404);
  EXPECT_EQ(Resolve("/static").status, 404);  // a folder is not a file
  EXPECT_EQ(MimeTypeFor("a.woff2"), "font/woff2");
  EXPECT_EQ(MimeTypeFor("a.svg"), "image/svg+xml");
  EXPECT_EQ(MimeTypeFor("a.map"), "application/json; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("a.png"), "image/png");
}

TEST_F(StaticFilesTest, RefusesEveryWayOut) {
  for (const char* url : {"/../secret.txt", "/static/../../secret.txt", "/%2e%2e/secret.txt",
                          "/..%2fsecret.txt", "//etc/passwd", "/leak.txt", "/up/secret.txt",
                          "/static/..\\..\\secret.txt", "relative.txt"}) {
    StaticFile f = Resolve(url);
    EXPECT_NE(f.status, 200) << url;
    EXPECT_TRUE(f.path.empty()) << url;
  }
  EXPECT_EQ(Resolve("/../secret.txt").status, 403);
  EXPECT_EQ(Resolve("/leak.txt").status, 403);
}

TEST_F(StaticFilesTest, AMissingFolderServesNothing) {
  EXPECT_EQ(ResolveStaticFile((base_ / "none").string(), "/").status, 404);
}

}  // namespace
}  // namespace griot
