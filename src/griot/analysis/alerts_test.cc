#include "griot/analysis/alerts.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

// Expected p-values computed independently with mpmath.
struct RiseCase {
  const char* name;
  std::vector<int64_t> history;
  int64_t current;
  const char* method;
  double p_value;  // < 0: not checked
  bool alert;
};

const RiseCase kRises[] = {
    // The header's example: mean 13/12, variance 0.99 <= mean.
    {"quiet history, big jump",
     {0, 2, 1, 0, 3, 1, 0, 2, 1, 1, 0, 2},
     14,
     "poisson",
     1.2828328216764459e-11,
     true},
    {"flat history, small rise", {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, 5, "poisson", -1, false},
    // Mean 3 either way; the dispersed history makes 12 unremarkable.
    {"steady mean 3, jump to 12",
     {3, 3, 2, 4, 3, 3, 2, 4, 3, 3, 2, 4},
     12,
     "poisson",
     7.1386628974206605e-5,
     true},
    {"dispersed mean 3, jump to 12",
     {0, 5, 0, 8, 1, 0, 9, 2, 0, 6, 1, 4},
     12,
     "negative binomial",
     0.027356668467632908,
     false},
    {"dispersed mean 3, jump to 30",
     {0, 5, 0, 8, 1, 0, 9, 2, 0, 6, 1, 4},
     30,
     "negative binomial",
     9.3460042964688731e-5,
     true},
    // Empty history: m = min_expected 0.5; 15 events are very unlikely.
    {"empty history", {}, 15, "poisson", 1.461050092443922e-17, true},
    // Significant but below min_count.
    {"too few events", {}, 3, "poisson", 0.014387677966970687, false},
    {"nothing new", {0, 0, 0, 0}, 0, "poisson", 1, false},
};

TEST(TestRise, Table) {
  AlertOptions options;
  for (const RiseCase& c : kRises) {
    RiseTest t = TestRise(c.history, c.current, options);
    EXPECT_EQ(t.method, c.method) << c.name;
    if (c.p_value >= 0) {
      EXPECT_NEAR(t.p_value / c.p_value, 1.0, 1e-9) << c.name << ": " << t.p_value;
    }
    EXPECT_EQ(t.alert, c.alert) << c.name << ": p=" << t.p_value << " ratio=" << t.ratio;
  }
}

TEST(TestRise, Figures) {
  RiseTest t = TestRise({0, 5, 0, 8, 1, 0, 9, 2, 0, 6, 1, 4}, 12, AlertOptions{});
  EXPECT_DOUBLE_EQ(t.expected, 3.0);
  EXPECT_NEAR(t.variance, 120.0 / 11, 1e-12);  // sample variance (n - 1)
  EXPECT_DOUBLE_EQ(t.ratio, 4.0);
  // The floor: a silent history expects min_expected.
  RiseTest quiet = TestRise({0, 0, 0}, 2, AlertOptions{});
  EXPECT_DOUBLE_EQ(quiet.expected, 0.5);
  EXPECT_DOUBLE_EQ(quiet.ratio, 4.0);
}

TEST(TestRise, RatioRule) {
  AlertOptions options;
  options.min_ratio = 5;
  // p is tiny for 50 against a steady 20, but the rise is only 2.5 times.
  RiseTest t = TestRise(std::vector<int64_t>(12, 20), 50, options);
  EXPECT_LT(t.p_value, 1e-6);
  EXPECT_FALSE(t.alert);
}

}  // namespace
}  // namespace griot
