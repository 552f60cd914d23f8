// Candidate: one trigger on its way to becoming an event record.
//
// The coder's stages (event_coder.h) pass a sentence's candidates from one
// to the next: roles fill the participants, modality the type the sentence
// asserts, eventness decides whether the clause reports a real, specific
// event, framing and merging drop what another candidate already says. A
// stage that rejects a candidate writes its name and reason into `verdict`;
// `griot explain` and `griot code --all-candidates` show them.
#pragma once

#include <string>

#include "griot/doc/document.h"
#include "griot/kb/pattern_set.h"

namespace griot {

// Which coder stage decided a candidate's fate.
enum class Stage : uint8_t { kNone, kRoles, kModality, kEventness, kFraming, kMerge, kParticipants };

const char* StageName(Stage s);

struct Candidate {
  Event event;
  const Pattern* pattern = nullptr;  // nullptr for rule-made candidates (AddDemands)
  const Chunk* verb_group = nullptr;  // the trigger's verb group, for verb patterns
  std::string base_type, base_mode;  // what the pattern said, before modality
  uint32_t head = 0;
  uint32_t end = 0;
  bool verbal = false;    // a verb pattern whose head is a verb group
  bool governs = false;
  bool requires_object = false;
  bool framed_something = false;
  bool anaphoric = false;  // "the arrests": a definite noun refers back
  bool negated = false;
  // The verb has a participant the knowledge base does not know ("a man
  // was arrested"): a private person, so no actor is implied.
  bool plain_participant = false;
  bool resolved_pronoun = false;  // the actor came from a pronoun's antecedent
  bool hazard = false;            // its subject is a natural or accidental cause
  bool governor_negated = false;  // a noun event that is the object of a negated verb
  bool merged = false;            // other triggers of the sentence were merged into it
  bool pronoun_object = false;    // "released them": an object, not an actor the knowledge base knows

  // The rejection, when a stage rejected the candidate ("" while alive).
  Stage rejected_by = Stage::kNone;
  std::string verdict;
  bool alive() const { return rejected_by == Stage::kNone; }
  void Reject(Stage by, std::string why) {
    rejected_by = by;
    verdict = std::move(why);
  }
};

}  // namespace griot
