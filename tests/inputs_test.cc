// Real-world input end to end: web pages, a WARC crawl, a feed, compressed
// files in a directory, and a corpus of malformed inputs, each accounted
// record by record (read = coded + skipped + failed, nothing dropped).
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "griot/io/reader.h"
#include "griot/run/code_run.h"
#include "test_support.h"

namespace griot::testing {
namespace {

namespace fs = std::filesystem;

std::string Gzip(const std::string& text) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, text.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a user compares: type, mode, actor and recipient codes, trigger words.
std::multiset<std::string> EventKeys(const std::vector<Document>& docs) {
  std::multiset<std::string> keys;
  for (const Document& d : docs) {
    for (const Event& e : d.events) {
      std::string k = e.event + "/" + e.mode + " ";
      for (const auto& a : e.actor) k += a.code + ":" + a.sector + ",";
      k += ">";
      for (const auto& a : e.recipient) k += a.code + ":" + a.sector + ",";
      keys.insert(k);
    }
  }
  return keys;
}

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("griot-inputs-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  RunSummary CodeAll(const std::vector<std::string>& inputs, CollectorSink* sink,
                     std::string* log = nullptr) {
    Pipeline pipeline(&Kb(), AllEvents());
    std::ostringstream out;
    RunSummary s = CodeInputs(pipeline, inputs, *sink, out);
    if (log) *log = out.str();
    EXPECT_EQ(s.documents_read, s.documents_coded + s.documents_skipped + s.documents_failed)
        << out.str();
    return s;
  }
  fs::path dir_;
};

// A page full of navigation, share links, comments and footers gives the
// events of its clean article text, and none from the boilerplate.
TEST_F(InputsTest, PagesGiveTheEventsOfTheirArticleText) {
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(SourcePath("tests/data/html"))) {
    if (entry.path().extension() != ".html") continue;
    fs::path clean = entry.path();
    clean.replace_extension(".txt");
    if (!fs::exists(clean)) continue;
    CollectorSink page, text;
    RunSummary a = CodeAll({entry.path().string()}, &page);
    RunSummary b = CodeAll({Write(clean.filename().string(), Slurp(clean))}, &text);
    ASSERT_EQ(a.documents_coded, 1u) << entry.path();
    ASSERT_EQ(b.documents_coded, 1u);
    EXPECT_EQ(EventKeys(page.documents), EventKeys(text.documents)) << entry.path();
    EXPECT_FALSE(page.documents[0].title.empty()) << entry.path();
    ++compared;
  }
  EXPECT_GE(compared, 3);
}

TEST_F(InputsTest, WarcFeedAndCompressedDirectoryAreReadFully) {
  std::string page = Slurp(SourcePath("tests/data/html/dakar_march.html"));
  auto record = [](const std::string& type, const std::string& uri, const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2024-05-14T08:30:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(8, 6) +
           ">\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  };
  auto http = [](const std::string& type, const std::string& body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  std::string warc = record("warcinfo", "https://crawl/info", "software: test\r\n") +
                     record("request", "https://news.example/a", "GET /a HTTP/1.1\r\n\r\n") +
                     record("response", "https://news.example/a", http("text/html; charset=utf-8", page)) +
                     record("response", "https://news.example/logo", http("image/png", "\x89PNG....")) +
                     record("response", "https://news.example/b",
                            http("text/html", "<html><body><article><p>Police arrested forty "
                                              "protesters in Bamako on Tuesday.</p></article></body></html>"));
  Write("crawl/news.warc.gz", Gzip(warc));
  Write("crawl/feed.xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
        "<item><title>Junta expels envoy</title><link>https://w/1</link>"
        "<description><![CDATA[<p>The junta in Niamey expelled the French ambassador.</p>]]>"
        "</description><pubDate>Tue, 14 May 2024 08:30:00 GMT</pubDate></item>"
        "<item><title>Talks in Abuja</title><link>https://w/2</link>"
        "<description>ECOWAS leaders met in Abuja on Monday.</description></item>"
        "</channel></rss>");
  Write("crawl/stories.jsonl.zst",
        Zstd("{\"id\":\"z1\",\"text\":\"Rebels attacked an army post near Menaka.\"}\n"));
  Write("crawl/.hidden.jsonl", "{\"id\":\"h\",\"text\":\"never read\"}\n");
  CollectorSink sink;
  std::string log;
  RunSummary s = CodeAll({(dir_ / "crawl").string()}, &sink, &log);
  // WARC: 3 responses (the image skipped by content type); feed: 2 items;
  // zstd JSONL: 1 record. warcinfo and request records are not documents.
  EXPECT_EQ(s.documents_read, 6u) << log;
  EXPECT_EQ(s.documents_coded, 5u) << log;
  EXPECT_EQ(s.reasons["content type"], 1u) << log;
  std::set<std::string> ids;
  for (const Document& d : sink.documents) ids.insert(d.id);
  EXPECT_TRUE(ids.count("https://news.example/a"));
  EXPECT_TRUE(ids.count("https://news.example/b"));
  EXPECT_TRUE(ids.count("https://w/1"));
  EXPECT_TRUE(ids.count("z1"));
  for (const Document& d : sink.documents) {
    if (d.id == "https://news.example/b") {
      EXPECT_EQ(d.date.substr(0, 10), "2024-05-14");
    }
    if (d.id == "https://w/1") {
      EXPECT_EQ(d.title, "Junta expels envoy");
    }
  }
}

// Truncated gzip, bad UTF-8, a binary file, broken HTML, invalid JSON, a
// French article: each record ends in exactly one outcome with a reason.
TEST_F(InputsTest, MalformedInputsAreAccountedRecordByRecord) {
  std::string good = "{\"id\":\"g1\",\"text\":\"Police arrested ten protesters in Kano.\"}\n";
  std::string many;
  for (int i = 0; i < 200; ++i) {
    many += "{\"id\":\"t" + std::to_string(i) + "\",\"text\":\"Soldiers detained a journalist in Gao. Item " +
            std::to_string(i) + ".\"}\n";
  }
  std::string gz = Gzip(many);
  Write("bad/truncated.jsonl.gz", gz.substr(0, gz.size() / 2));
  Write("bad/latin1.jsonl", "{\"id\":\"l1\",\"text\":\"Protesters marched in Bamako caf\xe9 district.\"}\n");
  Write("bad/binary.bin", std::string("\x00\x01\x02\x03\xff\xfe\x00\x00junk", 12) + std::string(500, '\0'));
  Write("bad/broken.html", "<html><body><div><p>Rebels attacked a convoy near Gao<p>Police arrested");
  Write("bad/invalid.jsonl", good + "{\"id\":\"x\",\"text\":\n" + "[1,2,3]\n");
  Write("bad/french.jsonl",
        "{\"id\":\"fr\",\"text\":\"La junte au pouvoir a arrêté deux journalistes à Bamako lundi, "
        "selon des sources sécuritaires qui ont requis l'anonymat.\"}\n");
  CollectorSink sink;
  std::string log;
  RunSummary s = CodeAll({(dir_ / "bad").string()}, &sink, &log);
  EXPECT_GE(s.documents_read, 8u) << log;
  EXPECT_EQ(s.reasons["language: fr"], 1u) << log;
  EXPECT_GE(s.documents_coded, 4u) << log;  // some truncated-gzip lines, latin1, broken html, g1
  EXPECT_NE(log.find("binary.bin:0: binary file"), std::string::npos) << log;
  EXPECT_NE(log.find("truncated.jsonl.gz"), std::string::npos) << log;
  EXPECT_NE(log.find("invalid.jsonl:2: malformed JSON"), std::string::npos) << log;
  EXPECT_NE(log.find("invalid.jsonl:3: expected a JSON object"), std::string::npos) << log;
  EXPECT_NE(log.find("latin1.jsonl:1: read as windows-1252"), std::string::npos) << log;
  bool latin = false;
  for (const Document& d : sink.documents) latin |= d.id == "l1" && d.text.find("café") != std::string::npos;
  EXPECT_TRUE(latin);
}

}  // namespace
}  // namespace griot::testing
