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
  double seconds = 0;        // coding time, knowledge-base load excluded
  double load_seconds = 0;   // knowledge-base load time
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // Called once per coded document (also for documents with no events).
  virtual Status Write(const Document& doc) = 0;
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
