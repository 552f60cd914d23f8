// Count extraction: only sentences that hold events are read.
//
// Design: a quantity is a number ("12", "1,200", "2.5 million", "twenty-five",
// "two dozen"), a range ("between 30 and 55", "30-55") or a vague word
// ("dozens"), optionally after a bound ("at least", "about"); all of these are
// one PhraseTrie over lower-cased words plus digit shapes. The kind of a
// quantity comes from cue lemmas around it, in this order:
//   1. after its noun phrase: "12 soldiers were killed", "30 people died",
//      "left 12 dead" (a verb cue counts here only when passive or without
//      an object, so "40 gunmen killed villagers" does not count the gunmen);
//   2. just before it, an active verb cue: "killed 12 soldiers";
//   3. a toll noun earlier in its clause: "the death toll rose to 40";
//   4. the counted noun: "12 deaths", "thousands of protesters".
// A quantity with no cue that follows "and" right after a counted one adds to
// it ("killed 12 soldiers and 5 civilians" -> 17). Numbers inside time
// expressions (run DateResolver::Annotate first) or counting non-people
// ("12 years", "5 km") are never counts. Each quantity gives at most one count,
// attached to every event of its sentence whose type admits that kind.
#include "griot/count/count_extractor.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

constexpr const char* kKinds[] = {"killed", "injured", "arrested", "abducted", "displaced", "participants"};
constexpr int kKindCount = 6;

// Which kinds of count each PLOVER type admits (bit i = kKinds[i]).
uint32_t AllowedKinds(const std::string& type) {
  if (type == "ASSAULT" || type == "COERCE") return 0b011111;
  if (type == "PROTEST") return 0b100111;
  if (type == "MOBILIZE") return 0b100000;
  return 0;
}

int KindIndex(std::string_view kind) {
  for (int k = 0; k < kKindCount; ++k) {
    if (kind == kKinds[k]) return k;
  }
  return -1;
}

bool Digit(char c) { return c >= '0' && c <= '9'; }

// "12", "1,200", "20,000" (commas every three digits); -1 when not a count.
int64_t ParseDigits(std::string_view s) {
  if (s.empty() || s.size() > 13 || !Digit(s[0])) return -1;
  int64_t v = 0;
  size_t group = 0;
  bool commas = false;
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    if (c == ',') {
      if (group == 0 || (commas && group != 3) || (!commas && group > 3)) return -1;
      commas = true;
      group = 0;
      continue;
    }
    if (!Digit(c)) return -1;
    v = v * 10 + (c - '0');
    ++group;
  }
  if (commas && group != 3) return -1;
  return v;
}

bool NounTag(Tag t) { return t == Tag::kNoun || t == Tag::kProperNoun; }

bool StartsNounPhrase(Tag t) {
  return NounTag(t) || t == Tag::kDeterminer || t == Tag::kNumber || t == Tag::kPronoun ||
         t == Tag::kAdjective;
}

}  // namespace

struct CountExtractor::Quantity {
  uint32_t first = 0;  // tokens [first, last)
  uint32_t last = 0;
  int64_t min = 0;
  int64_t max = 0;
};

Result<CountExtractor> CountExtractor::Load(const std::string& kb_dir, const FrontEnd& front_end) {
  Result<KbFile> file = ReadKbFile(kb_dir + "/counts.txt", "counts");
  if (!file.ok()) return file.status();
  CountExtractor c;
  auto number = [&](const KbLine& l, size_t f, int64_t* v) -> Status {
    char* end = nullptr;
    const std::string& s = l.fields[f];
    *v = std::strtoll(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || *v < 0) {
      return file->Error(l, "expected a non-negative integer, got '" + s + "'");
    }
    return Status::Ok();
  };
  for (const KbLine& l : file->lines) {
    const std::string& kind = l.fields[0];
    auto need = [&](size_t n) -> Status {
      if (l.fields.size() < n) return file->Error(l, "`" + kind + "` needs " + std::to_string(n) + " fields");
      return Status::Ok();
    };
    if (kind == "cue") {
      GRIOT_RETURN_IF_ERROR(need(4));
      Cue cue;
      const int k = KindIndex(l.fields[1]);
      if (k < 0) {
        return file->Error(l, "unknown count kind '" + l.fields[1] +
                                  "' (killed, injured, arrested, abducted, displaced, participants)");
      }
      cue.kind = static_cast<uint8_t>(k);
      const std::string& role = l.fields[2];
      if (role == "verb") cue.role = Role::kVerb;
      else if (role == "after") cue.role = Role::kAfter;
      else if (role == "noun") cue.role = Role::kNoun;
      else if (role == "toll") cue.role = Role::kToll;
      else return file->Error(l, "unknown cue role '" + role + "' (verb, after, noun, toll)");
      for (const std::string& phrase : SplitList(l.fields[3])) {
        std::vector<std::string> lemmas, lowers;
        for (const Token& t : front_end.AnalyzePhrase(phrase)) {
          lemmas.push_back(t.lemma);
          lowers.push_back(t.lower);
        }
        if (lemmas.empty()) continue;
        const auto id = static_cast<uint32_t>(c.cue_list_.size());
        c.cues_.Insert(lemmas, id);
        if (lowers != lemmas) c.cues_.Insert(lowers, id);
        c.cue_list_.push_back(cue);
      }
      continue;
    }
    Entry e;
    size_t words = 1;
    if (kind == "number" || kind == "multiplier") {
      GRIOT_RETURN_IF_ERROR(need(3));
      e.word = kind == "number" ? Word::kNumber : Word::kMultiplier;
      GRIOT_RETURN_IF_ERROR(number(l, 2, &e.min));
      if (e.word == Word::kMultiplier && e.min < 2) return file->Error(l, "a multiplier must be at least 2");
    } else if (kind == "vague") {
      GRIOT_RETURN_IF_ERROR(need(4));
      e.word = Word::kVague;
      GRIOT_RETURN_IF_ERROR(number(l, 2, &e.min));
      GRIOT_RETURN_IF_ERROR(number(l, 3, &e.max));
      if (e.max < e.min) return file->Error(l, "max is below min");
    } else if (kind == "bound") {
      GRIOT_RETURN_IF_ERROR(need(3));
      e.word = Word::kBound;
      const std::string& b = l.fields[2];
      if (b == "min") e.bound = Bound::kMin;
      else if (b == "above") e.bound = Bound::kAbove;
      else if (b == "max") e.bound = Bound::kMax;
      else if (b == "below") e.bound = Bound::kBelow;
      else if (b == "near") e.bound = Bound::kNear;
      else if (b == "approx") e.bound = Bound::kApprox;
      else return file->Error(l, "unknown bound '" + b + "' (min, above, max, below, near, approx)");
    } else if (kind == "range") {
      GRIOT_RETURN_IF_ERROR(need(3));
      e.word = Word::kRangeOpen;
      std::vector<Token> close = front_end.AnalyzePhrase(l.fields[2]);
      if (close.size() != 1) return file->Error(l, "the closing word must be one word");
      e.close = close[0].lower;
    } else if (kind == "article") {
      e.word = Word::kArticle;
    } else if (kind == "link") {
      e.word = Word::kLink;
    } else if (kind == "partitive") {
      e.word = Word::kPartitive;
    } else if (kind == "unit") {
      e.word = Word::kUnit;
    } else {
      return file->Error(l, "unknown line kind '" + kind +
                                "' (number, multiplier, article, vague, bound, range, link, "
                                "partitive, unit or cue)");
    }
    GRIOT_RETURN_IF_ERROR(need(words + 1));
    std::vector<std::string> list = SplitList(l.fields[words]);
    if (list.empty()) return file->Error(l, "no words given");
    for (const std::string& phrase : list) {
      std::vector<std::string> keys;
      for (const Token& t : front_end.AnalyzePhrase(phrase)) keys.push_back(t.lower);
      if (keys.empty()) continue;
      c.words_.Insert(keys, static_cast<uint32_t>(c.entries_.size()));
      if (e.word == Word::kUnit) {
        // Units are counted nouns: match their lemma too ("years" -> "year").
        std::vector<std::string> lemmas;
        for (const Token& t : front_end.AnalyzePhrase(phrase)) lemmas.push_back(t.lemma);
        if (lemmas != keys) c.words_.Insert(lemmas, static_cast<uint32_t>(c.entries_.size()));
      }
    }
    c.entries_.push_back(e);
  }
  return c;
}

const CountExtractor::Entry* CountExtractor::Single(std::string_view lower) const {
  PhraseTrie::Match m = words_.Longest(1, [&](uint32_t) { return lower; });
  return m.length == 1 ? &entries_[m.values->front()] : nullptr;
}

// One number at i: digits ("1,200", "2.5 million", "30-55") or number words
// ("twenty-five", "a hundred", "two dozen").
bool CountExtractor::ParseNumber(const Document& doc, uint32_t i, uint32_t end, Quantity& q) const {
  if (i >= end) return false;
  const std::string& w = doc.tokens[i].lower;
  uint32_t j = i;
  double value = 0;
  if (!w.empty() && Digit(w[0])) {
    const size_t dash = w.find('-');
    if (dash != std::string::npos) {
      const int64_t lo = ParseDigits(std::string_view(w).substr(0, dash));
      const int64_t hi = ParseDigits(std::string_view(w).substr(dash + 1));
      if (lo < 0 || hi < lo) return false;
      q = {i, i + 1, lo, hi};
      return true;
    }
    const size_t dot = w.find('.');
    if (dot != std::string::npos) {
      // A decimal counts only before a multiplier: "2.5 million".
      const Entry* m = i + 1 < end ? Single(doc.tokens[i + 1].lower) : nullptr;
      if (!m || m->word != Word::kMultiplier) return false;
      const int64_t whole = ParseDigits(std::string_view(w).substr(0, dot));
      std::string_view frac = std::string_view(w).substr(dot + 1);
      if (whole < 0 || frac.empty() || frac.size() > 3 || ParseDigits(frac) < 0) return false;
      value = static_cast<double>(whole) + static_cast<double>(ParseDigits(frac)) / std::pow(10.0, frac.size());
    } else {
      const int64_t v = ParseDigits(w);
      if (v < 0) return false;
      value = static_cast<double>(v);
    }
    for (j = i + 1; j < end; ++j) {
      const Entry* m = Single(doc.tokens[j].lower);
      if (!m || m->word != Word::kMultiplier) break;
      value *= static_cast<double>(m->min);
    }
  } else {
    // Words: units and tens add up; a multiplier below 1000 scales the
    // current group ("two hundred"), a larger one closes it ("five thousand").
    int64_t total = 0, current = 0;
    bool any = false;
    for (j = i; j < end; ++j) {
      std::string_view tok = doc.tokens[j].lower;
      bool ok = !tok.empty();
      int64_t t_total = total, t_current = current;
      bool t_any = any;
      while (ok && !tok.empty()) {
        const size_t dash = tok.find('-');
        const Entry* e = Single(tok.substr(0, dash));
        tok = dash == std::string_view::npos ? std::string_view() : tok.substr(dash + 1);
        if (!e) {
          ok = false;
        } else if (e->word == Word::kNumber) {
          t_current += e->min;
          t_any = true;
        } else if (e->word == Word::kMultiplier) {
          if (t_current == 0) {
            if (!t_any && !(j > i && Single(doc.tokens[j - 1].lower) &&
                            Single(doc.tokens[j - 1].lower)->word == Word::kArticle)) {
              ok = false;
              break;
            }
            t_current = 1;
          }
          if (e->min < 1000) {
            t_current *= e->min;
          } else {
            t_total += t_current * e->min;
            t_current = 0;
          }
          t_any = true;
        } else if (e->word == Word::kArticle && j == i && dash == std::string_view::npos) {
          // only meaningful before a multiplier, checked there
        } else {
          ok = false;
        }
      }
      if (!ok) break;
      total = t_total, current = t_current, any = t_any;
    }
    if (!any) return false;
    value = static_cast<double>(total + current);
  }
  if (value < 1 || value > 1e10) return false;
  const auto v = static_cast<int64_t>(std::llround(value));
  q = {i, j, v, v};
  return true;
}

bool CountExtractor::ParseQuantity(const Document& doc, uint32_t i, uint32_t end, Quantity& q) const {
  auto at = [&](uint32_t k) {
    return [&doc, k](uint32_t n) { return std::string_view(doc.tokens[k + n].lower); };
  };
  uint32_t j = i;
  Bound bound = Bound::kNone;
  PhraseTrie::Match m = words_.Longest(end - j, at(j));
  if (m.length && entries_[m.values->front()].word == Word::kBound) {
    bound = entries_[m.values->front()].bound;
    j += m.length;
    m = j < end ? words_.Longest(end - j, at(j)) : PhraseTrie::Match{};
  }
  const Entry* open = m.length ? &entries_[m.values->front()] : nullptr;
  if (open && open->word == Word::kVague) {
    q = {i, j + m.length, open->min, open->max};
  } else if (open && open->word == Word::kRangeOpen) {
    Quantity lo, hi;
    if (!ParseNumber(doc, j + 1, end, lo)) return false;
    if (lo.last >= end || doc.tokens[lo.last].lower != open->close) return false;
    if (!ParseNumber(doc, lo.last + 1, end, hi) || hi.max < lo.min) return false;
    q = {i, hi.last, lo.min, hi.max};
  } else {
    if (!ParseNumber(doc, j, end, q)) return false;
    q.first = i;
    Quantity hi;
    const Entry* link = q.last < end ? Single(doc.tokens[q.last].lower) : nullptr;
    if (link && link->word == Word::kLink && ParseNumber(doc, q.last + 1, end, hi) && hi.max >= q.min) {
      q.max = hi.max;
      q.last = hi.last;
    }
  }
  const int64_t n = q.min;
  const int64_t margin = (n + 9) / 10;  // 10%, rounded up
  switch (bound) {
    case Bound::kNone: break;
    case Bound::kMin: q.max = -1; break;
    case Bound::kAbove: q.min = n + 1, q.max = -1; break;
    case Bound::kMax: q.min = 1, q.max = q.max > 0 ? q.max : n; break;
    case Bound::kBelow: q.min = 1, q.max = n > 1 ? n - 1 : 1; break;
    case Bound::kNear: q.min = n - margin, q.max = n; break;
    case Bound::kApprox: q.min = n - margin, q.max = n + margin; break;
  }
  return true;
}

const CountExtractor::Cue* CountExtractor::CueAt(const Document& doc, uint32_t i, uint32_t end,
                                                 uint32_t* length) const {
  if (i >= end) return nullptr;
  PhraseTrie::Match m = cues_.Longest(end - i, [&](uint32_t k) { return std::string_view(doc.tokens[i + k].lemma); });
  PhraseTrie::Match l = cues_.Longest(end - i, [&](uint32_t k) { return std::string_view(doc.tokens[i + k].lower); });
  if (l.length > m.length) m = l;
  if (!m.length) return nullptr;
  *length = m.length;
  return &cue_list_[m.values->front()];
}

// The kind of count `q` is, or -1 (no cue) or -2 (it counts things, not
// people). *np_end is the end of the noun phrase the quantity heads.
int CountExtractor::KindOf(const Document& doc, const Sentence& s, const Quantity& q,
                           uint32_t* np_end) const {
  const uint32_t end = s.last_token;
  const auto& tokens = doc.tokens;
  uint32_t len = 0;
  // The counted noun phrase: "12 Malian soldiers", "thousands of protesters".
  uint32_t j = q.last;
  if (j < end && Single(tokens[j].lower) && Single(tokens[j].lower)->word == Word::kPartitive) ++j;
  if (j < end && tokens[j].tag == Tag::kDeterminer && j > q.last) ++j;  // "of the"
  const uint32_t np_first = j;
  uint32_t head = 0;
  bool has_head = false;
  while (j < end && j < np_first + 4 &&
         (NounTag(tokens[j].tag) || tokens[j].tag == Tag::kAdjective)) {
    // "30 people dead": the phrase ends at a cue word, whatever its tag.
    const Cue* c = CueAt(doc, j, end, &len);
    if (c && (c->role == Role::kAfter || c->role == Role::kVerb)) break;
    if (NounTag(tokens[j].tag)) head = j, has_head = true;
    ++j;
  }
  if (!has_head) j = q.last;  // "dozens in an attack": no noun phrase
  *np_end = j;
  if (has_head) {
    const Entry* unit = Single(tokens[head].lower);
    if (!unit) unit = Single(tokens[head].lemma);
    if (unit && unit->word == Word::kUnit) return -2;
  }

  // 1. A cue after the noun phrase: "were killed", "died", "dead".
  uint32_t k = j;
  while (k < end && k < j + 3 &&
         (tokens[k].tag == Tag::kAuxiliary || tokens[k].tag == Tag::kAdverb)) {
    ++k;
  }
  if (const Cue* c = CueAt(doc, k, end, &len)) {
    if (c->role == Role::kAfter) return c->kind;
    if (c->role == Role::kVerb) {
      bool passive = false;
      for (const Chunk& ch : s.chunks) {
        if (ch.kind == ChunkKind::kVerbGroup && ch.first <= k && k < ch.last) passive = ch.passive;
      }
      const uint32_t after = k + len;
      const bool object = after < end && StartsNounPhrase(tokens[after].tag);
      if (passive || k > j || !object) return c->kind;
    }
  }
  // 2. An active verb just before: "killed 12", "rounded up 30".
  for (uint32_t n = 1; n <= 3 && n <= q.first - s.first_token; ++n) {
    const Cue* c = CueAt(doc, q.first - n, q.first, &len);
    if (c && len == n && c->role == Role::kVerb) return c->kind;
  }
  // 3. A toll noun earlier in the clause: "the death toll rose to 40".
  for (uint32_t b = q.first; b > s.first_token && b + 8 > q.first;) {
    --b;
    const Token& t = tokens[b];
    if ((t.flags & (kFlagBoundary | kFlagRelative)) || t.tag == Tag::kSubordinator || t.lower == ";") break;
    const Cue* c = CueAt(doc, b, q.first, &len);
    if (c && c->role == Role::kToll) return c->kind;
  }
  // 4. The counted noun itself: "12 deaths", "thousands of protesters".
  for (uint32_t n = q.last; n < *np_end; ++n) {
    const Cue* c = CueAt(doc, n, *np_end, &len);
    if (c && c->role == Role::kNoun) return c->kind;
  }
  return -1;
}

void CountExtractor::Extract(Document& doc) const {
  for (Event& ev : doc.events) ev.counts.clear();
  // The events of each sentence, found once: a long document must not pay
  // sentences x events.
  std::vector<uint32_t> with_events;
  std::vector<std::vector<uint32_t>> events_of(doc.sentences.size());
  for (uint32_t e = 0; e < doc.events.size(); ++e) {
    const Event& ev = doc.events[e];
    if (ev.sentence < doc.sentences.size() && AllowedKinds(ev.event)) {
      with_events.push_back(ev.sentence);
      events_of[ev.sentence].push_back(e);
    }
  }
  std::sort(with_events.begin(), with_events.end());
  with_events.erase(std::unique(with_events.begin(), with_events.end()), with_events.end());
  struct Found {
    Count count;
    int kind = -1;
    uint32_t np_end = 0;
  };
  std::vector<Found> found;
  for (const uint32_t si : with_events) {
    const Sentence& s = doc.sentences[si];
    found.clear();
    size_t next_time = 0;
    for (uint32_t i = s.first_token; i < s.last_token;) {
      // Numbers in dates ("12 May", "in 2022") are not counts.
      while (next_time < s.times.size() && s.times[next_time].last <= i) ++next_time;
      if (next_time < s.times.size() && s.times[next_time].first <= i) {
        i = s.times[next_time].last;
        continue;
      }
      Quantity q;
      if (!ParseQuantity(doc, i, s.last_token, q)) {
        ++i;
        continue;
      }
      if (next_time < s.times.size() && s.times[next_time].first < q.last) {
        i = s.times[next_time].last;
        continue;
      }
      uint32_t np_end = q.last;
      const int kind = KindOf(doc, s, q, &np_end);
      if (kind >= 0) {
        found.push_back({{kKinds[kind], q.min, q.max}, kind, np_end});
      } else if (kind == -1 && !found.empty() && q.first > s.first_token &&
                 found.back().np_end + 1 == q.first &&
                 doc.tokens[q.first - 1].tag == Tag::kConjunction) {
        // "killed 12 soldiers and 5 civilians": one count of 17.
        Count& c = found.back().count;
        c.min += q.min;
        c.max = c.max < 0 || q.max < 0 ? -1 : c.max + q.max;
        found.back().np_end = np_end;
      }
      i = std::max(q.last, i + 1);
    }
    for (uint32_t e : events_of[si]) {
      Event& ev = doc.events[e];
      const uint32_t allowed = AllowedKinds(ev.event);
      for (const Found& f : found) {
        if (allowed & (1u << f.kind)) ev.counts.push_back(f.count);
      }
    }
  }
}

}  // namespace griot
