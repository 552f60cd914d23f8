#include "griot/queue/enqueue.h"

#include "griot/io/reader.h"
#include "griot/queue/stream_entry.h"

namespace griot {
namespace {

Status Send(RedisClient& redis, std::vector<std::vector<std::string>>* pending, EnqueueSummary* s) {
  if (pending->empty()) return Status::Ok();
  Result<std::vector<RedisValue>> r = redis.Pipeline(*pending);
  if (!r.ok()) return r.status();
  s->enqueued += pending->size();
  pending->clear();
  return Status::Ok();
}

}  // namespace

Status EnqueueInputs(RedisClient& redis, const std::string& stream,
                     const std::vector<std::string>& inputs, std::ostream& log,
                     EnqueueSummary* summary, size_t batch) {
  EnqueueSummary& s = *summary;
  std::vector<std::vector<std::string>> pending;
  for (const std::string& input : inputs) {
    Result<std::unique_ptr<DocumentReader>> reader = OpenInput(input);
    if (!reader.ok()) {
      log << "griot: " << reader.status().message() << "\n";
      ++s.input_errors;
      continue;
    }
    InputRecord rec;
    while ((*reader)->Next(&rec)) {
      if (!rec.warning.empty()) log << "griot: warning: " << rec.warning << "\n";
      if (!rec.status.ok()) {
        log << "griot: rejected: " << rec.status.message() << "\n";
        ++s.rejected;
        continue;
      }
      std::vector<std::string> xadd = {"XADD", stream, "*"};
      for (auto& [name, value] : EncodeDocument(rec.doc)) {
        xadd.push_back(name);
        xadd.push_back(std::move(value));
      }
      pending.push_back(std::move(xadd));
      if (pending.size() >= batch) GRIOT_RETURN_IF_ERROR(Send(redis, &pending, &s));
    }
  }
  return Send(redis, &pending, &s);
}

std::string FormatEnqueueSummary(const EnqueueSummary& s, const std::string& stream) {
  std::string out = "enqueued " + std::to_string(s.enqueued) + " documents on " + stream + "; " +
                    std::to_string(s.rejected) + " rejected";
  if (s.input_errors) out += "; " + std::to_string(s.input_errors) + " inputs could not be read";
  return out;
}

int EnqueueExitCode(const EnqueueSummary& s) {
  if (s.enqueued == 0 && (s.rejected > 0 || s.input_errors > 0)) return 2;
  if (s.rejected > 0 || s.input_errors > 0) return 1;
  return 0;
}

}  // namespace griot
