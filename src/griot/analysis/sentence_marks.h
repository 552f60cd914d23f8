// The words of a source sentence that justify an event (trigger, actor,
// recipient), as flat runs for the renderers to wrap in <mark> or **bold**.
//
//   for (const MarkedRun& run : MarkSentence(event)) Emit(run.text, run.roles);
//
// Spans are code point offsets [begin, end) into the UTF-8 sentence, as in
// the event records. Overlapping spans (a trigger inside an actor phrase)
// give one run per change of roles, each carrying every role that covers it,
// so the markup is never nested and never breaks; out-of-range spans are
// clipped to the sentence.
#pragma once

#include <string>
#include <vector>

#include "griot/analysis/brief.h"

namespace griot {

enum MarkRole : unsigned { kMarkTrigger = 1, kMarkActor = 2, kMarkRecipient = 4 };

struct MarkedRun {
  std::string text;    // UTF-8, not escaped
  unsigned roles = 0;  // MarkRole bits; 0 = plain text
};

std::vector<MarkedRun> MarkSentence(const BriefEvent& event);

}  // namespace griot
