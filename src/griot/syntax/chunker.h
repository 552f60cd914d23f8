// Chunker: groups tagged tokens into verb groups and noun phrases.
//
//   "Malian soldiers had not detained the two journalists"
//    [NP Malian soldiers] [VG had not detained] [NP the two journalists]
//
// Verb groups carry what the coder needs about the predicate: passive voice
// (a form of "be"/"get" before a participle, or a participle followed by
// "by" as in "journalists detained by police"), negation, modality and
// infinitive "to". Noun phrases run over determiners, numbers, adjectives,
// possessives and nouns; their head is the last noun.
#pragma once

#include "griot/doc/document.h"

namespace griot {

class Chunker {
 public:
  void ChunkDocument(Document& doc) const;
  void ChunkSentence(const std::vector<Token>& tokens, Sentence& sentence) const;
};

}  // namespace griot
