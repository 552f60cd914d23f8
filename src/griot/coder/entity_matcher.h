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
//   "militants loyal to Zarqawi" an agent takes the code of whom it serves
// The words this needs beyond lexicon flags (name connectors, allegiance
// phrases) come from the language's actor_words.txt.
#pragma once

#include "griot/doc/document.h"
#include "griot/kb/actor_dictionary.h"
#include "griot/kb/actor_words.h"

namespace griot {

class EntityMatcher {
 public:
  EntityMatcher(const ActorDictionary* actors, const ActorWords* words)
      : actors_(actors), words_(words) {}
  void Match(Document& doc) const;
  void MatchSentence(const Document& doc, Sentence& sentence) const;

 private:
  void AddNames(const std::vector<Token>& tokens, Sentence& sentence) const;
  const ActorDictionary* actors_;
  const ActorWords* words_;
};

}  // namespace griot
