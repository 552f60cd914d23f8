// Date resolution in one pass over each sentence's tokens.
//
// Design: every word and phrase of dates.txt goes into one PhraseTrie keyed by
// the tokens' lower-cased forms; digits are recognised by shape (ISO dates,
// day/month/year, day numbers, years). At each token the resolver tries the
// numeric shapes and the longest trie phrase, then builds the expression
// rightwards ("May" -> "May 12" -> "May 12, 2025"). Words without a year
// (weekdays, months, "12 May", "last week") need the document date D and are
// skipped when it is missing.
//
// Direction: a report is about the past, so "on Tuesday" is the most recent
// Tuesday on or before D and "in December" the most recent December. When the
// verb group nearest to the expression is future ("will meet on Tuesday"),
// the next such day or month is used instead. "last"/"next" force the
// direction and exclude D's own weekday or month.
//
// Assign picks, for each event, the expression in the trigger's clause
// nearest the trigger (after it first, then before), else the nearest one in
// the sentence, else the document date with granularity "unresolved".
#include "griot/time/date_resolver.h"

#include "griot/util/civil_date.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

using Civil = CivilDate;  // util/civil_date.h

int IsoWeekday(int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }

bool LeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && LeapYear(y) ? 29 : kDays[m - 1];
}

bool ValidDate(int64_t y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool IsYear(std::string_view s) {
  if (s.size() != 4 || !AllDigits(s)) return false;
  const int y = ToInt(s);
  return y >= 1900 && y <= 2100;
}

// "YYYY-MM-DD" (the first ten characters of an ISO date or timestamp).
bool ParseIso(std::string_view s, int64_t* days) {
  if (s.size() < 10) return false;
  s = s.substr(0, 10);
  if (s[4] != '-' || s[7] != '-') return false;
  if (!AllDigits(s.substr(0, 4)) || !AllDigits(s.substr(5, 2)) || !AllDigits(s.substr(8, 2))) {
    return false;
  }
  const int y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(5, 2)), d = ToInt(s.substr(8, 2));
  if (!ValidDate(y, m, d)) return false;
  *days = DaysFromCivil(y, m, d);
  return true;
}

// "12/05/2025" or "12.05.2025": day/month/year unless a number shows otherwise
// (first > 12: day first; second > 12: month first).
bool ParseNumeric(std::string_view s, int64_t* days) {
  const size_t a = s.find_first_of("/.");
  if (a == std::string_view::npos) return false;
  const char sep = s[a];
  const size_t b = s.find(sep, a + 1);
  if (b == std::string_view::npos) return false;
  std::string_view p1 = s.substr(0, a), p2 = s.substr(a + 1, b - a - 1), p3 = s.substr(b + 1);
  if (p1.size() > 2 || p2.size() > 2 || !AllDigits(p1) || !AllDigits(p2) || !IsYear(p3)) return false;
  int first = ToInt(p1), second = ToInt(p2);
  int d = first, m = second;
  if (second > 12 && first <= 12) std::swap(d, m);
  if (!ValidDate(ToInt(p3), m, d)) return false;
  *days = DaysFromCivil(ToInt(p3), m, d);
  return true;
}

std::string FormatDay(int64_t days) {
  const Civil c = CivilFromDays(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.y), c.m, c.d);
  return buf;
}

}  // namespace

// A match at one position: tokens [first, last), resolved to `days` (any day
// inside the period) at `unit` granularity. last == 0: nothing found.
struct DateResolver::Found {
  uint32_t first = 0;
  uint32_t last = 0;
  int64_t days = 0;
  Unit unit = Unit::kDay;
  const char* rule = "";
};

Result<DateResolver> DateResolver::Load(const std::string& kb_dir, const FrontEnd& front_end) {
  Result<KbFile> file = ReadKbFile(kb_dir + "/dates.txt", "dates");
  if (!file.ok()) return file.status();
  DateResolver r;
  auto add = [&](const std::string& phrase, const Entry& e) {
    std::vector<std::string> words;
    for (const Token& t : front_end.AnalyzePhrase(phrase)) words.push_back(t.lower);
    if (words.empty()) return;
    r.trie_.Insert(words, static_cast<uint32_t>(r.entries_.size()));
    // "Sept." may come back as "sept" "." out of context; text keeps it whole.
    if (words.size() == 2 && words.back() == ".") {
      std::string joined = words[0];
      joined.push_back('.');
      r.trie_.Insert({joined}, static_cast<uint32_t>(r.entries_.size()));
    }
    r.entries_.push_back(e);
  };
  for (const KbLine& l : file->lines) {
    const std::string& kind = l.fields[0];
    auto need = [&](size_t n) -> Status {
      if (l.fields.size() < n) {
        return file->Error(l, "`" + kind + "` needs " + std::to_string(n) + " fields");
      }
      return Status::Ok();
    };
    Entry e;
    size_t names = 1;
    if (kind == "month" || kind == "weekday") {
      GRIOT_RETURN_IF_ERROR(need(3));
      e.word = kind == "month" ? Word::kMonth : Word::kWeekday;
      e.value = ToInt(l.fields[1]);
      const int max = kind == "month" ? 12 : 7;
      if (!AllDigits(l.fields[1]) || e.value < 1 || e.value > max) {
        return file->Error(l, "number must be 1-" + std::to_string(max) + ", got '" + l.fields[1] + "'");
      }
      if (l.fields.size() > 3) {
        if (l.fields[3] != "strict") return file->Error(l, "unknown option '" + l.fields[3] + "' (only `strict`)");
        e.strict = true;
      }
      names = 2;
    } else if (kind == "relative") {
      GRIOT_RETURN_IF_ERROR(need(4));
      e.word = Word::kRelative;
      const std::string& u = l.fields[2];
      if (u == "day") e.unit = Unit::kDay;
      else if (u == "week") e.unit = Unit::kWeek;
      else if (u == "month") e.unit = Unit::kMonth;
      else if (u == "year") e.unit = Unit::kYear;
      else return file->Error(l, "unit must be day, week, month or year, got '" + u + "'");
      char* end = nullptr;
      e.value = static_cast<int>(std::strtol(l.fields[3].c_str(), &end, 10));
      if (l.fields[3].empty() || *end != '\0') return file->Error(l, "offset must be an integer, got '" + l.fields[3] + "'");
    } else if (kind == "ordinal") {
      GRIOT_RETURN_IF_ERROR(need(2));
      for (const std::string& s : SplitList(l.fields[1])) r.ordinal_suffixes_.push_back(s);
      continue;
    } else if (kind == "last") {
      e.word = Word::kLast;
    } else if (kind == "next") {
      e.word = Word::kNext;
    } else if (kind == "year-cue") {
      e.word = Word::kYearCue;
    } else if (kind == "ignore") {
      e.word = Word::kIgnore;
    } else if (kind == "qualifier") {
      e.word = Word::kQualifier;
    } else if (kind == "link") {
      e.word = Word::kLink;
    } else {
      return file->Error(l, "unknown line kind '" + kind +
                                "' (expected month, weekday, relative, last, next, year-cue, "
                                "ignore, qualifier, link or ordinal)");
    }
    GRIOT_RETURN_IF_ERROR(need(names + 1));
    std::vector<std::string> list = SplitList(l.fields[names]);
    if (list.empty()) return file->Error(l, "no words given");
    for (const std::string& phrase : list) add(phrase, e);
  }
  return r;
}

const DateResolver::Entry* DateResolver::Single(std::string_view lower) const {
  PhraseTrie::Match m = trie_.Longest(1, [&](uint32_t) { return lower; });
  return m.length == 1 ? &entries_[m.values->front()] : nullptr;
}

const DateResolver::Entry* DateResolver::Single(const Token& t) const { return Single(t.lower); }

int DateResolver::DayNumber(std::string_view lower) const {
  size_t n = 0;
  while (n < lower.size() && n < 2 && lower[n] >= '0' && lower[n] <= '9') ++n;
  if (n == 0) return 0;
  std::string_view rest = lower.substr(n);
  if (!rest.empty()) {
    bool suffix = false;
    for (const std::string& s : ordinal_suffixes_) suffix = suffix || rest == s;
    if (!suffix) return 0;
  }
  const int d = ToInt(lower.substr(0, n));
  return d >= 1 && d <= 31 ? d : 0;
}

// A strict month name ("May") needs a capital inside the sentence, or a day
// or year number beside it; otherwise it is the ordinary word.
bool DateResolver::MonthAccepted(const Document& doc, const Sentence& s, uint32_t i,
                                 const Entry& e) const {
  if (!e.strict) return true;
  const Token& t = doc.tokens[i];
  if (t.capitalized && !t.sentence_initial && !t.all_caps) return true;
  if (i + 1 < s.last_token) {
    std::string_view next = doc.tokens[i + 1].lower;
    if (DayNumber(next) || IsYear(next)) return true;
  }
  return i > s.first_token && DayNumber(doc.tokens[i - 1].lower);
}

// Dates that carry their own month and day: "12 May [2025]", "the 12th of May",
// "May 12[, 2025]", "2025-05-12", "12/05/2025". Without a year, `days` holds
// the day in year 0 and `unit` is kDay; the caller supplies the year.
DateResolver::Found DateResolver::ExplicitDate(const Document& doc, const Sentence& s,
                                               uint32_t i) const {
  Found f;
  const uint32_t end = s.last_token;
  const std::string& w = doc.tokens[i].lower;
  int64_t days = 0;
  if (ParseIso(w, &days) && w.size() == 10) return {i, i + 1, days, Unit::kDay, "iso"};
  if (ParseNumeric(w, &days)) return {i, i + 1, days, Unit::kDay, "numeric d/m/y"};
  // Optional year after a day-month pair, with or without a comma.
  auto with_year = [&](uint32_t j, int m, int d, const char* rule) -> Found {
    uint32_t k = j < end && doc.tokens[j].lower == "," ? j + 1 : j;
    if (k < end && IsYear(doc.tokens[k].lower)) {
      const int y = ToInt(doc.tokens[k].lower);
      if (!ValidDate(y, m, d)) return {};
      return {i, k + 1, DaysFromCivil(y, m, d), Unit::kDay, rule};
    }
    if (d > DaysInMonth(2000, m)) return {};  // 2000 is a leap year: allows 29 February
    return {i, j, DaysFromCivil(0, m, d), Unit::kDay, rule};
  };
  if (int d = DayNumber(w)) {
    uint32_t j = i + 1;
    if (j < end && Single(doc.tokens[j]) && Single(doc.tokens[j])->word == Word::kLink) ++j;
    const Entry* e = j < end ? Single(doc.tokens[j]) : nullptr;
    if (e && e->word == Word::kMonth && MonthAccepted(doc, s, j, *e)) {
      Found r = with_year(j + 1, e->value, d, "day month");
      if (r.last) return r;
    }
    return f;
  }
  const Entry* e = Single(doc.tokens[i]);
  if (e && e->word == Word::kMonth && MonthAccepted(doc, s, i, *e) && i + 1 < end) {
    if (int d = DayNumber(doc.tokens[i + 1].lower)) {
      // "May 2025" is a month, not day 20: DayNumber stops at two digits.
      if (doc.tokens[i + 1].lower.size() <= 4 && !IsYear(doc.tokens[i + 1].lower)) {
        Found r = with_year(i + 2, e->value, d, "month day");
        if (r.last) return r;
      }
    }
  }
  return f;
}

namespace {

enum class Direction { kPast, kFuture };

// "last" and "next" exclude the document date's own weekday or month.
int64_t WeekdayNear(int64_t today, int weekday, Direction dir, bool strict) {
  const int delta = weekday - IsoWeekday(today);
  if (dir == Direction::kPast) {
    int back = ((-delta) % 7 + 7) % 7;
    if (strict && back == 0) back = 7;
    return today - back;
  }
  int ahead = (delta % 7 + 7) % 7;
  if (ahead == 0) ahead = 7;  // "will meet on Tuesday" said on a Tuesday: next week
  return today + ahead;
}

int64_t MonthNear(int64_t today, int month, Direction dir, bool strict) {
  const Civil c = CivilFromDays(today);
  int64_t y = c.y;
  if (dir == Direction::kPast) {
    if (month > c.m || (strict && month == c.m)) --y;
  } else if (month < c.m || (strict && month == c.m)) {
    ++y;
  }
  return DaysFromCivil(y, month, 1);
}

// A day and month without a year: the nearest such day on the report's side of D.
int64_t DayMonthNear(int64_t today, int month, int day, Direction dir) {
  int64_t y = CivilFromDays(today).y;
  for (int step = 0; step < 8; ++step) {
    if (ValidDate(y, month, day)) {
      const int64_t days = DaysFromCivil(y, month, day);
      if (dir == Direction::kPast && days <= today) return days;
      if (dir == Direction::kFuture && days >= today) return days;
    }
    y += dir == Direction::kPast ? -1 : 1;
  }
  return today;
}

}  // namespace

DateResolver::Found DateResolver::MatchAt(const Document& doc, const Sentence& s, uint32_t i,
                                          const int64_t* today) const {
  const uint32_t end = s.last_token;
  const Token& t = doc.tokens[i];
  auto direction = [&]() {
    // The tense of the verb group nearest to the expression.
    uint32_t best = std::numeric_limits<uint32_t>::max();
    bool future = false;
    for (const Chunk& c : s.chunks) {
      if (c.kind != ChunkKind::kVerbGroup) continue;
      const uint32_t dist = c.last <= i ? i - c.last : c.first > i ? c.first - i : 0;
      if (dist < best) best = dist, future = c.future;
    }
    return future ? Direction::kFuture : Direction::kPast;
  };
  auto year_cue_before = [&](uint32_t k) {
    const Entry* e = k > s.first_token ? Single(doc.tokens[k - 1]) : nullptr;
    return e && e->word == Word::kYearCue;
  };

  PhraseTrie::Match m = trie_.Longest(end - i, [&](uint32_t k) { return std::string_view(doc.tokens[i + k].lower); });
  const bool digit = !t.lower.empty() && t.lower[0] >= '0' && t.lower[0] <= '9';
  if (!m.length && !digit && t.lower.find('-') == std::string::npos) return {};  // the common case

  Found f = ExplicitDate(doc, s, i);
  if (f.last) {
    const Civil c = CivilFromDays(f.days);
    if (c.y == 0) {
      if (!today) return {};
      f.days = DayMonthNear(*today, c.m, c.d, direction());
    }
    return f;
  }
  if (IsYear(t.lower)) {
    if (!year_cue_before(i)) return {};
    return {i, i + 1, DaysFromCivil(ToInt(t.lower), 1, 1), Unit::kYear, "year"};
  }

  auto month_at = [&](uint32_t first, uint32_t j, int month, bool strict, const char* rule) -> Found {
    if (j < end && IsYear(doc.tokens[j].lower)) {
      return {first, j + 1, DaysFromCivil(ToInt(doc.tokens[j].lower), month, 1), Unit::kMonth,
              "month year"};
    }
    if (!today) return {};
    return {first, j, MonthNear(*today, month, direction(), strict), Unit::kMonth, rule};
  };

  if (!m.length) {
    // "mid-March": a qualifier joined to a month by a hyphen.
    const size_t dash = t.lower.find('-');
    if (dash == std::string::npos) return {};
    const Entry* q = Single(std::string_view(t.lower).substr(0, dash));
    const Entry* e = Single(std::string_view(t.lower).substr(dash + 1));
    if (!q || q->word != Word::kQualifier || !e || e->word != Word::kMonth) return {};
    return month_at(i, i + 1, e->value, false, "month");
  }
  const Entry& e = entries_[m.values->front()];
  const uint32_t j = i + m.length;
  switch (e.word) {
    case Word::kRelative: {
      if (!today) return {};
      const Civil c = CivilFromDays(*today);
      switch (e.unit) {
        case Unit::kDay:
          return {i, j, *today + e.value, Unit::kDay, "relative day"};
        case Unit::kWeek:
          return {i, j, *today + 7 * e.value, Unit::kWeek, "relative week"};
        case Unit::kMonth: {
          const int64_t months = c.y * 12 + (c.m - 1) + e.value;
          return {i, j, DaysFromCivil(months / 12, static_cast<int>(months % 12) + 1, 1), Unit::kMonth,
                  "relative month"};
        }
        case Unit::kYear:
          return {i, j, DaysFromCivil(c.y + e.value, 1, 1), Unit::kYear, "relative year"};
      }
      return {};
    }
    case Word::kWeekday: {
      // "Tuesday, May 13": the explicit date says more than the weekday.
      const uint32_t k = j < end && doc.tokens[j].lower == "," ? j + 1 : j;
      if (k < end) {
        Found x = MatchAt(doc, s, k, today);
        if (x.last && x.unit == Unit::kDay && x.first == k) {
          x.first = i;
          return x;
        }
      }
      if (!today) return {};
      return {i, j, WeekdayNear(*today, e.value, direction(), false), Unit::kDay, "weekday"};
    }
    case Word::kMonth:
      if (!MonthAccepted(doc, s, i, e)) return {};
      return month_at(i, j, e.value, false, "month");
    case Word::kLast:
    case Word::kNext: {
      const Entry* n = j < end ? Single(doc.tokens[j]) : nullptr;
      if (!n || !today) return {};
      const Direction dir = e.word == Word::kLast ? Direction::kPast : Direction::kFuture;
      if (n->word == Word::kWeekday) {
        return {i, j + 1, WeekdayNear(*today, n->value, dir, true), Unit::kDay, "last/next weekday"};
      }
      if (n->word == Word::kMonth && MonthAccepted(doc, s, j, *n)) {
        return {i, j + 1, MonthNear(*today, n->value, dir, true), Unit::kMonth, "last/next month"};
      }
      return {};
    }
    case Word::kQualifier: {
      // "early March", "in late 2022": the qualified period keeps its granularity.
      if (j >= end) return {};
      Found x;
      if (IsYear(doc.tokens[j].lower)) {
        if (year_cue_before(i)) x = {j, j + 1, DaysFromCivil(ToInt(doc.tokens[j].lower), 1, 1), Unit::kYear, "year"};
      } else {
        x = MatchAt(doc, s, j, today);
      }
      if (!x.last || x.first != j || (x.unit != Unit::kMonth && x.unit != Unit::kYear)) return {};
      x.first = i;
      return x;
    }
    default:
      return {};
  }
}

void DateResolver::Annotate(Document& doc) const {
  int64_t day = 0;
  const int64_t* today = ParseIso(doc.date, &day) ? &day : nullptr;
  // Only sentences that hold events need their dates (and the count
  // extractor's date exclusions): skip the others, which are most of a text.
  std::vector<bool> has_event(doc.sentences.size(), false);
  for (const Event& e : doc.events) has_event[e.sentence] = true;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    Sentence& s = doc.sentences[si];
    s.times.clear();
    if (!has_event[si]) continue;
    for (uint32_t i = s.first_token; i < s.last_token;) {
      Found f = MatchAt(doc, s, i, today);
      if (!f.last) {
        ++i;
        continue;
      }
      const Entry* before = f.first > s.first_token ? Single(doc.tokens[f.first - 1]) : nullptr;
      if (!before || before->word != Word::kIgnore) {
        TimeExpression te;
        te.first = f.first;
        te.last = f.last;
        int64_t start = f.days;
        const Civil c = CivilFromDays(f.days);
        switch (f.unit) {
          case Unit::kDay: te.granularity = "day"; break;
          case Unit::kWeek: te.granularity = "week"; start -= IsoWeekday(f.days) - 1; break;
          case Unit::kMonth: te.granularity = "month"; start = DaysFromCivil(c.y, c.m, 1); break;
          case Unit::kYear: te.granularity = "year"; start = DaysFromCivil(c.y, 1, 1); break;
        }
        te.date = FormatDay(start);
        te.rule = f.rule;
        s.times.push_back(std::move(te));
      }
      i = f.last;
    }
  }
}

void DateResolver::Assign(Document& doc) const {
  int64_t day = 0;
  const bool dated = ParseIso(doc.date, &day);
  for (Event& ev : doc.events) {
    ev.date = dated ? doc.date.substr(0, 10) : "";
    ev.date_granularity = dated ? "unresolved" : "";
    if (ev.sentence >= doc.sentences.size()) continue;
    const Sentence& s = doc.sentences[ev.sentence];
    if (s.times.empty()) continue;
    // The trigger's token and its clause [lo, hi) in tokens.
    uint32_t trigger = s.first_token;
    while (trigger + 1 < s.last_token && doc.tokens[trigger].span.end <= ev.trigger.begin) ++trigger;
    uint32_t lo = s.first_token, hi = s.last_token;
    if (ev.clause.end > ev.clause.begin) {
      while (lo < hi && doc.tokens[lo].span.begin < ev.clause.begin) ++lo;
      while (hi > lo && doc.tokens[hi - 1].span.end > ev.clause.end) --hi;
    } else {
      constexpr uint32_t kEdge = kFlagBoundary | kFlagRelative;
      auto edge = [&](const Token& t) {
        return (t.flags & kEdge) || t.tag == Tag::kSubordinator || t.lower == ";";
      };
      lo = trigger;
      while (lo > s.first_token && !edge(doc.tokens[lo - 1])) --lo;
      hi = trigger + 1;
      while (hi < s.last_token && !edge(doc.tokens[hi])) ++hi;
    }
    const TimeExpression* best = nullptr;
    uint64_t best_rank = std::numeric_limits<uint64_t>::max();
    for (const TimeExpression& te : s.times) {
      const bool inside = te.first >= lo && te.last <= hi;
      const bool after = te.first > trigger;
      const uint32_t dist = after ? te.first - trigger : trigger >= te.last ? trigger - te.last + 1 : 0;
      const uint64_t tier = inside ? (after ? 0 : 1) : 2;
      const uint64_t rank = tier << 32 | dist;
      if (rank < best_rank) best_rank = rank, best = &te;
    }
    ev.date = best->date;
    ev.date_granularity = best->granularity;
  }
}

}  // namespace griot
