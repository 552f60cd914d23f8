#include "griot/run/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace griot {
namespace {

TEST(Progress, DurationsReadLikeAClock) {
  struct Case {
    double seconds;
    const char* text;
  } cases[] = {
      {0, "0s"},         {9.4, "9s"},        {59.4, "59s"},       {60, "1m00s"},
      {185, "3m05s"},    {3599, "59m59s"},   {3600, "1h00m"},     {7380, "2h03m"},
      {-5, "0s"},        {100 * 3600.0, "100h00m"},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatDuration(c.seconds), c.text) << c.seconds;
}

TEST(Progress, LineShowsRatesAndWhenKnownPercentAndEta) {
  struct Case {
    Progress p;
    const char* text;
  } cases[] = {
      // Input size unknown (stdin): no percent, no ETA.
      {{1200, 3'600'000, 3100, 3.0, 0, 0}, "1200 docs, 400 docs/s, 1.2 MB/s, 3100 events"},
      // A quarter done in 3 s: 9 s to go.
      {{1200, 3'600'000, 3100, 3.0, 250, 1000},
       "1200 docs, 400 docs/s, 1.2 MB/s, 3100 events, 25%, ETA 9s"},
      // Nothing done yet: no rate to extrapolate.
      {{0, 0, 0, 0.0, 0, 1000}, "0 docs, 0 docs/s, 0.0 MB/s, 0 events, 0%"},
      // Long runs: ETA in hours and minutes.
      {{10, 10'000'000, 5, 600.0, 1, 20}, "10 docs, 0 docs/s, 0.0 MB/s, 5 events, 5%, ETA 3h10m"},
      // Consumed past the size (a compressed input): capped at 100%.
      {{5, 1000, 1, 1.0, 2000, 1000}, "5 docs, 5 docs/s, 0.0 MB/s, 1 events, 100%, ETA 0s"},
  };
  for (const Case& c : cases) EXPECT_EQ(FormatProgress(c.p), c.text);
}

// The status line is erased before a log message, so messages start at the
// beginning of a clean line.
TEST(Progress, LogMessagesEraseTheStatusLineFirst) {
  std::ostringstream term;
  ProgressLine line(&term);
  line.Show("10 docs");
  line.Log() << "griot: skipped: x\n";
  line.Show("11 docs");
  line.Clear();
  EXPECT_EQ(term.str(), "\r10 docs\x1b[K\r\x1b[Kgriot: skipped: x\n\r11 docs\x1b[K\r\x1b[K");
}

}  // namespace
}  // namespace griot
