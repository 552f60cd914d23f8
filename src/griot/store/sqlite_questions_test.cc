// A SQLite store answers HasDocument from other threads while its writer
// writes (SqliteQuestions): the answers must be those the writer's own
// connection would give at that moment — its open transaction included,
// replacements included — or a parallel `griot code --db` would code a
// stored document again or skip a changed one.
#include <unistd.h>

#include <filesystem>
#include <future>
#include <string>

#include <gtest/gtest.h>

#include "griot/store/store.h"

namespace griot {
namespace {

namespace fs = std::filesystem;

StoredDocument Doc(const std::string& id, const std::string& hash) {
  StoredDocument d;
  d.id = id;
  d.date = "2025-03-01";
  d.input = "in.jsonl";
  d.content_hash = hash;
  return d;
}

// Asked from another thread, as the coding threads ask.
bool HasFromAnotherThread(Store& store, const std::string& id, const std::string& hash) {
  return std::async(std::launch::async, [&] { return store.HasDocument(id, hash); }).get();
}

class SqliteQuestionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("griot-questions-" + std::to_string(::getpid()) + ".db")).string();
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
};

TEST_F(SqliteQuestionsTest, AnswersOtherThreadsAsTheWriterSeesTheStore) {
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Store& s = **store;
  ASSERT_TRUE(s.AnswersWhileWriting());
  EXPECT_FALSE(HasFromAnotherThread(s, "a", "h1"));

  // In the writer's open transaction: seen, with its hash only.
  ASSERT_TRUE(s.WriteDocument(Doc("a", "h1"), {}).ok());
  EXPECT_TRUE(HasFromAnotherThread(s, "a", "h1"));
  EXPECT_FALSE(HasFromAnotherThread(s, "a", "h2"));
  EXPECT_FALSE(HasFromAnotherThread(s, "b", "h1"));

  // Committed: the second connection sees it.
  ASSERT_TRUE(s.Flush().ok());
  EXPECT_TRUE(HasFromAnotherThread(s, "a", "h1"));

  // Replaced by a changed text, uncommitted and then committed.
  ASSERT_TRUE(s.WriteDocument(Doc("a", "h2"), {}).ok());
  EXPECT_FALSE(HasFromAnotherThread(s, "a", "h1"));
  EXPECT_TRUE(HasFromAnotherThread(s, "a", "h2"));
  ASSERT_TRUE(s.Flush().ok());
  EXPECT_FALSE(HasFromAnotherThread(s, "a", "h1"));
  EXPECT_TRUE(HasFromAnotherThread(s, "a", "h2"));
  // The writer's own thread gets the same answers.
  EXPECT_TRUE(s.HasDocument("a", "h2"));
  EXPECT_FALSE(s.HasDocument("a", "h1"));
}

TEST_F(SqliteQuestionsTest, SeesDocumentsOfEarlierRunsAndKeepsAnsweringDuringALongWrite) {
  {
    auto first = Store::Open(path_);
    ASSERT_TRUE(first.ok());
    for (int i = 0; i < 50; ++i) {
      ASSERT_TRUE((*first)->WriteDocument(Doc("old" + std::to_string(i), "h"), {}).ok());
    }
    ASSERT_TRUE((*first)->Finish({}).ok());
  }
  auto store = Store::Open(path_);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  // Questions race with a writer adding and committing documents: earlier
  // runs' documents are found every time, never-written ones never.
  auto asker = std::async(std::launch::async, [&] {
    int wrong = 0;
    for (int round = 0; round < 200; ++round) {
      for (int i = 0; i < 50; i += 7) wrong += !s.HasDocument("old" + std::to_string(i), "h");
      wrong += s.HasDocument("never", "h");
    }
    return wrong;
  });
  for (int i = 0; i < 2000; ++i) {
    ASSERT_TRUE(s.WriteDocument(Doc("new" + std::to_string(i), "h"), {}).ok());
    if (i % 100 == 99) {
      ASSERT_TRUE(s.Flush().ok());
    }
  }
  EXPECT_EQ(asker.get(), 0);
  EXPECT_TRUE(HasFromAnotherThread(s, "new1999", "h"));
  ASSERT_TRUE(s.Finish({}).ok());
}

}  // namespace
}  // namespace griot
