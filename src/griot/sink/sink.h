// Sinks receive coded documents; the JSONL printer, the SQLite store and the
// test collector are just different sinks behind one interface.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "griot/doc/document.h"
#include "griot/util/status.h"

namespace griot {

// What a coding run did. The numbers add up: every record read is exactly
// one of coded, skipped or failed.
struct RunSummary {
  uint64_t documents_read = 0;
  uint64_t documents_coded = 0;
  uint64_t documents_skipped = 0;
  uint64_t documents_failed = 0;
  std::map<std::string, uint64_t> reasons;  // skip/fail reason -> count
  uint64_t sentences = 0;
  uint64_t events = 0;
  uint64_t bytes = 0;        // raw text bytes of the documents read
  uint64_t warnings = 0;
  uint64_t input_errors = 0;  // inputs that could not be opened
  uint64_t resumed = 0;       // records an earlier run had accounted for (--resume), not re-read into the counts above
  uint64_t in_other_shards = 0;  // records left to other shards (--shard), in no count above
  double seconds = 0;        // coding time, knowledge-base load excluded
  double load_seconds = 0;   // knowledge-base load time
};

// How one input record ended: every record read ends in exactly one of
// coded, skipped (reason) or failed (reason).
struct RecordOutcome {
  std::string input;    // the input as named on the command line (or inside an archive)
  uint64_t line = 0;    // line (JSONL) or record number (WARC, feed items), 1-based; 0 for whole files
  uint64_t offset = 0;  // byte offset of the record in its (decompressed) input, when known
  std::string id;       // document id, when the record has one
  std::string outcome;  // "coded", "skipped" or "failed"
  std::string reason;   // short key counted in the summary ("empty text", "language: fr", ...)
  std::string message;  // the full message, naming the input and line
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Called once per coded document (also for documents with no events).
  virtual Status Write(const Document& doc) = 0;
  // Every record's outcome, coded ones included, in input order; a store
  // keeps them with the documents so its accounts add up after a crash.
  virtual Status Account(const RecordOutcome& outcome) {
    (void)outcome;
    return Status::Ok();
  }
  // True when the store already holds this document with this text (a
  // re-run adds nothing twice).
  virtual bool HasDocument(const std::string& id, const std::string& content_hash) {
    (void)id;
    (void)content_hash;
    return false;
  }
  // False when HasDocument and HasOutcome always answer false (the sink
  // keeps nothing to ask about): the parallel run then skips asking, and
  // the lock that asking would take against the writer.
  virtual bool KeepsDocuments() const { return false; }
  // True when HasDocument may be called from any thread while Write and
  // Account run on another: the parallel run then asks without its lock.
  virtual bool AnswersWhileWriting() const { return false; }
  // True when an earlier run already accounted for this record (--resume).
  virtual bool HasOutcome(const std::string& input, uint64_t line) {
    (void)input;
    (void)line;
    return false;
  }
  // Called once at the end of the run.
  virtual Status Finish(const RunSummary& summary) {
    (void)summary;
    return Status::Ok();
  }
};

// One JSON object per event, one per line.
class JsonlSink : public EventSink {
 public:
  explicit JsonlSink(std::ostream* out) : out_(out) {}
  Status Write(const Document& doc) override;

 private:
  std::ostream* out_;
};

// Keeps coded documents in memory (tests, evaluation).
class CollectorSink : public EventSink {
 public:
  Status Write(const Document& doc) override {
    documents.push_back(doc);
    return Status::Ok();
  }
  std::vector<Document> documents;
};

}  // namespace griot
