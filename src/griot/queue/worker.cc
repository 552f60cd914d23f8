#include "griot/queue/worker.h"

#include <chrono>
#include <sstream>

#include "griot/queue/record_coder.h"
#include "griot/queue/stream_entry.h"

namespace griot {
namespace {

struct Entry {
  std::string id;
  StreamFields fields;
  int64_t deliveries = 1;
};

// Entries from an XREADGROUP/XAUTOCLAIM reply: [[id, [field, value, ...]], ...].
// An entry deleted while pending comes back nil (Redis 6.2): nothing to do.
std::vector<Entry> Entries(const RedisValue& list) {
  std::vector<Entry> out;
  for (const RedisValue& e : list.elements) {
    if (e.elements.size() < 2 || e.elements[1].nil()) continue;
    Entry entry;
    entry.id = e.elements[0].str;
    const auto& kv = e.elements[1].elements;
    for (size_t i = 0; i + 1 < kv.size(); i += 2) entry.fields.emplace_back(kv[i].str, kv[i + 1].str);
    out.push_back(std::move(entry));
  }
  return out;
}

std::string Field(const StreamFields& fields, const char* name) {
  for (const auto& [n, v] : fields) {
    if (n == name) return v;
  }
  return "";
}

class Worker {
 public:
  Worker(const Pipeline& pipeline, Store& store, RedisClient& redis, const WorkerOptions& o,
         std::ostream& log)
      : pipeline_(pipeline), store_(store), redis_(redis), o_(o), log_(log) {}

  Result<WorkerSummary> Run(const std::atomic<bool>& stop) {
    GRIOT_RETURN_IF_ERROR(EnsureGroup(redis_, o_.stream, o_.group));
    auto start = std::chrono::steady_clock::now();
    auto last_claim = start;
    while (!stop.load()) {
      std::vector<Entry> batch;
      auto now = std::chrono::steady_clock::now();
      // Look for a dead worker's entries now and then, not on every read.
      if (now - last_claim >= std::chrono::milliseconds(std::min<int64_t>(o_.claim_after_ms / 2 + 1, 5000))) {
        last_claim = now;
        Result<std::vector<Entry>> claimed = Claim();
        if (!claimed.ok()) return claimed.status();
        batch = std::move(*claimed);
        s_.claimed += batch.size();
      }
      if (batch.empty()) {
        Result<std::vector<Entry>> fresh = ReadNew();
        if (!fresh.ok()) return fresh.status();
        batch = std::move(*fresh);
      }
      if (batch.empty()) {
        if (!o_.drain) continue;
        Result<int64_t> pending = GroupPending();
        if (!pending.ok()) return pending.status();
        if (*pending == 0) break;
        continue;  // another worker holds entries: wait to claim them if it died
      }
      GRIOT_RETURN_IF_ERROR(Process(batch));
    }
    s_.run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return s_;
  }

 private:
  Result<std::vector<Entry>> ReadNew() {
    Result<RedisValue> r = redis_.Command({"XREADGROUP", "GROUP", o_.group, o_.consumer, "COUNT",
                                           std::to_string(o_.batch), "BLOCK",
                                           std::to_string(o_.block_ms), "STREAMS", o_.stream, ">"});
    if (!r.ok()) return r.status();
    // [[stream, [entries]]] or nil on timeout.
    if (r->nil() || r->elements.empty() || r->elements[0].elements.size() < 2) return std::vector<Entry>{};
    return Entries(r->elements[0].elements[1]);
  }

  // Takes over entries idle longer than claim_after_ms, with their delivery
  // counts (XAUTOCLAIM has just added this delivery).
  Result<std::vector<Entry>> Claim() {
    Result<RedisValue> r = redis_.Command({"XAUTOCLAIM", o_.stream, o_.group, o_.consumer,
                                           std::to_string(o_.claim_after_ms), "0-0", "COUNT",
                                           std::to_string(o_.batch)});
    if (!r.ok()) return r.status();
    if (r->elements.size() < 2) return std::vector<Entry>{};
    std::vector<Entry> entries = Entries(r->elements[1]);
    if (entries.empty()) return entries;
    std::vector<std::vector<std::string>> queries;
    for (const Entry& e : entries) {
      queries.push_back({"XPENDING", o_.stream, o_.group, e.id, e.id, "1"});
    }
    Result<std::vector<RedisValue>> counts = redis_.Pipeline(queries);
    if (!counts.ok()) return counts.status();
    for (size_t i = 0; i < entries.size(); ++i) {
      const RedisValue& rows = (*counts)[i];
      // [[id, consumer, idle, deliveries]]
      if (!rows.elements.empty() && rows.elements[0].elements.size() >= 4) {
        entries[i].deliveries = rows.elements[0].elements[3].AsInt();
      }
    }
    return entries;
  }

  Result<int64_t> GroupPending() {
    Result<RedisValue> r = redis_.Command({"XPENDING", o_.stream, o_.group});
    if (!r.ok()) return r.status();
    return r->elements.empty() ? 0 : r->elements[0].AsInt();
  }

  void DeadLetter(const Entry& e, const std::string& reason,
                  std::vector<std::vector<std::string>>* commands) {
    ++s_.dead_letters;
    log_ << "griot: dead letter " << e.id << " (" << Field(e.fields, "input") << ":"
         << Field(e.fields, "line") << ", id " << Field(e.fields, "id") << "): " << reason << "\n";
    commands->push_back({"XADD", o_.stream + ":dead", "*", "entry", e.id, "id",
                         Field(e.fields, "id"), "input", Field(e.fields, "input"), "line",
                         Field(e.fields, "line"), "reason", reason, "attempts",
                         std::to_string(e.deliveries), "consumer", o_.consumer});
  }

  void Account(const Document& doc, const RecordResult& r) {
    RunSummary& s = s_.run;
    if (r.kind == RecordResult::Kind::kCoded) {
      ++s.documents_coded;
      s.sentences += doc.sentences.size();
      s.events += doc.events.size();
    } else {
      ++(r.kind == RecordResult::Kind::kSkipped ? s.documents_skipped : s.documents_failed);
      ++s.reasons[r.reason];
      if (r.say) {
        log_ << "griot: " << (r.kind == RecordResult::Kind::kSkipped ? "skipped: " : "failed: ")
             << r.message << "\n";
      }
    }
    Status st = store_.Account(OutcomeOf(doc, r));
    if (!st.ok()) log_ << "griot: " << st.message() << "\n";
  }

  // Codes the batch, commits it, then dead-letters and acknowledges: an
  // entry is acked only once its document is durable.
  Status Process(const std::vector<Entry>& batch) {
    std::vector<std::vector<std::string>> after_commit;
    std::vector<std::string> ack = {"XACK", o_.stream, o_.group};
    for (const Entry& e : batch) {
      ack.push_back(e.id);
      if (e.deliveries > o_.max_attempts) {
        DeadLetter(e, "delivered " + std::to_string(e.deliveries) + " times (more than --max-attempts " +
                          std::to_string(o_.max_attempts) + ") without being acknowledged",
                   &after_commit);
        continue;
      }
      Document doc;
      Status decoded = DecodeDocument(e.fields, &doc);
      if (!decoded.ok()) {
        DeadLetter(e, decoded.message(), &after_commit);
        continue;
      }
      ++s_.run.documents_read;
      s_.run.bytes += doc.text.size();
      RecordResult r = CodeAndWrite(pipeline_, store_, doc);
      Account(doc, r);
      if (r.kind == RecordResult::Kind::kFailed) DeadLetter(e, r.message, &after_commit);
    }
    Status committed = store_.Flush();
    if (!committed.ok()) {
      return IoError(committed.message() + " (the batch stays pending on " + o_.stream +
                     " for another worker)");
    }
    after_commit.push_back(std::move(ack));
    Result<std::vector<RedisValue>> r = redis_.Pipeline(after_commit);
    if (!r.ok()) return r.status();
    s_.acknowledged += r->back().AsInt();
    return Status::Ok();
  }

  const Pipeline& pipeline_;
  Store& store_;
  RedisClient& redis_;
  const WorkerOptions& o_;
  std::ostream& log_;
  WorkerSummary s_;
};

}  // namespace

Status EnsureGroup(RedisClient& redis, const std::string& stream, const std::string& group) {
  Result<RedisValue> r = redis.Command({"XGROUP", "CREATE", stream, group, "0", "MKSTREAM"});
  if (!r.ok() && r.status().message().find("BUSYGROUP") == std::string::npos) return r.status();
  return Status::Ok();
}

Result<WorkerSummary> RunWorker(const Pipeline& pipeline, Store& store, RedisClient& redis,
                                const WorkerOptions& options, const std::atomic<bool>& stop,
                                std::ostream& log) {
  if (options.consumer.empty()) return InvalidArgument("worker: a consumer name is required");
  if (options.batch == 0) return InvalidArgument("worker: --batch must be at least 1");
  Worker worker(pipeline, store, redis, options, log);
  return worker.Run(stop);
}

std::string FormatWorkerSummary(const WorkerSummary& s) {
  std::ostringstream o;
  o << "acknowledged " << s.acknowledged << " entries (" << s.claimed
    << " claimed from idle workers), " << s.dead_letters << " dead letters; " << s.run.documents_coded
    << " coded, " << s.run.documents_skipped << " skipped, " << s.run.documents_failed << " failed; "
    << s.run.events << " events";
  o.precision(3);
  o << "; " << s.run.seconds << " s";
  return o.str();
}

}  // namespace griot
