// CandidateReader: the first stage of the coder. Turns each trigger of a
// sentence into a Candidate with its participants, read off the sentence
// according to the pattern's roles (docs/knowledge-base.md: actor=,
// recipient=, passive=actor) and the verb group's voice:
//  - active verb: the subject acts, the object (or the pattern's
//    preposition) is acted upon;
//  - passive verb: the subject is acted upon, the "by" phrase acts (or the
//    subject acts, for patterns like "troops were deployed");
//  - noun or phrase: modifiers and possessors inside the noun phrase, an
//    agentive phrase after it, or the subject of the verb whose object it
//    is ("rebels launched an attack on ...").
// Also picks a mode named by who moves (deployed police vs troops). It
// decides nothing about whether the event is real: eventness.h does.
//
//   CandidateReader reader(doc, si, roles, kb);
//   for (const Trigger& t : triggers) cands.push_back(reader.Read(t));
#pragma once

#include "griot/coder/candidate.h"
#include "griot/coder/roles.h"
#include "griot/coder/trigger_matcher.h"
#include "griot/kb/knowledge_base.h"

namespace griot {

// The entities a role search found, as event arguments.
std::vector<EventArgument> ArgumentsOf(const Document& doc, const RoleResult& r);

class CandidateReader {
 public:
  CandidateReader(const Document& doc, uint32_t sentence, const SentenceRoles& roles,
                  const KnowledgeBase& kb)
      : doc_(doc), sentence_(sentence), roles_(roles), kb_(kb) {}

  Candidate Read(const Trigger& trigger) const;

 private:
  void ReadVerbal(const Trigger& tr, const Chunk& vg, Candidate* c, RoleResult* actor,
                  RoleResult* recipient) const;
  void ReadNominal(const Trigger& tr, Candidate* c, RoleResult* actor,
                   RoleResult* recipient) const;
  // The first mention after any of the comma-separated prepositions.
  RoleResult AfterAny(uint32_t from, const std::string& preps, uint32_t max_distance) const;
  std::string ModeBySector(const Pattern& p, const std::string& mode, const Event& ev) const;

  const Document& doc_;
  uint32_t sentence_;
  const SentenceRoles& roles_;
  const KnowledgeBase& kb_;
};

}  // namespace griot
