// The three stages every input record goes through, shared by the serial and
// the parallel run (parallel_run.h) so both decide everything the same way:
//
//   RecordSource  reads the inputs in order, numbers the records, drops those
//                 of other shards and, with --resume, those already accounted.
//                 One thread.
//   CodeRecord    language check, content hash, "already stored?", coding.
//                 Any thread: it only reads the pipeline, and asks the sink
//                 one question (HasDocument) that a shared sink must answer
//                 under its lock.
//   RecordWriter  the sink, the accounts, the errors file, the log, the
//                 summary and the progress reports, in input order. One
//                 thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "griot/io/reader.h"
#include "griot/pipeline.h"
#include "griot/run/code_run.h"
#include "griot/sink/sink.h"

namespace griot {

// One record on its way through the stages.
struct RecordItem {
  enum class Verdict { kCoded, kSkipped, kFailed };

  uint64_t seq = 0;         // input order, from 0
  InputRecord rec;
  std::string input_error;  // the input could not be opened: no record, only this message
  uint64_t input_bytes_done = 0;  // how far into the inputs this record lies (progress)
  size_t budget_bytes = 0;        // what the parallel run counted against its memory bound
  // Filled by CodeRecord:
  Verdict verdict = Verdict::kCoded;
  std::string reason;   // skip/fail key counted in the summary
  std::string message;  // full message naming the input and line
  bool say = true;      // log the skip (false: counted only)
  // Skipped as "already in the database" by the sink's answer at coding
  // time, which a later writer may have made stale (see parallel_run.cc).
  bool stored_at_check = false;
};

class RecordSource {
 public:
  // `sink` answers --resume's HasOutcome; it must outlive the source.
  RecordSource(const std::vector<std::string>& inputs, EventSink& sink, const CodeOptions& options);
  // The next record (or unopenable input) in input order; false at the end.
  bool Next(RecordItem* item);

  uint64_t resumed() const { return resumed_; }
  uint64_t in_other_shards() const { return other_shards_; }
  // Sum of the inputs' sizes; 0 when one of them has no known size (stdin, a directory).
  uint64_t input_bytes_total() const { return total_bytes_; }

 private:
  const std::vector<std::string>& inputs_;
  EventSink& sink_;
  const CodeOptions& options_;
  size_t next_input_ = 0;
  std::unique_ptr<DocumentReader> reader_;
  uint64_t seq_ = 0;
  uint64_t resumed_ = 0;
  uint64_t other_shards_ = 0;
  uint64_t total_bytes_ = 0;
  std::vector<uint64_t> sizes_;   // per input, 0 when unknown
  uint64_t done_before_ = 0;      // sizes of the inputs already read
};

// Decides the record's verdict and codes it when it should be. Never throws:
// a document that breaks the coder fails alone. `ask_store`: skip documents
// the sink already holds (false: code regardless).
void CodeRecord(const Pipeline& pipeline, EventSink& sink, RecordItem* item, bool ask_store = true);

class RecordWriter {
 public:
  // `errors`: the errors file, or null. `recheck_stored`: ask the sink again
  // just before writing whether it holds the document — needed when records
  // are coded concurrently, as an earlier copy of the same document may have
  // been written after this one's first check.
  RecordWriter(EventSink& sink, std::ostream& log, std::ostream* errors, const CodeOptions& options,
               uint64_t input_bytes_total, bool recheck_stored);
  void Deliver(RecordItem& item);
  RunSummary& summary() { return s_; }

 private:
  void Skipped(const Document& doc, const std::string& reason, const std::string& message, bool say);
  void Failed(const Document& doc, const std::string& reason, const std::string& message);
  void Close(const Document& doc, const char* outcome, const std::string& reason,
             const std::string& message);
  void MaybeReportProgress(uint64_t input_bytes_done);

  EventSink& sink_;
  std::ostream& log_;
  std::ostream* errors_;
  const CodeOptions& options_;
  uint64_t input_bytes_total_;
  bool recheck_stored_;
  RunSummary s_;
  std::chrono::steady_clock::time_point start_, last_progress_;
};

}  // namespace griot
