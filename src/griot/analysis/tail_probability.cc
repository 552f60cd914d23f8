#include "griot/analysis/tail_probability.h"

#include <math.h>  // lgamma_r

#include <algorithm>
#include <cmath>

namespace griot {
namespace {

constexpr double kEpsilon = 1e-15;
constexpr double kTiny = 1e-300;  // keeps Lentz's denominators off zero
constexpr int kMaxIterations = 1000000;

double LogGamma(double x) {
  int sign = 0;
  return lgamma_r(x, &sign);
}

double Guard(double v) { return std::fabs(v) < kTiny ? kTiny : v; }

// Q(a, x) = 1 - P(a, x) by Legendre's continued fraction, evaluated with
// the modified Lentz method; converges fast for x > a + 1.
double GammaQContinuedFraction(double a, double x, double log_front) {
  double b = x + 1 - a;
  double c = 1 / kTiny;
  double d = 1 / Guard(b);
  double h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    double an = -i * (i - a);
    b += 2;
    d = 1 / Guard(an * d + b);
    c = Guard(b + an / c);
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return std::exp(log_front) * h;
}

// The continued fraction of I_z(a, b) (without its front factor);
// converges fast for z < (a + 1) / (a + b + 2).
double BetaContinuedFraction(double z, double a, double b) {
  double c = 1;
  double d = 1 / Guard(1 - (a + b) * z / (a + 1));
  double h = d;
  for (int m = 1; m < kMaxIterations; ++m) {
    double even = m * (b - m) * z / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / Guard(1 + even * d);
    c = Guard(1 + even / c);
    h *= d * c;
    double odd = -(a + m) * (a + b + m) * z / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / Guard(1 + odd * d);
    c = Guard(1 + odd / c);
    double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1) < kEpsilon) break;
  }
  return h;
}

}  // namespace

double RegularizedGammaP(double a, double x) {
  if (x <= 0) return 0;
  double log_front = -x + a * std::log(x) - LogGamma(a);
  if (x >= a + 1) return 1 - GammaQContinuedFraction(a, x, log_front);
  // Series: P = e^-x x^a / Gamma(a) * sum x^n / (a (a+1) ... (a+n)).
  double term = 1 / a, sum = term;
  for (int n = 1; n < kMaxIterations; ++n) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * kEpsilon) break;
  }
  return sum * std::exp(log_front);
}

double RegularizedBeta(double z, double one_minus_z, double a, double b) {
  if (z <= 0) return 0;
  if (one_minus_z <= 0) return 1;
  double log_front =
      LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * std::log(z) + b * std::log(one_minus_z);
  if (z < (a + 1) / (a + b + 2)) return std::exp(log_front) * BetaContinuedFraction(z, a, b) / a;
  return 1 - std::exp(log_front) * BetaContinuedFraction(one_minus_z, b, a) / b;
}

double PoissonUpperTail(int64_t x, double mean) {
  if (x <= 0) return 1;
  if (mean <= 0) return 0;
  // P(X >= x) = P(x, mean), the regularized lower incomplete gamma.
  return std::clamp(RegularizedGammaP(static_cast<double>(x), mean), 0.0, 1.0);
}

double NegativeBinomialUpperTail(int64_t x, double mean, double size) {
  if (x <= 0) return 1;
  if (mean <= 0) return 0;
  // With success probability p = r / (r + m), counting failures:
  // P(X >= x) = 1 - I_p(r, x) = I_{1-p}(x, r).
  double p = size / (size + mean), q = mean / (size + mean);
  return std::clamp(RegularizedBeta(q, p, static_cast<double>(x), size), 0.0, 1.0);
}

}  // namespace griot
