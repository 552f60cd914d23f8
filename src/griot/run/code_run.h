// CodeRun: reads every input, codes every record and keeps the accounts.
//
//   RunSummary s = CodeInputs(pipeline, {"a.jsonl", "b.txt"}, sink, std::cerr);
//
// Every record ends in exactly one outcome: coded; skipped (empty or
// oversized text, another language, already in the store); or failed
// (malformed record, bad encoding, store error). Problems are reported on
// `log` with their input and line, written to the errors file, and handed to
// the sink; the rest of the input is still coded. A store that already holds
// a document with the same id and text is not written twice.
//
// With options.threads > 1 the records are coded on several threads
// (parallel_run.h) and handed to the sink in input order: the output, the
// store, the errors file and the summary are the same for any thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "griot/pipeline.h"
#include "griot/run/progress.h"
#include "griot/run/shard.h"
#include "griot/sink/sink.h"

namespace griot {

struct CodeOptions {
  // One JSON line per skipped or failed record: input, line, offset, id,
  // outcome, reason, message. "" = none.
  std::string errors_path;
  // Skip records an earlier (interrupted) run into the same store already
  // accounted for, without reading them into this run's counts.
  bool resume = false;
  // Coding threads; 1 codes on the caller's thread. More threads never
  // change the result, only the speed.
  int threads = 1;
  // Code only the records of this shard (by document id); the others are
  // counted as in_other_shards, nothing else.
  Shard shard;
  // Called on the writing thread every `progress_interval` seconds (at most),
  // between records. Empty: no reports.
  std::function<void(const Progress&)> progress;
  double progress_interval = 0.25;
  // Memory bound of a parallel run: text bytes of the records in flight
  // between the reader and the sink (with at most 4 records per thread).
  size_t max_bytes_in_flight = size_t{64} << 20;
};

// Fails only when the errors file cannot be written; every record problem is
// accounted in the summary instead.
Result<RunSummary> CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                              EventSink& sink, std::ostream& log, const CodeOptions& options);
RunSummary CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                      EventSink& sink, std::ostream& log);

// "read 12 documents: 11 coded, 1 skipped (empty text: 1), 0 failed; ..."
std::string FormatSummary(const RunSummary& s);
std::string SummaryJson(const RunSummary& s);

// 0: everything coded; 1: partial (some records skipped or failed, or an
// input missing); 2: failure (nothing could be coded).
int ExitCode(const RunSummary& s);

}  // namespace griot
