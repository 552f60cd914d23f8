// Tokenizer design: a single left-to-right scan over code points.
//
// At each position the scanner classifies the code point (space, letter,
// digit, other) and either skips it, scans a word, or emits one punctuation
// token. A word is a run of letters, digits and combining marks joined by
// inner connectors that are kept only with a word character on both sides:
// '-' anywhere ("al-Qaeda", "5,000-strong"), ',' '.' '/' ':' between digits
// ("5,000", "3.5", "12/05/2025", "10:30"), and an apostrophe inside a name
// ("d'Ivoire", "O'Brien"). An apostrophe that starts an English clitic ends the
// word instead, and the clitic becomes a token of its own.
//
// Every look-ahead is bounded (abbreviation candidates by 32 bytes, tokens by
// kMaxTokenBytes), so the scan is linear even on a megabyte without spaces.
#include "griot/text/tokenizer.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace griot {
namespace {

// Longer runs are cut into several tokens; no real word is this long.
constexpr size_t kMaxTokenBytes = 256;
// Longest abbreviation candidate examined (matches the list's own limit).
constexpr size_t kMaxAbbreviationBytes = 32;

enum class CharClass : uint8_t { kSpace, kLetter, kDigit, kOther };

struct CodePoint {
  UChar32 c;
  uint32_t len;
};

// Decodes the code point at byte i; an invalid sequence counts as one U+FFFD
// byte, so un-normalized input still tokenizes.
inline CodePoint DecodeAt(std::string_view s, size_t i) {
  const auto b = static_cast<uint8_t>(s[i]);
  if (b < 0x80) return {b, 1};
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), k, static_cast<int32_t>(s.size()), c);
  if (c < 0) c = 0xFFFD;
  return {c, static_cast<uint32_t>(k - static_cast<int32_t>(i))};
}

// ASCII classes by table: the tokenizer's inner loop runs on them.
constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      t[c] = CharClass::kDigit;
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      t[c] = CharClass::kSpace;
    } else {
      t[c] = CharClass::kOther;
    }
  }
  return t;
}
constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

CharClass ClassifyNonAscii(UChar32 c) {
  if (u_isUWhiteSpace(c)) return CharClass::kSpace;
  if (u_isdigit(c)) return CharClass::kDigit;
  // Combining marks continue the letter they follow (decomposed accents,
  // Arabic harakat).
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) return CharClass::kLetter;
  return CharClass::kOther;
}

inline CharClass Classify(UChar32 c) { return c < 0x80 ? kAsciiClasses[c] : ClassifyNonAscii(c); }

bool IsWordClass(CharClass k) { return k == CharClass::kLetter || k == CharClass::kDigit; }
bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : (u_isupper(c) || u_istitle(c)); }

// A word the tokenizer found, and the clitic split off right after it.
struct WordScan {
  size_t end;
  size_t clitic_end;  // == end when there is no clitic
  Tag clitic_tag = Tag::kUnknown;
};

bool EqualsLowerAscii(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

// Pronouns that take the clitics 'd and 'm; elsewhere an apostrophe before
// "d" or "m" is more likely part of a transliterated name ("Sa'd").
bool TakesShortClitic(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kPronouns = {
      "i", "you", "he", "she", "we", "they", "it", "who", "that", "there"};
  return std::any_of(kPronouns.begin(), kPronouns.end(),
                     [&](std::string_view p) { return EqualsLowerAscii(word, p); });
}

class Scanner {
 public:
  Scanner(std::string_view text, const Abbreviations* abbreviations)
      : text_(text), abbreviations_(abbreviations) {}

  void Run(std::vector<Token>& out) {
    size_t i = 0;
    while (i < text_.size()) {
      const CodePoint cp = DecodeAt(text_, i);
      const CharClass cls = Classify(cp.c);
      if (cls == CharClass::kSpace) {
        i += cp.len;
      } else if (IsWordClass(cls)) {
        const WordScan w = ScanWord(i);
        Emit(out, i, w.end, Tag::kUnknown);
        if (w.clitic_end > w.end) Emit(out, w.end, w.clitic_end, w.clitic_tag);
        i = w.clitic_end;
      } else {
        const size_t end = ScanPunctuation(i, cp);
        Emit(out, i, end, Tag::kPunctuation);
        i = end;
      }
    }
  }

 private:
  CharClass ClassAt(size_t i) const {
    return i < text_.size() ? Classify(DecodeAt(text_, i).c) : CharClass::kSpace;
  }

  // A listed abbreviation ("Gen.", "Lt.Gen."), a dotted acronym ("U.S.",
  // "e.g.") or an initial ("W." before a space) starting at i; returns its
  // end, or i when there is none.
  size_t MatchAbbreviation(size_t i) const {
    // Candidate ends: just after each period in a run of letters and periods.
    std::array<size_t, kMaxAbbreviationBytes> ends;
    size_t n_ends = 0;
    size_t j = i;
    while (j < text_.size() && j - i < kMaxAbbreviationBytes) {
      const CodePoint cp = DecodeAt(text_, j);
      if (cp.c == '.') {
        ends[n_ends++] = ++j;
      } else if (Classify(cp.c) == CharClass::kLetter) {
        j += cp.len;
      } else {
        break;
      }
    }
    if (n_ends == 0) return i;
    size_t best = i;
    if (abbreviations_ != nullptr) {
      for (size_t k = n_ends; k-- > 0;) {
        if (abbreviations_->Contains(text_.substr(i, ends[k] - i))) {
          best = ends[k];
          break;
        }
      }
    }
    // Generic pattern: single letters each followed by a period.
    size_t letters = 0;
    size_t k = i;
    bool upper_initial = false;
    while (k < text_.size()) {
      const CodePoint cp = DecodeAt(text_, k);
      if (Classify(cp.c) != CharClass::kLetter || k + cp.len >= text_.size() ||
          text_[k + cp.len] != '.' || k + cp.len + 1 - i > kMaxAbbreviationBytes) {
        break;
      }
      if (letters == 0) upper_initial = IsUpper(cp.c);
      ++letters;
      k += cp.len + 1;
    }
    const bool acronym = letters >= 2;
    const bool initial = letters == 1 && upper_initial && ClassAt(k) == CharClass::kSpace;
    if ((acronym || initial) && k > best) best = k;
    return best;
  }

  WordScan ScanWord(size_t i) const {
    // An abbreviation starts with letters directly followed by a period (or
    // by a non-ASCII letter, left to MatchAbbreviation to judge).
    const size_t run_limit = std::min(text_.size(), i + kMaxAbbreviationBytes);
    size_t run = i;
    while (run < run_limit && static_cast<uint8_t>(text_[run]) < 0x80 &&
           kAsciiClasses[static_cast<uint8_t>(text_[run])] == CharClass::kLetter) {
      ++run;
    }
    const bool maybe_abbreviation =
        run < run_limit && (text_[run] == '.' || static_cast<uint8_t>(text_[run]) >= 0x80);
    size_t j = maybe_abbreviation ? MatchAbbreviation(i) : i;
    CharClass prev;
    if (j > i) {
      const bool hyphen_follows = j + 1 < text_.size() && text_[j] == '-' && IsWordClass(ClassAt(j + 1));
      if (!hyphen_follows) {
        WordScan clitic;
        if (j < text_.size() && text_[j] == '\'' && SplitClitic(i, j, &clitic)) return clitic;  // "U.S.'s"
        return {j, j};
      }
      prev = CharClass::kOther;  // after an abbreviation only a hyphen continues ("U.S.-backed")
    } else if (run > i) {
      j = run;  // the ASCII letters already scanned
      prev = CharClass::kLetter;
    } else {
      const CodePoint first = DecodeAt(text_, i);
      prev = Classify(first.c);
      j += first.len;
    }
    const size_t limit = std::min(text_.size(), i + kMaxTokenBytes);
    while (j < limit) {
      // Fast path: ASCII letters and digits, the bulk of any word.
      const auto b = static_cast<uint8_t>(text_[j]);
      if (b < 0x80 && IsWordClass(kAsciiClasses[b])) {
        prev = kAsciiClasses[b];
        ++j;
        continue;
      }
      const CodePoint cp = DecodeAt(text_, j);
      const CharClass cls = Classify(cp.c);
      if (IsWordClass(cls)) {
        prev = cls;
        j += cp.len;
        continue;
      }
      const CharClass next = ClassAt(j + 1);
      if (cp.c == '-' && IsWordClass(next)) {
        ++j;
        continue;
      }
      if ((cp.c == ',' || cp.c == '.' || cp.c == '/' || cp.c == ':') && prev == CharClass::kDigit &&
          next == CharClass::kDigit) {
        ++j;
        continue;
      }
      if (cp.c == '\'' && IsWordClass(prev)) {
        WordScan clitic;
        if (SplitClitic(i, j, &clitic)) return clitic;
        if (next == CharClass::kLetter) {
          ++j;  // apostrophe inside a name
          continue;
        }
      }
      break;
    }
    return {j, j};
  }

  // The word [i, a) is followed by an apostrophe at a. Fills *w and returns
  // true when the apostrophe starts a clitic: "'s", "'" after s, "n't", "'re",
  // "'ve", "'ll", and "'d" / "'m" after a pronoun.
  bool SplitClitic(size_t i, size_t a, WordScan* w) const {
    size_t k = a + 1;
    while (k < text_.size() && k - a <= 3 && ((text_[k] | 0x20) >= 'a' && (text_[k] | 0x20) <= 'z')) ++k;
    if (IsWordClass(ClassAt(k))) return false;  // longer suffix: part of a name
    const std::string_view suffix = text_.substr(a + 1, k - a - 1);
    if (suffix.empty()) {
      if ((text_[a - 1] | 0x20) != 's') return false;
      *w = {a, a + 1, Tag::kPossessive};
      return true;
    }
    if (EqualsLowerAscii(suffix, "s")) {
      *w = {a, k, Tag::kPossessive};
      return true;
    }
    if (EqualsLowerAscii(suffix, "t") && a - i >= 2 && (text_[a - 1] | 0x20) == 'n') {
      *w = {a - 1, k, Tag::kUnknown};
      return true;
    }
    if (EqualsLowerAscii(suffix, "re") || EqualsLowerAscii(suffix, "ve") || EqualsLowerAscii(suffix, "ll") ||
        ((EqualsLowerAscii(suffix, "d") || EqualsLowerAscii(suffix, "m")) &&
         TakesShortClitic(text_.substr(i, a - i)))) {
      *w = {a, k, Tag::kUnknown};
      return true;
    }
    return false;
  }

  // One punctuation or symbol token: a run of periods ("...") or one code
  // point with any combining marks on it.
  size_t ScanPunctuation(size_t i, CodePoint cp) const {
    size_t j = i + cp.len;
    if (cp.c == '.') {
      while (j < text_.size() && text_[j] == '.' && j - i < kMaxTokenBytes) ++j;
      return j;
    }
    while (j < text_.size() && j - i < kMaxTokenBytes) {
      const CodePoint next = DecodeAt(text_, j);
      if (next.c < 0x80 || !(U_GET_GC_MASK(next.c) & U_GC_M_MASK)) break;
      j += next.len;
    }
    return j;
  }

  void Emit(std::vector<Token>& out, size_t begin, size_t end, Tag tag) const {
    Token& t = out.emplace_back();
    t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.tag = tag;
    const std::string_view s = text_.substr(begin, end - begin);
    size_t letters = 0, upper = 0;
    bool first_upper;
    bool first_digit;
    // Fast path for ASCII: lower-case and count letters in one loop.
    t.lower.resize(s.size());
    size_t k = 0;
    for (; k < s.size(); ++k) {
      const char ch = s[k];
      if (static_cast<uint8_t>(ch) >= 0x80) break;
      const bool is_upper = ch >= 'A' && ch <= 'Z';
      letters += is_upper || (ch >= 'a' && ch <= 'z');
      upper += is_upper;
      t.lower[k] = is_upper ? static_cast<char>(ch + ('a' - 'A')) : ch;
    }
    if (k == s.size()) {
      first_upper = s[0] >= 'A' && s[0] <= 'Z';
      first_digit = s[0] >= '0' && s[0] <= '9';
    } else {
      t.lower.clear();
      letters = upper = 0;
      for (size_t m = 0; m < s.size();) {
        const CodePoint cp = DecodeAt(s, m);
        if (Classify(cp.c) == CharClass::kLetter && !(U_GET_GC_MASK(cp.c) & U_GC_M_MASK)) {
          ++letters;
          if (IsUpper(cp.c)) ++upper;
        }
        m += cp.len;
      }
      const UChar32 first = DecodeAt(s, 0).c;
      first_upper = IsUpper(first);
      first_digit = Classify(first) == CharClass::kDigit;
      UErrorCode err = U_ZERO_ERROR;
      icu::StringByteSink<std::string> sink(&t.lower);
      icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink,
                                nullptr, err);
      if (U_FAILURE(err)) t.lower.assign(s);  // keep the surface form rather than nothing
    }
    t.capitalized = first_upper;
    t.all_caps = letters >= 2 && upper == letters;
    if (tag == Tag::kUnknown && first_digit && letters == 0) t.tag = Tag::kNumber;
  }

  std::string_view text_;
  const Abbreviations* abbreviations_;
};

}  // namespace

void Tokenizer::Tokenize(Document& doc) const {
  doc.tokens.clear();
  doc.tokens.reserve(doc.text.size() / 5 + 1);  // about one token per five bytes of news
  // Spans are 32-bit; the normalizer rejects documents larger than 2 GiB.
  const std::string_view text(doc.text.data(), std::min<size_t>(doc.text.size(), 0x7FFFFFFF));
  Scanner(text, abbreviations_).Run(doc.tokens);
}

}  // namespace griot
