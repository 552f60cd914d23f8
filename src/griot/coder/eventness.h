// Eventness: does the clause report a specific, realised political event?
//
// A trigger word is not an event by itself. "The talks threaten to
// collapse", "militias routinely detain critics", "in a bid to de-escalate
// the situation", "the attacking forces", "such raids are common" all hold
// an event word and report no event. This stage rejects a candidate, with a
// named reason that `griot explain` and `--all-candidates` show, when:
//  - hazard: its subject is a natural or accidental cause ("floods killed");
//  - reason: it is the reason given for another act ("arrested for spying");
//  - background: a noun event introduced as background ("since last year's
//    invasion");
//  - habitual: its clause marks a habit or a generality ("routinely",
//    "every year");
//  - generic: a noun event made a kind ("such raids");
//  - purpose: it is the purpose of another act ("in a bid to", "aimed at");
//  - complement: it is the infinitive complement of a word that does not
//    assert it ("need to capture", "want to meet", "were sent to quell"),
//    unless that word is itself a trigger (framing.h subsumes it), asserts
//    its complement ("managed to"), announces it ("decided to": modality)
//    or negates it ("failed to": modality);
//  - sense: a verb whose political sense takes no object used with one
//    ("demonstrated its ability": pattern option object=none);
//  - state: a passive of a stative verb with no agent ("remain opposed to",
//    "forces are stationed in");
//  - modifier: a participle used as an adjective ("the attacking forces",
//    "Russian-backed forces");
//  - disaster: a conflict event with no actor named in a sentence that
//    reports a disaster ("a tsunami killed 43 people and injured hundreds",
//    "the area was hit by an earthquake"). In such a sentence some types
//    change meaning (ontology.txt, in-disaster: troops mobilised for relief
//    bring AID).
// The cue words are knowledge-base data (kb/<lang>/eventness.txt and the
// lexicon's flags); this file holds only the rules.
#pragma once

#include <string>
#include <vector>

#include "griot/coder/candidate.h"
#include "griot/coder/roles.h"
#include "griot/kb/eventness_cues.h"
#include "griot/kb/ontology.h"

namespace griot {

class Eventness {
 public:
  Eventness(const Document& doc, uint32_t sentence, const SentenceRoles& roles,
            const EventnessCues& cues, const Ontology& ontology)
      : doc_(doc), s_(doc.sentences[sentence]), roles_(roles), cues_(cues), ontology_(ontology) {}

  // Rejects the candidates that report no event (Stage::kEventness).
  void Judge(std::vector<Candidate>* cands) const;

 private:
  std::string Reason(const Candidate& c) const;
  std::string Background(const Candidate& c) const;
  std::string Habitual(const Candidate& c) const;
  std::string Generic(const Candidate& c) const;
  std::string Purpose(const Candidate& c) const;
  std::string Complement(const Candidate& c, const std::vector<Candidate>& all) const;
  std::string Modifier(const Candidate& c) const;
  std::string Sense(const Candidate& c) const;
  std::string State(const Candidate& c) const;
  // The hazard word of a disaster report, outside every trigger ("opened
  // fire" is no fire); -1 when none.
  int HazardCue(const std::vector<Candidate>& all) const;
  // A cue of class `cls` whose last token is `last` (within the sentence).
  bool CueEndingAt(uint32_t last, CueClass cls) const;
  std::string Word(uint32_t token) const { return "'" + doc_.tokens[token].lower + "'"; }

  const Document& doc_;
  const Sentence& s_;
  const SentenceRoles& roles_;
  const EventnessCues& cues_;
  const Ontology& ontology_;
};

}  // namespace griot
