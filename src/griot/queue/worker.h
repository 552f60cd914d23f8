// RunWorker: takes documents from a Redis stream (consumer group), codes
// them and stores them, until told to stop (docs/distributed.md).
//
//   WorkerOptions o;  o.stream = "news";  o.consumer = "host-42";
//   std::atomic<bool> stop{false};    // set by SIGTERM in the front end
//   Result<WorkerSummary> s = RunWorker(pipeline, *store, *redis, o, stop, std::cerr);
//
// Delivery: at least once. An entry is acknowledged (XACK) only after the
// store transaction holding its document committed (Store::Flush), so a
// worker that dies loses nothing: its pending entries are claimed by the
// others once idle for claim_after_ms (XAUTOCLAIM) and coded again; the
// store's writes are idempotent (same ids, same events), so each document
// is stored once.
//
// Dead letters go to "<stream>:dead" with fields entry, id, input, line,
// reason, attempts, consumer, and are acknowledged on the main stream:
//  - at once, when the failure is deterministic and another attempt would
//    fail the same way (an entry that does not decode, a document the
//    pipeline rejects as failed);
//  - when an entry has been delivered more than max_attempts times without
//    being acknowledged (the workers holding it died, e.g. a document that
//    crashes the coder).
// A failing store commit is not the document's fault: the worker stops
// with an error and leaves the batch pending for another worker.
#pragma once

#include <atomic>
#include <cstdint>
#include <ostream>
#include <string>

#include "griot/pipeline.h"
#include "griot/queue/redis_client.h"
#include "griot/store/store.h"

namespace griot {

struct WorkerOptions {
  std::string stream;
  std::string group = "griot";
  std::string consumer;          // unique per worker process (host-pid)
  int64_t claim_after_ms = 60000;  // a pending entry idle this long is claimed
  int64_t max_attempts = 3;
  size_t batch = 100;            // entries per read, per store commit
  bool drain = false;            // return once nothing is new or pending
  int64_t block_ms = 1000;       // XREADGROUP wait; bounds the reaction to `stop`
};

struct WorkerSummary {
  RunSummary run;             // as griot code's, over the documents this worker took
  uint64_t acknowledged = 0;  // entries acked on the main stream
  uint64_t claimed = 0;       // entries taken over from idle consumers
  uint64_t dead_letters = 0;
};

// Returns when `stop` is set (after committing and acknowledging the batch
// in hand), when draining finds nothing left, or on a Redis or store error.
Result<WorkerSummary> RunWorker(const Pipeline& pipeline, Store& store, RedisClient& redis,
                                const WorkerOptions& options, const std::atomic<bool>& stop,
                                std::ostream& log);

// Creates the consumer group (and the stream) when missing; reading starts
// at the stream's first entry.
Status EnsureGroup(RedisClient& redis, const std::string& stream, const std::string& group);

std::string FormatWorkerSummary(const WorkerSummary& s);

}  // namespace griot
