// CountExtractor: attaches casualty and participant counts to events.
//
//   Result<CountExtractor> counts = CountExtractor::Load("kb/en", front_end);
//   counts->Extract(doc);  // fills Event::counts
//
// Language data (number words, vague quantities, the verbs and nouns that
// mark each kind of count) comes from kb/<lang>/counts.txt.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/doc/document.h"
#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

class CountExtractor {
 public:
  static Result<CountExtractor> Load(const std::string& kb_dir, const FrontEnd& front_end);
  void Extract(Document& doc) const;

 private:
  // What a counts.txt word or phrase is; number words are matched on
  // Token::lower, cues on Token::lemma.
  enum class Word : uint8_t { kNumber, kMultiplier, kArticle, kVague, kBound, kRangeOpen, kLink, kPartitive, kUnit };
  enum class Bound : uint8_t { kNone, kMin, kAbove, kMax, kBelow, kNear, kApprox };
  enum class Role : uint8_t { kVerb, kAfter, kNoun, kToll };
  struct Entry {
    Word word = Word::kNumber;
    int64_t min = 0;  // value of a number word or multiplier; range of a vague word
    int64_t max = 0;
    Bound bound = Bound::kNone;
    std::string close;  // the word closing a range ("between ... and")
  };
  struct Cue {
    uint8_t kind = 0;  // index in kKinds
    Role role = Role::kVerb;
  };
  struct Quantity;

  const Entry* Single(std::string_view lower) const;
  bool ParseNumber(const Document& doc, uint32_t i, uint32_t end, Quantity& q) const;
  bool ParseQuantity(const Document& doc, uint32_t i, uint32_t end, Quantity& q) const;
  const Cue* CueAt(const Document& doc, uint32_t i, uint32_t end, uint32_t* length) const;
  int KindOf(const Document& doc, const Sentence& s, const Quantity& q, uint32_t* np_end) const;

  PhraseTrie words_;  // keyed by Token::lower; value = index in entries_
  std::vector<Entry> entries_;
  PhraseTrie cues_;   // keyed by Token::lemma; value = index in cue_list_
  std::vector<Cue> cue_list_;
};

}  // namespace griot
