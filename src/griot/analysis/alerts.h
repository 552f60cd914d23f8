// Alerts: unusual rises of events per country (and per first-level region)
// and event type, each series judged against its own history.
//
// The test (docs/analysis.md): the current period's count x is compared
// with the previous `baseline_periods` periods of the same series. With
// their mean m and variance v, x is drawn from a negative binomial of mean m
// and variance v when v > m (over-dispersed news series), else from a
// Poisson of mean m; m is floored at `min_expected` so that a quiet series
// is not flagged for a handful of events. An alert needs all of:
//   P(X >= x) < p_threshold,  x >= min_count,  x / m >= min_ratio.
//
//   RiseTest t = TestRise({0, 2, 1, 0, 3, 1, 0, 2, 1, 1, 0, 2}, 14, AlertOptions{});
//   // t.alert == true, t.p_value ~ 1e-9
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/util/status.h"

namespace griot {

class Store;

struct AlertOptions {
  std::string period = "week";  // week or month
  int baseline_periods = 12;
  double p_threshold = 0.01;
  int64_t min_count = 5;
  double min_ratio = 2.0;
  double min_expected = 0.5;
  int evidence = 5;  // evidence events listed per alert
  // Count the series from the daily rollup when it is current (the answer
  // is the same; false reads the events table, the reference path).
  bool use_rollup = true;
};

struct RiseTest {
  double expected = 0;    // baseline mean m (after the floor)
  double variance = 0;    // baseline variance v
  double p_value = 1;     // P(X >= x)
  double ratio = 0;       // x / m
  std::string method;     // "poisson" or "negative binomial"
  bool alert = false;
};

// `history`: the baseline counts, oldest first; `current`: this period's count.
RiseTest TestRise(const std::vector<int64_t>& history, int64_t current, const AlertOptions& options);

struct Alert {
  std::string scope;    // "country" or "admin1"
  std::string country;  // ISO-3
  std::string admin1;   // "" for country alerts
  std::string event;    // PLOVER type
  std::string period;   // first day of the flagged period (YYYY-MM-DD)
  int64_t observed = 0;
  RiseTest test;
  std::vector<std::string> evidence;  // event ids, most reported first
};

// Alerts for the period holding `as_of` (YYYY-MM-DD; "" = the latest day in
// the store), optionally for one country; strongest (smallest p) first.
Result<std::vector<Alert>> FindAlerts(Store& store, const AlertOptions& options,
                                      const std::string& country, const std::string& as_of);

}  // namespace griot
