// SentenceSplitter design: one pass over the tokens with a little state.
//
// A sentence may end at an end mark ("." "!" "?" "...") or at an abbreviation
// token that carries its period. The end mark then absorbs what follows it
// without a space: more end marks, closing quotes and closing brackets
// ('...win." The'). The cut is made unless
//   - a quotation is still open (at most kMaxMarksInQuote times), or
//   - the next word starts with a lower-case letter ('"Why?" he asked.').
// Quotes are told apart by position, not by counting: a quote preceded by a
// space opens, one attached to the previous token closes. This survives the
// unbalanced quotes of multi-paragraph quotations, where counting would drift.
// A quotation that is still open at a blank line, at the end of the text or
// after kMaxMarksInQuote end marks never closed (multi-paragraph quotations
// leave it open): the cuts it held back are then made after all, so a stray
// quote cannot glue sentences together. A blank line always ends a sentence.
#include "griot/text/sentence_splitter.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

namespace griot {
namespace {

constexpr int kMaxMarksInQuote = 5;

UChar32 FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), c);
  return c;
}

bool IsEndMark(std::string_view s) {
  if (s == "!" || s == "?" || s == "\u2026") return true;
  return !s.empty() && s.find_first_not_of('.') == std::string_view::npos;  // ".", "..."
}

bool IsClosingBracket(std::string_view s) { return s == ")" || s == "]" || s == "}"; }

// Closed-class words that often start a news sentence and seldom follow an
// acronym inside a name.
bool IsSentenceStarter(std::string_view lower) {
  static constexpr std::string_view kStarters[] = {
      "a",     "according", "after",  "also",    "although", "an",      "and",   "as",     "at",
      "before", "both",     "but",    "by",      "during",   "earlier", "for",   "from",   "he",
      "her",   "his",       "however", "i",      "if",       "in",      "it",    "its",    "last",
      "later", "many",      "meanwhile", "more", "most",     "no",      "on",    "one",    "our",
      "she",   "since",     "so",     "some",    "that",     "the",     "their", "there",  "these",
      "they",  "this",      "those",  "though",  "to",       "two",     "we",    "what",   "when",
      "where", "while",     "who",    "why",     "with",     "yet",     "you"};
  for (std::string_view w : kStarters) {
    if (w == lower) return true;
  }
  return false;
}

class Splitter {
 public:
  Splitter(Document& doc, const Abbreviations* abbreviations, uint32_t max_tokens)
      : doc_(doc), abbreviations_(abbreviations), max_tokens_(max_tokens == 0 ? 1 : max_tokens) {}

  void Run() {
    const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
    for (uint32_t i = 0; i < n;) {
      if (i > start_ && (BlankLineBefore(i) || i - start_ >= max_tokens_)) Cut(i);
      TrackQuote(i);
      if (!EndCandidate(i)) {
        ++i;
        continue;
      }
      // Absorb further end marks, closing quotes and brackets written without
      // a space after the end mark.
      uint32_t j = i + 1;
      while (j < n && !SpaceBefore(j) && j - start_ < max_tokens_) {
        const std::string_view t = Text(j);
        if (IsEndMark(t) || IsClosingBracket(t)) {
          ++j;
        } else if (IsQuote(j)) {
          TrackQuote(j);
          ++j;
        } else {
          break;
        }
      }
      if (j < n && Continues(j)) {
        i = j;
        continue;
      }
      if ((in_double_ || in_single_) && ++marks_in_quote_ <= kMaxMarksInQuote) {
        deferred_.push_back(j);
        i = j;
        continue;
      }
      Cut(j);
      i = j;
    }
    if (start_ < n) Cut(n);
  }

 private:
  std::string_view Text(uint32_t i) const { return doc_.Slice(doc_.tokens[i].span); }

  bool SpaceBefore(uint32_t i) const {
    return i == 0 || doc_.tokens[i - 1].span.end < doc_.tokens[i].span.begin;
  }

  bool SpaceAfter(uint32_t i) const {
    return i + 1 >= doc_.tokens.size() || doc_.tokens[i].span.end < doc_.tokens[i + 1].span.begin;
  }

  bool BlankLineBefore(uint32_t i) const {
    if (i == 0) return false;
    int newlines = 0;
    for (uint32_t b = doc_.tokens[i - 1].span.end; b < doc_.tokens[i].span.begin; ++b) {
      if (doc_.text[b] == '\n' && ++newlines == 2) return true;
    }
    return false;
  }

  bool StartsLowerCase(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    return t.tag != Tag::kPunctuation && u_islower(FirstCodePoint(Text(i)));
  }

  bool IsQuote(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    const std::string_view s = Text(i);
    // A possessive apostrophe ("the 'rebels'") may be the closing quote too.
    return s == "\"" || (s == "'" && (t.tag == Tag::kPunctuation || t.tag == Tag::kPossessive));
  }

  // Opens or closes a quotation at token i, judged by the spaces around it.
  void TrackQuote(uint32_t i) {
    if (!IsQuote(i)) return;
    const bool is_double = Text(i) == "\"";
    bool& open = is_double ? in_double_ : in_single_;
    const bool attached_before = !SpaceBefore(i) && i > start_ && !IsOpener(i - 1);
    const bool was_open = open;
    if (doc_.tokens[i].tag == Tag::kPossessive) {
      open = false;  // only ever closes
    } else if (!attached_before && !SpaceAfter(i)) {
      open = true;
    } else if (attached_before) {
      open = false;
    }
    if (was_open && !open) deferred_.clear();  // the quotation was real: keep it whole
  }

  bool IsOpener(uint32_t i) const {
    const std::string_view s = Text(i);
    return s == "(" || s == "[" || s == "{" || s == "-";
  }

  // Token i may end the sentence: an end mark, or an abbreviation that is
  // neither a title nor followed by a lower-case word, a number or (for an
  // initial such as "W.") a capitalized word.
  bool EndCandidate(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    const std::string_view s = Text(i);
    if (t.tag == Tag::kPunctuation) return IsEndMark(s);
    if (s.size() < 2 || s.back() != '.') return false;
    if (abbreviations_ != nullptr && abbreviations_->IsTitle(s)) return false;
    if (i + 1 >= doc_.tokens.size()) return true;
    const Token& next = doc_.tokens[i + 1];
    if (BlankLineBefore(i + 1)) return true;
    if (next.tag == Tag::kNumber || Continues(i + 1)) return false;
    if (!next.capitalized) return true;
    const bool initial = t.capitalized && s.size() == static_cast<size_t>(U8_LENGTH(FirstCodePoint(s))) + 1;
    if (initial) return false;  // "George W. Bush"
    // A dotted acronym before a capitalized word is usually part of a name
    // ("the U.S. State Department", "U.N. Security Council"); it ends the
    // sentence only before a word that typically starts one ("U.S. The").
    const bool dotted_acronym = t.all_caps && s.find('.') + 1 < s.size();
    return !dotted_acronym || IsSentenceStarter(next.lower);
  }

  // The next token continues the sentence: a lower-case word ('"Why?" he
  // asked'), a possessive ("the E.U.'s") or a comma-like mark ("D.C., was").
  bool Continues(uint32_t i) const {
    if (BlankLineBefore(i)) return false;
    const Token& t = doc_.tokens[i];
    if (t.tag == Tag::kPossessive) return true;
    if (t.tag == Tag::kPunctuation) {
      const std::string_view s = Text(i);
      return s == "," || s == ";" || s == ":";
    }
    return StartsLowerCase(i);
  }

  // Ends the sentence before token `end`. If a quotation is still open here
  // it never closed, so the cuts it held back are made after all.
  void Cut(uint32_t end) {
    if (in_double_ || in_single_) {
      for (uint32_t d : deferred_) {
        if (d < end) CutOne(d);
      }
    }
    deferred_.clear();
    CutOne(end);
    in_double_ = in_single_ = false;
    marks_in_quote_ = 0;
  }

  void CutOne(uint32_t end) {
    if (end <= start_) return;
    Sentence& s = doc_.sentences.emplace_back();
    s.first_token = start_;
    s.last_token = end;
    s.span = {doc_.tokens[start_].span.begin, doc_.tokens[end - 1].span.end};
    doc_.tokens[start_].sentence_initial = true;
    start_ = end;
  }

  Document& doc_;
  const Abbreviations* abbreviations_;
  const uint32_t max_tokens_;
  uint32_t start_ = 0;
  bool in_double_ = false;
  bool in_single_ = false;
  int marks_in_quote_ = 0;
  std::vector<uint32_t> deferred_;  // cuts held back by an open quotation
};

}  // namespace

void SentenceSplitter::Split(Document& doc, uint32_t max_tokens) const {
  doc.sentences.clear();
  for (Token& t : doc.tokens) t.sentence_initial = false;
  Splitter(doc, abbreviations_, max_tokens).Run();
}

}  // namespace griot
