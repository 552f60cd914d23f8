// The confidence trainer recovers a known relation and picks a threshold
// that keeps events right at the asked rate; the model file round-trips.
#include "griot/eval/calibrate.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "griot/kb/confidence_model.h"
#include "test_support.h"

namespace griot {
namespace {

// Events whose rightness depends on one feature: merged events are right
// 90% of the time, the others 30%.
std::vector<JudgedEvent> Synthetic(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<JudgedEvent> out;
  for (int i = 0; i < n; ++i) {
    JudgedEvent j;
    j.doc = "d" + std::to_string(i % 40);
    j.event.event = i % 2 ? "ASSAULT" : "REQUEST";
    j.event.evidence.prior = 0.7f;
    j.event.evidence.merged = u(rng) < 0.4;
    j.correct = u(rng) < (j.event.evidence.merged ? 0.9 : 0.3);
    out.push_back(std::move(j));
  }
  return out;
}

TEST(CalibrateTest, LearnsTheFeatureThatTellsAndKeepsTheTargetPrecision) {
  auto events = Synthetic(600, 7);
  CalibrationOptions opt;
  opt.target_precision = 0.8;
  opt.threshold_by_length = false;  // (synthetic events have no document)
  auto c = Calibrate(events, testing::Kb().ontology(), opt);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(c->weights.count("merged"));
  EXPECT_GT(c->weights.at("merged"), 2.0);  // logit(0.9) - logit(0.3) = 3.0, shrunk a little
  // Scored with the fitted weights, the events kept by the threshold are
  // right at about the target rate.
  std::string path = ::testing::TempDir() + "/confidence.txt";
  std::ofstream(path) << ConfidenceModel::Format(c->bias, c->threshold, c->snippet_threshold,
                                                 c->weights, c->header);
  auto model = ConfidenceModel::Load(path, testing::Kb().ontology());
  ASSERT_TRUE(model.ok()) << model.status().message();
  int kept = 0, right = 0;
  for (const JudgedEvent& j : Synthetic(600, 8)) {
    if (model->Score(j.event) >= model->threshold()) {
      ++kept;
      right += j.correct;
    }
  }
  ASSERT_GT(kept, 100);
  EXPECT_GT(double(right) / kept, 0.8);
}

TEST(CalibrateTest, RefusesTooFewEvents) {
  auto c = Calibrate(Synthetic(5, 1), testing::Kb().ontology(), {});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("too few"), std::string::npos);
}

struct BadModel {
  const char* body;
  const char* message;
};

TEST(ConfidenceModelTest, RefusesBadFilesNamingTheLine) {
  const BadModel kCases[] = {
      {"threshold | 0.5\nweight | colour | 1\n", ":3: unknown feature 'colour'"},
      {"threshold | 1.5\n", "threshold must be within 0..1"},
      {"bias | 0.1\n", "no 'threshold | X' line"},
      {"threshold | 0.5\nweight | merged | high\n", ":3: 'high' is not a number"},
  };
  for (const BadModel& c : kCases) {
    std::string path = ::testing::TempDir() + "/bad_confidence.txt";
    std::ofstream(path) << "griot-kb confidence 1\n" << c.body;
    auto m = ConfidenceModel::Load(path, testing::Kb().ontology());
    ASSERT_FALSE(m.ok()) << c.body;
    EXPECT_NE(m.status().message().find(c.message), std::string::npos) << m.status().message();
  }
}

TEST(ConfidenceModelTest, ScoresTheLogisticOfTheWeightedFeatures) {
  std::string path = ::testing::TempDir() + "/confidence.txt";
  std::ofstream(path) << "griot-kb confidence 1\nthreshold | 0.5\nbias | -1\n"
                         "weight | merged | 2\nweight | type:ASSAULT | 0.5\n";
  auto m = ConfidenceModel::Load(path, testing::Kb().ontology());
  ASSERT_TRUE(m.ok()) << m.status().message();
  Event e;
  e.event = "ASSAULT";
  e.evidence.merged = true;
  EXPECT_NEAR(m->Score(e), 1 / (1 + std::exp(-1.5)), 1e-9);
  e.evidence.merged = false;
  EXPECT_NEAR(m->Score(e), 1 / (1 + std::exp(0.5)), 1e-9);
}

}  // namespace
}  // namespace griot
