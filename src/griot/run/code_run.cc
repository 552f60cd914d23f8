#include "griot/run/code_run.h"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/run/parallel_run.h"
#include "griot/run/record_stages.h"

namespace griot {

namespace {
constexpr const char* kAlreadyStored = "already in the database";
}  // namespace

Result<RunSummary> CodeInputs(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                              EventSink& sink, std::ostream& log, const CodeOptions& options) {
  std::ofstream errors_file;
  if (!options.errors_path.empty()) {
    errors_file.open(options.errors_path, std::ios::binary | std::ios::trunc);
    if (!errors_file) return IoError(options.errors_path + ": cannot write the errors file");
  }
  std::ostream* errors = errors_file.is_open() ? &errors_file : nullptr;
  auto start = std::chrono::steady_clock::now();
  RunSummary s;
  if (options.threads > 1) {
    s = CodeInParallel(pipeline, inputs, sink, log, errors, options);
  } else {
    RecordSource source(inputs, sink, options);
    RecordWriter writer(sink, log, errors, options, source.input_bytes_total(), false);
    RecordItem item;
    while (source.Next(&item)) {
      CodeRecord(pipeline, sink, &item);
      writer.Deliver(item);
    }
    s = writer.summary();
    s.resumed = source.resumed();
    s.in_other_shards = source.in_other_shards();
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
  if (s.in_other_shards) o << "; " << s.in_other_shards << " records in other shards (--shard)";
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
                      {"in_other_shards", s.in_other_shards},
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
