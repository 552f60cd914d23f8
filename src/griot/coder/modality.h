// Modality: what a clause asserts about its candidate's event.
//  - Negation: a negated trigger means its pattern's `neg=` type ("did not
//    agree" -> REJECT) or a negated event (left out unless asked for); a
//    noun event that is the object of a negated verb is negated too ("did
//    not launch an attack").
//  - Announced future acts are coded as PLOVER says, by ontology.txt's
//    rules: "will meet" AGREE, "will attack" THREATEN (its mode from what
//    it threatens), "would withdraw" CONCEDE; a condition ("unless") turns a
//    promise into a threat.
//  - Auxiliary modes: `hypothetical` ("if the junta expels", "may attack")
//    and `future`.
//  - Obligations in reported speech are demands: "Russia said Sudan must
//    return the helicopter" is Russia's REQUEST to Sudan (DemandsInSpeech).
#pragma once

#include <vector>

#include "griot/coder/candidate.h"
#include "griot/coder/roles.h"
#include "griot/kb/ontology.h"

namespace griot {

class Modality {
 public:
  Modality(const Document& doc, uint32_t sentence, const SentenceRoles& roles,
           const Ontology& ontology)
      : doc_(doc), sentence_(sentence), roles_(roles), ontology_(ontology) {}

  void Apply(Candidate* c) const;
  // Adds a REQUEST candidate for each obligation in reported speech.
  void DemandsInSpeech(std::vector<Candidate>* cands) const;

 private:
  // A noun event in a future clause ("vowed to wage war"), announced by its
  // verb ("announced a withdrawal"), or neither.
  enum class Announced { kNo, kFuture, kByVerb };
  Announced AnnouncedNoun(const Candidate& c) const;
  // A condition ("unless", "if") follows the trigger in its sentence.
  bool ConditionAfter(uint32_t token) const;
  void SetType(Candidate* c, const std::string& type, const std::string& mode) const;

  const Document& doc_;
  uint32_t sentence_;
  const SentenceRoles& roles_;
  const Ontology& ontology_;
};

}  // namespace griot
