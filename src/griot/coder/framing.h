// Framing and merging: what a sentence's other candidates already say.
//  - The demand of a protest is what the protest is about, not a separate
//    REQUEST ("protesters blocked roads to demand reforms"); PLOVER codes
//    the protest only.
//  - A governing trigger subsumes the events in its complement, up to the
//    next clause edge ("threatened to attack" is one THREATEN, "condemned the
//    arrest of" one ACCUSE); the frame may take its recipient and its mode
//    from what it frames, and a promise of force is a threat ("vowed to
//    fight").
//  - Several triggers of one type whose participants agree are one event.
#pragma once

#include <vector>

#include "griot/coder/candidate.h"
#include "griot/coder/roles.h"
#include "griot/kb/ontology.h"

namespace griot {

class Framing {
 public:
  Framing(const Document& doc, const SentenceRoles& roles, const Ontology& ontology)
      : doc_(doc), roles_(roles), ontology_(ontology) {}

  // `cands` sorted by trigger position; only live candidates take part.
  void DropProtestDemands(std::vector<Candidate>* cands) const;
  void SubsumeFramed(std::vector<Candidate>* cands) const;
  void MergeSameType(std::vector<Candidate>* cands) const;

 private:
  bool Purpose(const Candidate& c) const;
  uint32_t ScopeEnd(const Candidate& frame) const;
  const Document& doc_;
  const SentenceRoles& roles_;
  const Ontology& ontology_;
};

bool SameParties(const std::vector<EventArgument>& a, const std::vector<EventArgument>& b);

}  // namespace griot
