#include "griot/run/code_run.h"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/io/language.h"
#include "griot/io/reader.h"
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

}  // namespace

namespace {

// Writes the errors file and hands every outcome to the sink.
class Accounts {
 public:
  Accounts(EventSink& sink, std::ostream& log, std::ostream* errors, RunSummary& s)
      : sink_(sink), log_(log), errors_(errors), s_(s) {}

  void Coded(const Document& doc) { Close(Outcome(doc, "coded", "", "")); }
  void Skipped(const Document& doc, const std::string& reason, const std::string& message,
               bool say = true) {
    ++s_.documents_skipped;
    ++s_.reasons[reason];
    if (say) log_ << "griot: skipped: " << message << "\n";
    Close(Outcome(doc, "skipped", reason, message));
  }
  void Failed(const Document& doc, const std::string& reason, const std::string& message) {
    ++s_.documents_failed;
    ++s_.reasons[reason];
    log_ << "griot: failed: " << message << "\n";
    Close(Outcome(doc, "failed", reason, message));
  }

 private:
  static RecordOutcome Outcome(const Document& doc, const char* outcome, const std::string& reason,
                               const std::string& message) {
    RecordOutcome o;
    o.input = doc.input;
    o.line = doc.line;
    o.offset = doc.offset;
    o.id = doc.id;
    o.outcome = outcome;
    o.reason = reason;
    o.message = message;
    return o;
  }
  void Close(const RecordOutcome& o) {
    if (errors_ && o.outcome != "coded") {
      nlohmann::json j = {{"input", o.input},   {"line", o.line},       {"offset", o.offset},
                          {"id", o.id},         {"outcome", o.outcome}, {"reason", o.reason},
                          {"message", o.message}};
      *errors_ << j.dump() << "\n";
    }
    Status st = sink_.Account(o);
    // The store cannot keep the account: say so, once per record; the
    // summary still counts the record.
    if (!st.ok()) log_ << "griot: " << st.message() << "\n";
  }

  EventSink& sink_;
  std::ostream& log_;
  std::ostream* errors_;
  RunSummary& s_;
};

std::string Where(const Document& doc) { return doc.input + ":" + std::to_string(doc.line); }

constexpr const char* kAlreadyStored = "already in the database";

}  // namespace

Result<RunSummary> CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                              EventSink& sink, std::ostream& log, const CodeOptions& options) {
  RunSummary s;
  std::ofstream errors_file;
  if (!options.errors_path.empty()) {
    errors_file.open(options.errors_path, std::ios::binary | std::ios::trunc);
    if (!errors_file) return IoError(options.errors_path + ": cannot write the errors file");
  }
  Accounts accounts(sink, log, errors_file.is_open() ? &errors_file : nullptr, s);
  auto start = std::chrono::steady_clock::now();
  for (const std::string& input : inputs) {
    Result<std::unique_ptr<DocumentReader>> reader = OpenInput(input);
    if (!reader.ok()) {
      log << "griot: " << reader.status().message() << "\n";
      ++s.input_errors;
      continue;
    }
    InputRecord rec;
    while ((*reader)->Next(&rec)) {
      if (options.resume && sink.HasOutcome(rec.doc.input, rec.doc.line)) {
        ++s.resumed;
        continue;
      }
      ++s.documents_read;
      s.bytes += rec.doc.text.size();
      if (!rec.warning.empty()) {
        log << "griot: warning: " << rec.warning << "\n";
        ++s.warnings;
      }
      if (!rec.status.ok()) {
        const std::string& m = rec.status.message();
        if (rec.skip) {
          accounts.Skipped(rec.doc, ReasonKey(m), m);
        } else {
          accounts.Failed(rec.doc, ReasonKey(m), m);
        }
        continue;
      }
      // English is coded; a text reliably in another language is skipped
      // with its language as the reason (a French pipeline will take it).
      LanguageGuess language = IdentifyLanguage(rec.doc.text);
      if (!ShouldCodeAsEnglish(language)) {
        std::string reason = "language: " + language.code;
        accounts.Skipped(rec.doc, reason, Where(rec.doc) + ": " + reason + " (id " + rec.doc.id + ")");
        continue;
      }
      // Hashed before coding normalizes the text, so a re-run compares like
      // with like.
      rec.doc.content_hash = ContentHash(rec.doc.text);
      if (sink.HasDocument(rec.doc.id, rec.doc.content_hash)) {
        // Counted, not shouted: a re-run over a large input would print a
        // line per document.
        accounts.Skipped(rec.doc, kAlreadyStored,
                         Where(rec.doc) + ": " + kAlreadyStored + " (id " + rec.doc.id + ")", false);
        continue;
      }
      Status st = pipeline.Code(rec.doc);
      if (!st.ok()) {
        bool skip = st.message().rfind("empty text", 0) == 0 ||
                    st.message().rfind("document too large", 0) == 0;
        std::string message = Where(rec.doc) + ": " + st.message() + " (id " + rec.doc.id + ")";
        std::string key = st.message().substr(0, st.message().find(':'));
        if (skip) {
          accounts.Skipped(rec.doc, key, message);
        } else {
          accounts.Failed(rec.doc, key, message);
        }
        continue;
      }
      Status w = sink.Write(rec.doc);
      if (!w.ok()) {
        accounts.Failed(rec.doc, "output error", w.message() + " (id " + rec.doc.id + ")");
        continue;
      }
      ++s.documents_coded;
      s.sentences += rec.doc.sentences.size();
      s.events += rec.doc.events.size();
      accounts.Coded(rec.doc);
    }
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (errors_file.is_open()) {
    errors_file.flush();
    if (!errors_file) return IoError(options.errors_path + ": write failed");
  }
  return s;
}

RunSummary CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                      EventSink& sink, std::ostream& log) {
  Result<RunSummary> r = CodeInputs(pipeline, inputs, sink, log, CodeOptions{});
  return r.ok() ? *r : RunSummary{};
}

std::string FormatSummary(const RunSummary& s) {
  std::ostringstream o;
  o << "read " << s.documents_read << " documents: " << s.documents_coded << " coded, "
    << s.documents_skipped << " skipped, " << s.documents_failed << " failed";
  if (!s.reasons.empty()) {
    o << " (";
    bool first = true;
    for (const auto& [reason, n] : s.reasons) {
      o << (first ? "" : "; ") << reason << ": " << n;
      first = false;
    }
    o << ")";
  }
  o << "; " << s.sentences << " sentences, " << s.events << " events";
  if (s.input_errors) o << "; " << s.input_errors << " inputs could not be read";
  if (s.resumed) o << "; " << s.resumed << " records already accounted by an earlier run (--resume)";
  double mb = s.bytes / 1e6;
  o.precision(3);
  o << "; " << mb << " MB in " << s.seconds << " s";
  if (s.seconds > 0) o << " (" << mb / s.seconds << " MB/s)";
  return o.str();
}

std::string SummaryJson(const RunSummary& s) {
  nlohmann::json j = {{"documents_read", s.documents_read},
                      {"documents_coded", s.documents_coded},
                      {"documents_skipped", s.documents_skipped},
                      {"documents_failed", s.documents_failed},
                      {"reasons", s.reasons},
                      {"sentences", s.sentences},
                      {"events", s.events},
                      {"bytes", s.bytes},
                      {"warnings", s.warnings},
                      {"input_errors", s.input_errors},
                      {"resumed", s.resumed},
                      {"seconds", s.seconds},
                      {"load_seconds", s.load_seconds}};
  return j.dump(2);
}

int ExitCode(const RunSummary& s) {
  // Documents a store already holds are done, not missed.
  auto it = s.reasons.find(kAlreadyStored);
  uint64_t stored = it == s.reasons.end() ? 0 : it->second;
  uint64_t done = s.documents_coded + stored;
  if (done == 0 && (s.documents_read > 0 || s.input_errors > 0)) return 2;
  if (s.documents_skipped > stored || s.documents_failed || s.input_errors) return 1;
  return 0;
}

}  // namespace griot
