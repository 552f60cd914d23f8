// Tagger: assigns each token a coarse part of speech (Tag), its lemma and its
// lexical flags.
//
// Design: no statistical model to download. Closed-class words come from the
// language's lexicon; open-class words get their possible parts of speech from
// WordNet's morphology, and a small set of left-to-right contextual rules picks
// one (a determiner or preposition before an ambiguous word makes it a noun, a
// subject before it makes it a verb, a form of "be" before a participle makes
// it passive, ...). This is enough to find verb groups, noun phrases and
// clause edges, which is all the coder needs, at millions of tokens a second.
#pragma once

#include "griot/doc/document.h"
#include "griot/morph/wordnet.h"
#include "griot/syntax/lexicon.h"

namespace griot {

class Tagger {
 public:
  Tagger(const Lexicon* lexicon, const WordNet* wordnet) : lexicon_(lexicon), wordnet_(wordnet) {}

  // Tags and lemmatizes the tokens of every sentence of `doc`.
  void TagDocument(Document& doc) const;
  // Tags a bare token sequence as one sentence (knowledge-base phrases).
  void TagTokens(std::vector<Token>& tokens, uint32_t first, uint32_t last) const;

 private:
  const Lexicon* lexicon_;
  const WordNet* wordnet_;
};

}  // namespace griot
