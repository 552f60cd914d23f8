// EnqueueInputs: reads inputs with the ordinary readers (io/reader.h) and
// adds one stream entry per document (stream_entry.h), pipelined in
// batches, for `griot worker`s to code (docs/distributed.md).
//
//   EnqueueSummary s;
//   Status st = EnqueueInputs(redis, "news", {"a.jsonl"}, std::cerr, &s);
//
// A record the reader rejects (malformed JSON, no id, ...) is reported on
// `log` with its input and line, counted, and not enqueued; the rest goes on.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "griot/queue/redis_client.h"

namespace griot {

struct EnqueueSummary {
  uint64_t enqueued = 0;
  uint64_t rejected = 0;      // records the readers rejected
  uint64_t input_errors = 0;  // inputs that could not be opened
};

// Fails only when Redis does (the summary then says how far it got).
Status EnqueueInputs(RedisClient& redis, const std::string& stream,
                     const std::vector<std::string>& inputs, std::ostream& log,
                     EnqueueSummary* summary, size_t batch = 500);

// "enqueued 998 documents on news; 2 rejected"
std::string FormatEnqueueSummary(const EnqueueSummary& s, const std::string& stream);

// As griot code: 0 all enqueued, 1 partial, 2 nothing enqueued.
int EnqueueExitCode(const EnqueueSummary& s);

}  // namespace griot
