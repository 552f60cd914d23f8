// Whole-document scoring against hand-annotated gold: the loader's checks
// (file:line errors) and the matching rules of gold/README.md on a small
// corpus written here.
#include "griot/eval/doc_eval.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace griot {
namespace {

std::string Write(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

const char* kHeader = "{\"griot_gold\": 1}\n";

struct BadGold {
  const char* lines;
  const char* message;  // part of the error
};

TEST(DocGoldTest, RefusesBadFilesNamingTheLine) {
  const BadGold kCases[] = {
      {"{\"doc\": \"d1\", \"split\": \"dev\"}\n", ":1: the first line must be"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d1\", \"split\": \"dev\"}\n"
       "{\"doc\": \"d1\", \"at\": [0, 4], \"words\": \"Mali\", \"event\": \"FIGHT\", \"mode\": \"\", "
       "\"actor\": [], \"recipient\": [], \"place\": null, \"date\": null, \"aux\": []}\n",
       ":3: unknown event type 'FIGHT'"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d1\", \"split\": \"dev\"}\n"
       "{\"doc\": \"d1\", \"at\": [0, 4], \"words\": \"Mali\", \"event\": \"ASSAULT\", \"mode\": "
       "\"arrest\", \"actor\": [], \"recipient\": [], \"place\": null, \"date\": null, \"aux\": []}\n",
       ":3: 'arrest' is not a mode of ASSAULT"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d2\", \"at\": [0, 4], \"words\": \"Mali\", \"event\": "
       "\"ASSAULT\", \"mode\": \"\", \"actor\": [], \"recipient\": [], \"place\": null, \"date\": "
       "null, \"aux\": []}\n",
       ":2: event of d2 before its document line"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d1\", \"split\": \"dev\"}\n{\"doc\": \"d1\", \"split\": "
       "\"report\"}\n",
       ":3: document d1 is annotated twice"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d1\", \"split\": \"test\"}\n", ":2: \"split\" must be"},
      {"{\"griot_gold\": 1}\n{\"doc\": \"d1\", \"split\": \"dev\"}\n"
       "{\"doc\": \"d1\", \"at\": [5, 2], \"words\": \"x\", \"event\": \"ASSAULT\"}\n",
       ":3: \"at\" must be"},
  };
  for (const BadGold& c : kCases) {
    std::string path = Write("bad.jsonl", c.lines);
    auto gold = LoadGold(path, testing::Kb().ontology());
    ASSERT_FALSE(gold.ok()) << c.lines;
    EXPECT_NE(gold.status().message().find(c.message), std::string::npos)
        << gold.status().message();
  }
}

// Two documents: the coder finds the arrest in d1 but nothing in d2.
class DocEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = Write("corpus.jsonl",
                    "{\"id\": \"d1\", \"date\": \"2025-03-12\", \"text\": \"Malian soldiers "
                    "detained two journalists in Gao on Tuesday. The weather was fine.\"}\n"
                    "{\"id\": \"d2\", \"date\": \"2025-03-12\", \"text\": \"Nothing happened "
                    "in Bamako. The junta quietly dissolved the parties.\"}\n");
  }
  std::string Gold(const std::string& events) {
    return Write("gold.jsonl", std::string(kHeader) +
                                   "{\"doc\": \"d1\", \"split\": \"dev\"}\n"
                                   "{\"doc\": \"d2\", \"split\": \"report\"}\n" +
                                   events);
  }
  std::string corpus_;
};

// The arrest in d1: "detained" is at code points 16..24.
const char* kArrest =
    "{\"doc\": \"d1\", \"at\": [16, 24], \"words\": \"detained\", \"event\": \"COERCE\", \"mode\": "
    "\"\", \"actor\": [{\"code\": \"MLI\", \"sector\": \"MIL\"}], \"recipient\": [{\"code\": "
    "\"MLI\", \"sector\": \"MED\"}], \"place\": {\"name\": \"Gao\", \"country\": \"MLI\"}, "
    "\"date\": \"2025-03-11\", \"granularity\": \"day\", \"aux\": []}\n";

TEST_F(DocEvalTest, MatchesBySentenceAndTypeAndScoresTheDetails) {
  auto gold = LoadGold(Gold(kArrest), testing::Kb().ontology());
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  Limits all;
  all.min_confidence = 0;
  Pipeline pipeline(&testing::Kb(), all);
  DocEvalOptions opt;
  opt.split = "dev";
  auto r = EvaluateDocuments(pipeline, *gold, corpus_, opt);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->documents, 1);  // d2 is in the report half
  EXPECT_EQ(r->gold, 1);
  EXPECT_EQ(r->found, 1);
  EXPECT_EQ(r->produced, r->correct);
  EXPECT_EQ(r->actor.correct, 1);
  EXPECT_EQ(r->place.checked, 1);
  EXPECT_EQ(r->place.correct, 1);
  EXPECT_EQ(r->date.correct, 1);
  EXPECT_TRUE(r->warnings.empty());
}

TEST_F(DocEvalTest, AWrongTypeIsBothAFalseAndAMissedEvent) {
  std::string assault = kArrest;
  assault.replace(assault.find("COERCE"), 6, "ASSAULT");
  auto gold = LoadGold(Gold(assault), testing::Kb().ontology());
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  Pipeline pipeline(&testing::Kb());
  DocEvalOptions opt;
  opt.split = "dev";
  opt.min_confidence = 0;
  opt.list_errors = true;
  auto r = EvaluateDocuments(pipeline, *gold, corpus_, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->found, 0);
  EXPECT_EQ(r->correct, 0);
  EXPECT_GE(r->wrong_type, 1);
  ASSERT_GE(r->errors.size(), 2u);
}

TEST_F(DocEvalTest, DoubtfulGoldCountsNeitherWay) {
  std::string doubt = kArrest;
  doubt.insert(doubt.rfind('}'), ", \"doubt\": true");
  auto gold = LoadGold(Gold(doubt), testing::Kb().ontology());
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  Pipeline pipeline(&testing::Kb());
  DocEvalOptions opt;
  opt.split = "dev";
  opt.min_confidence = 0;
  auto r = EvaluateDocuments(pipeline, *gold, corpus_, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->gold, 0);
  EXPECT_GE(r->ignored, 1);
}

TEST_F(DocEvalTest, WordsThatAreNotWhereTheOffsetsSayAreReported) {
  std::string moved = kArrest;
  moved.replace(moved.find("detained"), 8, "arrested");
  auto gold = LoadGold(Gold(moved), testing::Kb().ontology());
  ASSERT_TRUE(gold.ok());
  Pipeline pipeline(&testing::Kb());
  DocEvalOptions opt;
  opt.split = "dev";
  auto r = EvaluateDocuments(pipeline, *gold, corpus_, opt);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("'arrested' not found"), std::string::npos) << r->warnings[0];
}

TEST_F(DocEvalTest, AGoldDocumentMissingFromTheCorpusIsAnError) {
  std::string path = Write("gold3.jsonl", std::string(kHeader) + "{\"doc\": \"d9\", \"split\": \"dev\"}\n");
  auto gold = LoadGold(path, testing::Kb().ontology());
  ASSERT_TRUE(gold.ok());
  Pipeline pipeline(&testing::Kb());
  auto r = EvaluateDocuments(pipeline, *gold, corpus_, DocEvalOptions{});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no record with id d9"), std::string::npos);
}

}  // namespace
}  // namespace griot
