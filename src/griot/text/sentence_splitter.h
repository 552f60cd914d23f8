// SentenceSplitter: groups Document::tokens into Document::sentences.
//
//   splitter.Split(doc);  // needs doc.tokens; fills doc.sentences and sets
//                         // Token::sentence_initial
//
// A sentence ends at ".", "!", "?" or "..." (and at a blank line) unless the
// period belongs to an abbreviation token that is a title or is followed by a
// lower-case word or a number; a closing quote or bracket right after the end
// mark stays with the sentence. Nor does it end before a lower-case word, a
// possessive or a comma ('"Why?" he asked', "the E.U.'s", "D.C., was"); after
// an initial before a capitalized word ("W. Bush"); or after a dotted acronym
// before a capitalized word unless that word usually starts a sentence ("the
// U.S. State Department" vs "in the U.S. The talks"). A quotation opened inside a sentence keeps the
// sentence together until it closes ("'We will not yield. We will fight,' he
// said." is one sentence), up to a safety limit of 5 end marks; a quotation
// still open at a blank line or at the end of the text never closed, and the
// sentences it held together are split after all.
// Sentences longer than `max_tokens` are cut into pieces of that size, so
// that no input can make later stages super-linear.
#pragma once

#include "griot/doc/document.h"
#include "griot/text/abbreviations.h"

namespace griot {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const Abbreviations* abbreviations, uint32_t max_tokens = 200)
      : abbreviations_(abbreviations), max_tokens_(max_tokens) {}
  void Split(Document& doc) const { Split(doc, max_tokens_); }
  // With a per-call bound instead of the constructor's.
  void Split(Document& doc, uint32_t max_tokens) const;

 private:
  const Abbreviations* abbreviations_;
  uint32_t max_tokens_;
};

}  // namespace griot
