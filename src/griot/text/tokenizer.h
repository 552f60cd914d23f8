// Tokenizer: fills Document::tokens over the whole normalized text.
//
//   Tokenizer t(&abbreviations);
//   t.Tokenize(doc);   // doc.text -> doc.tokens (span, lower, capitalized...)
//
// Rules: words keep inner hyphens and apostrophes-less joins ("al-Qaeda",
// "Russian-backed", "5,000", "3.5", "12/05/2025"); abbreviations from the list
// keep their period ("Gen.", "U.S.", "U.N."); the possessive "'s" / "'" and
// the clitic "n't" are split off ("Mali's" -> "Mali" "'s"; "didn't" -> "did"
// "n't"); punctuation marks are tokens of their own. Sets Token::span,
// Token::lower (ICU lower case), Token::capitalized, Token::all_caps.
// Token::lemma is left for the lemmatizer, Token::tag for the tagger, except
// that punctuation tokens get Tag::kPunctuation, numbers Tag::kNumber and the
// possessive Tag::kPossessive.
#pragma once

#include "griot/doc/document.h"
#include "griot/text/abbreviations.h"

namespace griot {

class Tokenizer {
 public:
  explicit Tokenizer(const Abbreviations* abbreviations) : abbreviations_(abbreviations) {}
  void Tokenize(Document& doc) const;

 private:
  const Abbreviations* abbreviations_;
};

}  // namespace griot
