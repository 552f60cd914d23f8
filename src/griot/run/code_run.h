// CodeRun: reads every input, codes every record and keeps the accounts.
//
//   RunSummary s = CodeInputs(pipeline, {"a.jsonl", "b.txt"}, sink, std::cerr);
//
// A bad record is reported on `log` with its input and line and counted as
// skipped (empty or oversized text) or failed (malformed record, bad
// encoding); the rest of the input is still coded.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "griot/pipeline.h"
#include "griot/sink/sink.h"

namespace griot {

RunSummary CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                      EventSink& sink, std::ostream& log);

// "read 12 documents: 11 coded, 1 skipped (empty text: 1), 0 failed; ..."
std::string FormatSummary(const RunSummary& s);
std::string SummaryJson(const RunSummary& s);

// 0: everything coded; 1: partial (some records skipped or failed, or an
// input missing); 2: failure (nothing could be coded).
int ExitCode(const RunSummary& s);

}  // namespace griot
