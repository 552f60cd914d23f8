// CodeAndWrite: one document through the steps `griot code` takes for every
// record (run/record_stages.h's CodeRecord: language check, content hash,
// skip when the store already holds it, code), then written. The decisions
// and reason keys are griot code's own, so a worker's store matches a
// single-process run of the same input.
#pragma once

#include <string>

#include "griot/pipeline.h"
#include "griot/sink/sink.h"

namespace griot {

struct RecordResult {
  enum class Kind { kCoded, kSkipped, kFailed };
  Kind kind = Kind::kCoded;
  std::string reason;   // summary key ("language: fr", "already in the database")
  std::string message;  // "input:line: reason (id ...)"
  bool say = true;      // worth a line on the log (re-run skips are not)
};

// Codes `doc` (its text as the reader gave it) and writes it to `sink`;
// kFailed with reason "output error" when the sink refuses it. The outcome
// is not accounted: the caller does that, once it knows where the record
// ends.
RecordResult CodeAndWrite(const Pipeline& pipeline, EventSink& sink, Document& doc);

// The RecordOutcome that accounts for `doc` ending as `r`.
RecordOutcome OutcomeOf(const Document& doc, const RecordResult& r);

}  // namespace griot
