// Tokenizer: fills Document::tokens over the whole normalized text.
//
//   Tokenizer t(&abbreviations);
//   t.Tokenize(doc);   // doc.text -> doc.tokens (span, lower, capitalized...)
//
// Rules: words keep inner hyphens and apostrophes-less joins ("al-Qaeda",
// "Russian-backed", "U.S.-backed", "5,000", "3.5", "12/05/2025", "10:30");
// abbreviations from the list keep their period ("Gen.", "Lt.Gen."), and so do
// dotted acronyms even when unlisted ("U.S.", "F.B.I.", "e.g.") and single
// capital initials before a space ("George W. Bush"); apostrophes inside names
// stay ("d'Ivoire", "O'Brien"); the possessive "'s" / "'" and the clitics
// "n't", "'re", "'ve", "'ll" (and "'d", "'m" after a pronoun) are split off
// ("Mali's" -> "Mali" "'s"; "didn't" -> "did" "n't"; "can't" -> "ca" "n't");
// punctuation marks are tokens of their own ("..." is one token). A run
// longer than 256 bytes is cut into several tokens. Sets Token::span,
// Token::lower (ICU lower case), Token::capitalized, Token::all_caps.
// Token::lemma is left for the lemmatizer, Token::tag for the tagger, except
// that punctuation tokens get Tag::kPunctuation, numbers Tag::kNumber and the
// possessive Tag::kPossessive (also the "'s" of "it's": the tagger decides).
// A number is a token that starts with a digit and has no letters.
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
