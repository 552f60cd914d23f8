// EventnessCues: the word classes the eventness stage (coder/eventness.h)
// reads to decide whether a clause reports a specific, realised event,
// loaded from kb/<lang>/eventness.txt (`griot-kb eventness 1`):
//
//   CLASS | cue; cue; ...
//
// Cues are dictionary forms, multiword allowed, matched on lemmas (and on
// surface forms, for inflected cues). The classes and what they do are
// documented in the file itself and in docs/knowledge-base.md.
#pragma once

#include <string>
#include <vector>

#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

enum class CueClass : uint8_t {
  kHabitual,     // "routinely", "every year": a habit or a generality, not one event
  kPurpose,      // "in a bid to", "aimed at": what follows is a purpose, not an act
  kImplicative,  // "managed to", "went on to": the complement happened
  kAnnounce,     // "decided to", "the decision to": the complement is announced
  kNegative,     // "avoided", "refrained from": the complement did not happen
  kGeneric,      // "such" before a noun event: a kind of event, not one
  kStative,      // "remain opposed", "are stationed": a passive that states a situation
  kCount
};

const char* CueClassName(CueClass c);

class EventnessCues {
 public:
  static Result<EventnessCues> Load(const std::string& path, const FrontEnd& front_end);

  struct Match {
    uint32_t length = 0;  // tokens matched (0: none)
    uint32_t classes = 0;  // bit (1 << CueClass) per class of the cue
  };
  // The longest cue starting at token `i` of `tokens`, up to `end`.
  Match At(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const;
  bool Is(const Match& m, CueClass c) const { return m.classes & (1u << static_cast<int>(c)); }

 private:
  PhraseTrie trie_;  // value = class bits
};

}  // namespace griot
