#include "griot/io/rfc_date.h"

#include "griot/util/civil_date.h"

#include <cstdint>
#include <cstdio>

namespace griot {
namespace {

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_zone = false;
  int offset_minutes = 0;  // local time = UTC + offset
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A cursor over the text; every Read* consumes only on success.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  void SkipSpaces() {
    while (!AtEnd() && IsSpace(s_[i_])) ++i_;
  }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Reads min..max digits as a number ("+0530" is read as 05 then 30).
  bool ReadNumber(size_t min, size_t max, int* out) {
    size_t j = i_;
    int v = 0;
    while (j < s_.size() && j - i_ < max && IsDigit(s_[j])) v = v * 10 + (s_[j++] - '0');
    if (j - i_ < min) return false;
    *out = v;
    i_ = j;
    return true;
  }
  std::string_view ReadWord() {
    size_t j = i_;
    while (j < s_.size() && IsAlpha(s_[j])) ++j;
    std::string_view w = s_.substr(i_, j - i_);
    i_ = j;
    return w;
  }
  void SkipDigits() {
    while (!AtEnd() && IsDigit(s_[i_])) ++i_;
  }
  // Skips past the next `c`; false when there is none.
  bool SkipPast(char c) {
    size_t j = s_.find(c, i_);
    if (j == std::string_view::npos) return false;
    i_ = j + 1;
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool Valid(const DateTime& d) {
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12) return false;
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return false;
  return d.hour <= 23 && d.minute <= 59 && d.second <= 60 && d.offset_minutes > -24 * 60 &&
         d.offset_minutes < 24 * 60;
}

// Days since 1970-01-01 and back (util/civil_date.h).
void CivilFromDays(int64_t z, DateTime* d) {
  const CivilDate c = griot::CivilFromDays(z);
  d->year = static_cast<int>(c.y);
  d->month = c.m;
  d->day = c.d;
}

std::string Format(DateTime d) {
  if (d.second == 60) d.second = 59;  // a leap second is not worth a day rollover
  if (d.has_zone && d.offset_minutes != 0) {
    int64_t minutes =
        (DaysFromCivil(d.year, d.month, d.day) * 24 + d.hour) * 60 + d.minute - d.offset_minutes;
    int64_t days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
    int64_t in_day = minutes - days * 1440;
    CivilFromDays(days, &d);
    d.hour = static_cast<int>(in_day / 60);
    d.minute = static_cast<int>(in_day % 60);
    if (d.year < 1 || d.year > 9999) return "";
  }
  char buf[32];
  if (!d.has_time) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", d.year, d.month, d.day,
                  d.hour, d.minute, d.second, d.has_zone ? "Z" : "");
  }
  return buf;
}

// "+hh:mm", "+hhmm", "+hh" after the sign has been seen.
bool ReadNumericOffset(Cursor* c, DateTime* d) {
  int sign = c->Eat('+') ? 1 : (c->Eat('-') ? -1 : 0);
  if (sign == 0) return false;
  int h = 0, m = 0;
  if (!c->ReadNumber(2, 2, &h)) return false;
  c->Eat(':');
  if (IsDigit(c->Peek()) && !c->ReadNumber(2, 2, &m)) return false;
  if (h > 23 || m > 59) return false;
  d->has_zone = true;
  d->offset_minutes = sign * (h * 60 + m);
  return true;
}

// HH:MM[:SS[.fff]]
bool ReadTime(Cursor* c, DateTime* d) {
  if (!c->ReadNumber(1, 2, &d->hour) || !c->Eat(':') || !c->ReadNumber(2, 2, &d->minute))
    return false;
  if (c->Eat(':')) {
    if (!c->ReadNumber(2, 2, &d->second)) return false;
    if (c->Eat('.') || c->Eat(',')) c->SkipDigits();
  }
  d->has_time = true;
  return true;
}

bool EndsCleanly(Cursor* c) {
  c->SkipSpaces();
  return c->AtEnd();
}

// RFC 3339 / ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.frac]][Z|+hh:mm]]
bool ParseIso(std::string_view s, DateTime* d) {
  Cursor c(s);
  c.SkipSpaces();
  if (!c.ReadNumber(4, 4, &d->year) || !c.Eat('-') || !c.ReadNumber(2, 2, &d->month) ||
      !c.Eat('-') || !c.ReadNumber(2, 2, &d->day)) {
    return false;
  }
  if (c.Eat('T') || c.Eat('t') || (c.Peek() == ' ' && c.Eat(' ') && IsDigit(c.Peek()))) {
    if (!ReadTime(&c, d)) return false;
    c.SkipSpaces();
    if (c.Eat('Z') || c.Eat('z')) {
      d->has_zone = true;
    } else if ((c.Peek() == '+' || c.Peek() == '-') && !ReadNumericOffset(&c, d)) {
      return false;
    }
  }
  return EndsCleanly(&c);
}

int MonthFromName(std::string_view w) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (Lower(w[0]) == kMonths[m][0] && Lower(w[1]) == kMonths[m][1] &&
        Lower(w[2]) == kMonths[m][2])
      return m + 1;
  }
  return 0;
}

// Zone names of RFC 822 §5. Other letters (military zones, "CEST", ...) are
// read as UTC: RFC 2822 §4.3 says to treat unknown zones as "-0000".
int ZoneOffsetMinutes(std::string_view w) {
  struct Zone {
    const char* name;
    int hours;
  };
  static const Zone kZones[] = {{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
                                {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  if (w.size() != 3) return 0;
  for (const Zone& z : kZones) {
    if (Lower(w[0]) == z.name[0] && Lower(w[1]) == z.name[1] && Lower(w[2]) == z.name[2])
      return z.hours * 60;
  }
  return 0;
}

// RFC 822/1123/2822, also RFC 850's "Tuesday, 14-May-24":
//   [Day,] DD Mon YY[YY] [HH:MM[:SS]] [zone] [(comment)]
bool ParseRfc822(std::string_view s, DateTime* d) {
  Cursor c(s);
  c.SkipSpaces();
  if (IsAlpha(c.Peek())) {  // day of the week: not checked against the date
    c.ReadWord();
    c.Eat(',');
    c.SkipSpaces();
  }
  if (!c.ReadNumber(1, 2, &d->day)) return false;
  if (!c.Eat('-')) c.SkipSpaces();
  d->month = MonthFromName(c.ReadWord());
  if (d->month == 0) return false;
  c.Eat('.');
  if (!c.Eat('-')) c.SkipSpaces();
  int year = 0;
  Cursor probe = c;
  if (probe.ReadNumber(4, 4, &year)) {
    c = probe;
  } else if (c.ReadNumber(2, 3, &year)) {
    year += year < 50 ? 2000 : 1900;  // RFC 2822 §4.3
  } else {
    return false;
  }
  d->year = year;
  c.SkipSpaces();
  if (IsDigit(c.Peek()) && !ReadTime(&c, d)) return false;
  c.SkipSpaces();
  if (c.Peek() == '+' || c.Peek() == '-') {
    if (!ReadNumericOffset(&c, d)) return false;
  } else if (IsAlpha(c.Peek())) {
    d->offset_minutes = ZoneOffsetMinutes(c.ReadWord());
    d->has_zone = true;
  } else if (d->has_time) {
    d->has_zone = true;  // RFC 822 makes the zone mandatory; feeds that omit it mean GMT
  }
  c.SkipSpaces();
  if (c.Eat('(') && !c.SkipPast(')')) return false;
  return EndsCleanly(&c);
}

}  // namespace

std::string NormalizeInternetDate(std::string_view text) {
  if (text.size() > 128) return "";
  DateTime d;
  if (!ParseIso(text, &d)) {
    d = DateTime();
    if (!ParseRfc822(text, &d)) return "";
  }
  if (!Valid(d)) return "";
  return Format(d);
}

}  // namespace griot
