#include "griot/run/code_run.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/io/reader.h"

namespace griot {
namespace {

// The reason key counted in the summary: the message without its location.
std::string ReasonKey(const std::string& message) {
  // Messages look like "input:line: reason (details)".
  size_t start = 0;
  for (int colons = 0; colons < 2; ++colons) {
    size_t c = message.find(": ", start);
    if (c == std::string::npos) break;
    start = c + 2;
  }
  std::string key = message.substr(start);
  size_t paren = key.find(" (");
  if (paren != std::string::npos) key = key.substr(0, paren);
  size_t colon = key.find(':');
  if (colon != std::string::npos) key = key.substr(0, colon);
  return key;
}

}  // namespace

RunSummary CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                      EventSink& sink, std::ostream& log) {
  RunSummary s;
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
      ++s.documents_read;
      s.bytes += rec.doc.text.size();
      if (!rec.warning.empty()) {
        log << "griot: warning: " << rec.warning << "\n";
        ++s.warnings;
      }
      if (!rec.status.ok()) {
        log << "griot: failed: " << rec.status.message() << "\n";
        ++s.documents_failed;
        ++s.reasons[ReasonKey(rec.status.message())];
        continue;
      }
      Status st = pipeline.Code(rec.doc);
      if (!st.ok()) {
        std::string where = rec.doc.input + ":" + std::to_string(rec.doc.line);
        bool skip = st.message().rfind("empty text", 0) == 0 ||
                    st.message().rfind("document too large", 0) == 0;
        log << "griot: " << (skip ? "skipped" : "failed") << ": " << where << ": "
            << st.message() << " (id " << rec.doc.id << ")\n";
        ++(skip ? s.documents_skipped : s.documents_failed);
        std::string key = st.message();
        key = key.substr(0, key.find(':'));
        ++s.reasons[key];
        continue;
      }
      Status w = sink.Write(rec.doc);
      if (!w.ok()) {
        log << "griot: failed: " << w.message() << " (id " << rec.doc.id << ")\n";
        ++s.documents_failed;
        ++s.reasons["output error"];
        continue;
      }
      ++s.documents_coded;
      s.sentences += rec.doc.sentences.size();
      s.events += rec.doc.events.size();
    }
  }
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
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
                      {"seconds", s.seconds},
                      {"load_seconds", s.load_seconds}};
  return j.dump(2);
}

int ExitCode(const RunSummary& s) {
  if (s.documents_coded == 0 && (s.documents_read > 0 || s.input_errors > 0)) return 2;
  if (s.documents_skipped || s.documents_failed || s.input_errors) return 1;
  return 0;
}

}  // namespace griot
