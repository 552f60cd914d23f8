#include "griot/run/record_stages.h"

#include <exception>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "griot/io/language.h"
#include "griot/util/content_hash.h"

namespace griot {
namespace {

// The reason key counted in the summary: the message without its location.
std::string ReasonKey(const std::string& message) {
  // Messages look like "input:line: reason (details)" or "input:line:
  // reason: details"; the location has no ": " of its own.
  size_t c = message.find(": ");
  std::string key = c == std::string::npos ? message : message.substr(c + 2);
  size_t paren = key.find(" (");
  if (paren != std::string::npos) key = key.substr(0, paren);
  size_t colon = key.find(':');
  if (colon != std::string::npos) key = key.substr(0, colon);
  return key;
}

std::string Where(const Document& doc) { return doc.input + ":" + std::to_string(doc.line); }

constexpr const char* kAlreadyStored = "already in the database";

uint64_t KnownSize(const std::string& input) {
  if (input == "-") return 0;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(input, ec)) return 0;
  uint64_t size = std::filesystem::file_size(input, ec);
  return ec ? 0 : size;
}

void Skip(RecordItem* item, std::string reason, std::string message, bool say = true) {
  item->verdict = RecordItem::Verdict::kSkipped;
  item->reason = std::move(reason);
  item->message = std::move(message);
  item->say = say;
}

void Fail(RecordItem* item, std::string reason, std::string message) {
  item->verdict = RecordItem::Verdict::kFailed;
  item->reason = std::move(reason);
  item->message = std::move(message);
}

}  // namespace

RecordSource::RecordSource(const std::vector<std::string>& inputs, EventSink& sink,
                           const CodeOptions& options)
    : inputs_(inputs), sink_(sink), options_(options) {
  bool known = !inputs.empty();
  for (const std::string& input : inputs) {
    sizes_.push_back(KnownSize(input));
    known &= sizes_.back() > 0;
    total_bytes_ += sizes_.back();
  }
  // A percentage over part of the inputs would lie; unknown is honest.
  if (!known) total_bytes_ = 0;
}

bool RecordSource::Next(RecordItem* item) {
  for (;;) {
    if (!reader_) {
      if (next_input_ >= inputs_.size()) return false;
      Result<std::unique_ptr<DocumentReader>> opened = OpenInput(inputs_[next_input_]);
      if (!opened.ok()) {
        done_before_ += sizes_[next_input_];
        ++next_input_;
        *item = RecordItem{};
        item->seq = seq_++;
        item->input_error = opened.status().message();
        item->input_bytes_done = done_before_;
        return true;
      }
      reader_ = std::move(*opened);
    }
    InputRecord rec;
    if (!reader_->Next(&rec)) {
      reader_.reset();
      done_before_ += sizes_[next_input_];
      ++next_input_;
      continue;
    }
    // A record without an id is placed by where it is, so every record of
    // the corpus belongs to exactly one shard.
    const std::string& key =
        rec.doc.id.empty() ? rec.doc.input + ":" + std::to_string(rec.doc.line) : rec.doc.id;
    if (!options_.shard.Holds(key)) {
      ++other_shards_;
      continue;
    }
    if (options_.resume && sink_.HasOutcome(rec.doc.input, rec.doc.line)) {
      ++resumed_;
      continue;
    }
    *item = RecordItem{};
    item->seq = seq_++;
    uint64_t size = sizes_[next_input_];
    item->input_bytes_done = done_before_ + (rec.doc.offset < size ? rec.doc.offset : size);
    item->rec = std::move(rec);
    return true;
  }
}

namespace {

void CodeRecordOrThrow(const Pipeline& pipeline, EventSink& sink, RecordItem* item, bool ask_store) {
  InputRecord& rec = item->rec;
  if (!rec.status.ok()) {
    const std::string& m = rec.status.message();
    if (rec.skip) {
      Skip(item, ReasonKey(m), m);
    } else {
      Fail(item, ReasonKey(m), m);
    }
    return;
  }
  // English is coded; a text reliably in another language is skipped
  // with its language as the reason (a French pipeline will take it).
  LanguageGuess language = IdentifyLanguage(rec.doc.text);
  if (!ShouldCodeAsEnglish(language)) {
    std::string reason = "language: " + language.code;
    Skip(item, reason, Where(rec.doc) + ": " + reason + " (id " + rec.doc.id + ")");
    return;
  }
  // Hashed before coding normalizes the text, so a re-run compares like
  // with like.
  rec.doc.content_hash = ContentHash(rec.doc.text);
  if (ask_store && sink.HasDocument(rec.doc.id, rec.doc.content_hash)) {
    // Counted, not shouted: a re-run over a large input would print a
    // line per document.
    Skip(item, kAlreadyStored, Where(rec.doc) + ": " + kAlreadyStored + " (id " + rec.doc.id + ")",
         false);
    item->stored_at_check = true;
    return;
  }
  Status st = pipeline.Code(rec.doc);
  if (!st.ok()) {
    bool skip = st.message().rfind("empty text", 0) == 0 ||
                st.message().rfind("document too large", 0) == 0;
    std::string message = Where(rec.doc) + ": " + st.message() + " (id " + rec.doc.id + ")";
    std::string key = st.message().substr(0, st.message().find(':'));
    if (skip) {
      Skip(item, key, message);
    } else {
      Fail(item, key, message);
    }
    return;
  }
  item->verdict = RecordItem::Verdict::kCoded;
}

}  // namespace

void CodeRecord(const Pipeline& pipeline, EventSink& sink, RecordItem* item, bool ask_store) {
  if (!item->input_error.empty()) return;
  item->stored_at_check = false;
  try {
    CodeRecordOrThrow(pipeline, sink, item, ask_store);
  } catch (const std::exception& e) {
    // Out of memory on one huge document, a bug on one strange text: that
    // record fails, the run goes on.
    Fail(item, "internal error",
         Where(item->rec.doc) + ": internal error: " + e.what() + " (id " + item->rec.doc.id + ")");
  }
}

RecordWriter::RecordWriter(EventSink& sink, std::ostream& log, std::ostream* errors,
                           const CodeOptions& options, uint64_t input_bytes_total,
                           bool recheck_stored)
    : sink_(sink),
      log_(log),
      errors_(errors),
      options_(options),
      input_bytes_total_(input_bytes_total),
      recheck_stored_(recheck_stored),
      start_(std::chrono::steady_clock::now()),
      last_progress_(start_) {}

void RecordWriter::Deliver(RecordItem& item) {
  if (!item.input_error.empty()) {
    log_ << "griot: " << item.input_error << "\n";
    ++s_.input_errors;
    MaybeReportProgress(item.input_bytes_done);
    return;
  }
  Document& doc = item.rec.doc;
  ++s_.documents_read;
  s_.bytes += doc.text.size();
  if (!item.rec.warning.empty()) {
    log_ << "griot: warning: " << item.rec.warning << "\n";
    ++s_.warnings;
  }
  switch (item.verdict) {
    case RecordItem::Verdict::kSkipped:
      Skipped(doc, item.reason, item.message, item.say);
      break;
    case RecordItem::Verdict::kFailed:
      Failed(doc, item.reason, item.message);
      break;
    case RecordItem::Verdict::kCoded: {
      if (recheck_stored_ && sink_.HasDocument(doc.id, doc.content_hash)) {
        Skipped(doc, kAlreadyStored, Where(doc) + ": " + kAlreadyStored + " (id " + doc.id + ")",
                false);
        break;
      }
      Status w = sink_.Write(doc);
      if (!w.ok()) {
        Failed(doc, "output error", w.message() + " (id " + doc.id + ")");
        break;
      }
      ++s_.documents_coded;
      s_.sentences += doc.sentences.size();
      s_.events += doc.events.size();
      Close(doc, "coded", "", "");
      break;
    }
  }
  MaybeReportProgress(item.input_bytes_done);
}

void RecordWriter::Skipped(const Document& doc, const std::string& reason,
                           const std::string& message, bool say) {
  ++s_.documents_skipped;
  ++s_.reasons[reason];
  if (say) log_ << "griot: skipped: " << message << "\n";
  Close(doc, "skipped", reason, message);
}

void RecordWriter::Failed(const Document& doc, const std::string& reason,
                          const std::string& message) {
  ++s_.documents_failed;
  ++s_.reasons[reason];
  log_ << "griot: failed: " << message << "\n";
  Close(doc, "failed", reason, message);
}

void RecordWriter::Close(const Document& doc, const char* outcome, const std::string& reason,
                         const std::string& message) {
  RecordOutcome o;
  o.input = doc.input;
  o.line = doc.line;
  o.offset = doc.offset;
  o.id = doc.id;
  o.outcome = outcome;
  o.reason = reason;
  o.message = message;
  if (errors_ && o.outcome != "coded") {
    nlohmann::json j = {{"input", o.input}, {"line", o.line},       {"offset", o.offset},
                        {"id", o.id},       {"outcome", o.outcome}, {"reason", o.reason},
                        {"message", o.message}};
    *errors_ << j.dump() << "\n";
  }
  Status st = sink_.Account(o);
  // The store cannot keep the account: say so, once per record; the
  // summary still counts the record.
  if (!st.ok()) log_ << "griot: " << st.message() << "\n";
}

void RecordWriter::MaybeReportProgress(uint64_t input_bytes_done) {
  if (!options_.progress) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_progress_ < std::chrono::duration<double>(options_.progress_interval)) return;
  last_progress_ = now;
  Progress p;
  p.documents = s_.documents_read;
  p.text_bytes = s_.bytes;
  p.events = s_.events;
  p.seconds = std::chrono::duration<double>(now - start_).count();
  p.input_bytes_done = input_bytes_done;
  p.input_bytes_total = input_bytes_total_;
  options_.progress(p);
}

}  // namespace griot
