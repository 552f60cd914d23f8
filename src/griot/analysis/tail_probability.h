// Upper-tail probabilities P(X >= x) of the count distributions the alert
// test uses, computed through the regularized incomplete gamma and beta
// functions so that tiny tails (1e-30) keep their precision instead of
// vanishing in 1 - CDF. No external library; lgamma_r keeps them
// thread-safe (std::lgamma writes the global signgam).
//
//   PoissonUpperTail(10, 2.0);                   // 4.6498e-05
//   NegativeBinomialUpperTail(10, 2.0, 1.5);     // mean 2, size 1.5
#pragma once

#include <cstdint>

namespace griot {

// X ~ Poisson(mean); 1 for x <= 0, and for mean <= 0: 0 when x > 0.
double PoissonUpperTail(int64_t x, double mean);

// X ~ negative binomial with the given mean and size r (dispersion):
// variance = mean + mean^2 / r. 1 for x <= 0.
double NegativeBinomialUpperTail(int64_t x, double mean, double size);

// Regularized lower incomplete gamma P(a, x), a > 0, x >= 0.
double RegularizedGammaP(double a, double x);

// Regularized incomplete beta I_z(a, b), a, b > 0; `one_minus_z` is 1 - z,
// passed separately so that a z near 1 loses no digits.
double RegularizedBeta(double z, double one_minus_z, double a, double b);

}  // namespace griot
