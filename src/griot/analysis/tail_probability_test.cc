#include "griot/analysis/tail_probability.h"

#include <gtest/gtest.h>

#include <cmath>

namespace griot {
namespace {

// Reference values computed independently with mpmath at 50 digits (the
// pmf summed upward from x; 1 - the sum below x cancels to 0 in the tiny
// tails even at that precision).
struct TailCase {
  const char* name;
  int64_t x;
  double mean;
  double size;  // 0 = Poisson
  double expected;
};

const TailCase kCases[] = {
    {"poisson 10 of 2", 10, 2, 0, 4.6498075017263808e-5},
    {"poisson 15 of 0.5", 15, 0.5, 0, 1.461050092443922e-17},
    {"poisson tiny tail", 100, 2, 0, 1.8753891139878188e-129},
    {"poisson large mean", 1200, 1000, 0, 4.6842038558722808e-10},
    {"poisson near the mean", 5, 5, 0, 0.55950671493478759},
    {"poisson 1 of 0.5", 1, 0.5, 0, 0.39346934028736658},
    {"poisson 14 of 13/12", 14, 13.0 / 12, 0, 1.2828328216764459e-11},
    {"nb 10 of 2, size 1.5", 10, 2, 1.5, 0.0095103374772338071},
    {"nb tiny tail", 200, 3, 0.5, 4.2420156211394441e-15},
    {"nb near the mean", 40, 20, 4, 0.056874547320370254},
    {"nb geometric", 1, 1, 1, 0.5},
};

TEST(TailProbability, MatchesIndependentValues) {
  for (const TailCase& c : kCases) {
    double p =
        c.size > 0 ? NegativeBinomialUpperTail(c.x, c.mean, c.size) : PoissonUpperTail(c.x, c.mean);
    EXPECT_NEAR(p / c.expected, 1.0, 1e-9) << c.name << ": " << p;
  }
}

// Differential check against the plain definition: the pmf summed upward
// from x in log space (slow but simple).
double SummedTail(int64_t x, double mean, double size) {
  double sum = 0;
  for (int64_t k = x; k < x + 100000; ++k) {
    double log_pmf = size > 0 ? std::lgamma(k + size) - std::lgamma(size) - std::lgamma(k + 1.0) +
                                    size * std::log(size / (size + mean)) +
                                    k * std::log(mean / (size + mean))
                              : -mean + k * std::log(mean) - std::lgamma(k + 1.0);
    double term = std::exp(log_pmf);
    sum += term;
    if (k > mean && term < sum * 1e-17) break;
  }
  return sum;
}

TEST(TailProbability, AgreesWithSummedPmf) {
  for (double mean : {0.3, 1.0, 2.5, 7.0, 30.0}) {
    for (double size : {0.0, 0.4, 2.0, 25.0}) {
      for (int64_t x : {1, 2, 5, 10, 20, 60}) {
        double p = size > 0 ? NegativeBinomialUpperTail(x, mean, size) : PoissonUpperTail(x, mean);
        double want = SummedTail(x, mean, size);
        EXPECT_NEAR(p / want, 1.0, 1e-8) << "x=" << x << " mean=" << mean << " size=" << size;
      }
    }
  }
}

TEST(TailProbability, Edges) {
  EXPECT_EQ(PoissonUpperTail(0, 3), 1);
  EXPECT_EQ(PoissonUpperTail(-2, 3), 1);
  EXPECT_EQ(PoissonUpperTail(4, 0), 0);
  EXPECT_EQ(NegativeBinomialUpperTail(0, 3, 1), 1);
  EXPECT_EQ(RegularizedGammaP(2, 0), 0);
  EXPECT_EQ(RegularizedBeta(0, 1, 2, 3), 0);
  EXPECT_EQ(RegularizedBeta(1, 0, 2, 3), 1);
}

}  // namespace
}  // namespace griot
