// EntityMatcher: finds actor mentions in each sentence and fills
// Sentence::entities.
//
// Two tries are matched at every token (names on surface forms, sector nouns
// on lemmas), longest match first; then neighbouring mentions are combined
// the way news writes actors:
//   "Malian soldiers"            demonym + agent        -> MLI / MIL
//   "Mali's junta"               name 's + agent        -> MLI / GOV
//   "the army of Niger"          agent of + name        -> NER / MIL
//   "UN peacekeepers"            organization + agent   -> IGO / MIL
//   "Malian and Nigerien troops" both demonyms share the agent
//   "Bamako"                     capital alone          -> MLI / GOV
#pragma once

#include "griot/doc/document.h"
#include "griot/kb/actor_dictionary.h"

namespace griot {

class EntityMatcher {
 public:
  explicit EntityMatcher(const ActorDictionary* actors) : actors_(actors) {}
  void Match(Document& doc) const;
  void MatchSentence(const Document& doc, Sentence& sentence) const;

 private:
  void AddNames(const std::vector<Token>& tokens, Sentence& sentence) const;
  const ActorDictionary* actors_;
};

}  // namespace griot
