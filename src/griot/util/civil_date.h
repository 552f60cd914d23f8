// Civil (proleptic Gregorian) dates <-> days since 1970-01-01, after Howard
// Hinnant's public-domain algorithms. One copy for the date resolver, the
// feed/WARC date parser and the historical-event check.
//
//   int64_t d = DaysFromCivil(2024, 5, 14);   // 19857
//   CivilDate c = CivilFromDays(d);            // {2024, 5, 14}
#pragma once

#include <cstdint>

namespace griot {

struct CivilDate {
  int64_t y;
  int m;
  int d;
};

inline int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

inline CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

}  // namespace griot
