// The parallel coding run behind CodeInputs(..., {.threads = N}):
//
//   reader thread ──▶ [queue] ──▶ N coding threads ──▶ [reorder] ──▶ writer
//   (RecordSource)                 (CodeRecord)                (RecordWriter,
//                                                               the caller's thread)
//
// Records carry their input sequence number; the writer hands them to the
// sink strictly in that order, so the JSONL bytes, the store, the errors file,
// the log and the summary are those of a one-thread run. Memory is bounded by
// the records in flight — taken before a record enters the queue, given back
// once the writer is done with it: at most 4 per coding thread and at most
// CodeOptions::max_bytes_in_flight of text (a larger single record goes
// alone) — not by the size of the input. docs/parallel.md has the details.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "griot/pipeline.h"
#include "griot/run/code_run.h"
#include "griot/sink/sink.h"

namespace griot {

// Serializes every call into a sink that is not thread-safe. The writer does
// all writing; the reader (HasOutcome, --resume) and the coding threads
// (HasDocument) only ask questions, under the same lock unless the sink
// answers them while it writes (a SQLite store on a file).
class LockedSink : public EventSink {
 public:
  explicit LockedSink(EventSink* sink)
      : sink_(sink), keeps_(sink->KeepsDocuments()), concurrent_(sink->AnswersWhileWriting()) {}
  bool KeepsDocuments() const override { return keeps_; }
  Status Write(const Document& doc) override;
  Status Account(const RecordOutcome& outcome) override;
  bool HasDocument(const std::string& id, const std::string& content_hash) override;
  bool HasOutcome(const std::string& input, uint64_t line) override;
  Status Finish(const RunSummary& summary) override;

 private:
  std::mutex mutex_;
  EventSink* sink_;
  const bool keeps_;       // false: questions are answered without the lock
  const bool concurrent_;  // HasDocument is answered without the lock
};

// Codes `inputs` with options.threads coding threads; `errors` is the open
// errors file or null. The summary's `seconds` is left to the caller.
RunSummary CodeInParallel(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          EventSink& sink, std::ostream& log, std::ostream* errors,
                          const CodeOptions& options);

}  // namespace griot
