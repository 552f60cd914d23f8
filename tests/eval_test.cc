// Runs `griot eval` logic on the PLOVER gold sentences in ../shared (skipped
// when that folder is absent) and holds griot to the project's targets:
// event-type recall >= 0.80, precision >= 0.65, actor code accuracy >= 0.75.
#include <filesystem>

#include "griot/eval/evaluator.h"
#include "test_support.h"

namespace griot::testing {
namespace {

TEST(Evaluation, PloverGoldMeetsTargets) {
  std::string gold = SourcePath("../shared/eval/plover-gsr/dev.jsonl");
  if (!std::filesystem::exists(gold)) GTEST_SKIP() << gold << " not present";
  Pipeline pipeline(&Kb(), AllEvents());
  auto report = Evaluate(pipeline, gold);
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::cout << FormatReport(*report, false);
  EXPECT_GT(report->sentences, 100);
  EXPECT_GE(report->micro_recall, 0.80);
  EXPECT_GE(report->micro_precision, 0.65);
  EXPECT_GE(report->actor_accuracy(), 0.75);
}

}  // namespace
}  // namespace griot::testing
