// EventCoder: turns the triggers and actor mentions of each sentence into
// PLOVER event records (Document::events), through named stages that each
// decide one thing about a sentence's candidates (candidate.h):
//
//   triggers (trigger_matcher.h)
//     -> candidates with participants      CandidateReader (candidate_reader.h)
//     -> what the clause asserts            Modality (modality.h): negation,
//                                           announced acts, aux modes
//     -> is it a real, specific event?      Eventness (eventness.h)
//     -> what other candidates already say  Framing (framing.h): protest
//                                           demands, framed complements, merging
//     -> enough participants?               Participants (below): negated
//                                           events, required objects, implied actors
//
// Sentences with a cue of a non-political report (sport) give no events.
// Contexts: those cued in the event's sentence plus those cued in two or
// more of the document's sentences that hold events. `historical` is set
// later, once dates are known (pipeline.cc).
//
// Every rejection is recorded with its stage and reason: in
// Document::explanations when explaining, and as events carrying a
// `verdict` when the caller asks for all candidates.
#pragma once

#include "griot/coder/candidate.h"
#include "griot/doc/document.h"
#include "griot/kb/knowledge_base.h"

namespace griot {

struct CoderOptions {
  bool keep_negated = false;    // code "did not arrest" as an event tagged aux "negated"
  bool explain = false;         // record in Document::explanations how each trigger ended
  bool all_candidates = false;  // keep rejected candidates in Document::events, with a verdict
};

class EventCoder {
 public:
  EventCoder(const KnowledgeBase* kb, CoderOptions options) : kb_(kb), options_(options) {}
  void Code(Document& doc) const;

  // The sentence's candidates after every stage, rejected ones included
  // (for the stage tests and for explaining).
  std::vector<Candidate> Candidates(const Document& doc, uint32_t sentence) const;

 private:
  void CodeSentence(Document& doc, uint32_t sentence) const;
  // Negated events, required objects, implied actors, events with nobody.
  void Participants(const Document& doc, uint32_t sentence, std::vector<Candidate>* cands) const;
  // A word of a natural or accidental cause ("flood", "cylinder") in the
  // sentence or within two of it, outside the candidate's trigger; "" when none.
  std::string HazardNear(const Document& doc, uint32_t si, const Candidate& c) const;
  std::vector<std::string> SentenceContexts(const Document& doc, uint32_t si) const;
  bool NonPolitical(const Document& doc, uint32_t si, std::string* cue) const;

  const KnowledgeBase* kb_;
  CoderOptions options_;
};

}  // namespace griot
