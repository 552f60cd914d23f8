#include "griot/run/parallel_run.h"

#include <condition_variable>
#include <exception>
#include <map>
#include <thread>
#include <vector>

#include "griot/run/record_stages.h"
#include "griot/util/bounded_queue.h"

namespace griot {

Status LockedSink::Write(const Document& doc) {
  std::lock_guard lock(mutex_);
  return sink_->Write(doc);
}
Status LockedSink::Account(const RecordOutcome& outcome) {
  std::lock_guard lock(mutex_);
  return sink_->Account(outcome);
}
bool LockedSink::HasDocument(const std::string& id, const std::string& content_hash) {
  if (!keeps_) return false;
  if (concurrent_) return sink_->HasDocument(id, content_hash);
  std::lock_guard lock(mutex_);
  return sink_->HasDocument(id, content_hash);
}
bool LockedSink::HasOutcome(const std::string& input, uint64_t line) {
  if (!keeps_) return false;
  std::lock_guard lock(mutex_);
  return sink_->HasOutcome(input, line);
}
Status LockedSink::Finish(const RunSummary& summary) {
  std::lock_guard lock(mutex_);
  return sink_->Finish(summary);
}

namespace {

// Records travel in batches: one hand-over (a lock and usually a wake-up)
// per batch instead of per record. Per-record hand-overs cost about a fifth
// of the CPU with two coding threads, in context switches alone.
struct Batch {
  uint64_t seq = 0;  // batch order, from 0
  std::vector<RecordItem> items;
  size_t budget_bytes = 0;  // counted against the memory bound
};
constexpr size_t kBatchRecords = 32;
constexpr size_t kBatchBytes = 256 * 1024;

// Coded batches waiting for their turn: the writer takes them by sequence
// number, whatever order the coding threads finish in. Its size is bounded
// by the batches in flight (InFlight), not here.
class Reorder {
 public:
  explicit Reorder(int producers) : producers_(producers) {}

  void Put(Batch item) {
    std::lock_guard lock(mutex_);
    uint64_t seq = item.seq;
    ready_.emplace(seq, std::move(item));
    if (seq == next_) ready_cv_.notify_one();
  }
  void ProducerDone() {
    std::lock_guard lock(mutex_);
    --producers_;
    ready_cv_.notify_one();
  }
  // The next batch in input order; false once every producer is done and
  // nothing is left.
  bool TakeNext(Batch* item) {
    std::unique_lock lock(mutex_);
    ready_cv_.wait(lock, [&] { return ready_.count(next_) || producers_ == 0; });
    auto it = ready_.find(next_);
    if (it == ready_.end()) return false;
    *item = std::move(it->second);
    ready_.erase(it);
    ++next_;
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_cv_;
  std::map<uint64_t, Batch> ready_;
  uint64_t next_ = 0;
  int producers_;
};

}  // namespace

RunSummary CodeInParallel(const Pipeline& pipeline, const std::vector<std::string>& inputs,
                          EventSink& sink, std::ostream& log, std::ostream* errors,
                          const CodeOptions& options) {
  const int threads = options.threads < 1 ? 1 : options.threads;
  const size_t max_batches = 4 * static_cast<size_t>(threads);
  LockedSink shared(&sink);
  RecordSource source(inputs, shared, options);
  RecordWriter writer(shared, log, errors, options, source.input_bytes_total(),
                      /*recheck_stored=*/true);
  InFlight in_flight(max_batches, options.max_bytes_in_flight);
  BoundedQueue<Batch> queue(max_batches);
  Reorder reorder(threads);
  std::string reader_error;

  // The input is read in order by one thread: readers are sequential
  // (decompression, directory walks), and the sequence numbers it gives are
  // what the writer orders by. A batch is handed over when full, or at once
  // when the coders have nothing queued, so they never wait on a batch
  // being filled; a live stream's last records wait for the next record or
  // the end of the input only while the coders are busy.
  std::thread reader([&] {
    try {
      Batch batch;
      uint64_t batches = 0;
      auto hand_over = [&] {
        batch.seq = batches++;
        in_flight.Acquire(batch.budget_bytes);
        queue.Push(std::move(batch));
        batch = Batch{};
      };
      RecordItem item;
      while (source.Next(&item)) {
        item.budget_bytes = item.rec.doc.text.size();
        batch.budget_bytes += item.budget_bytes;
        batch.items.push_back(std::move(item));
        item = RecordItem{};
        if (batch.items.size() >= kBatchRecords || batch.budget_bytes >= kBatchBytes ||
            queue.size() == 0) {
          hand_over();
        }
      }
      if (!batch.items.empty()) hand_over();
    } catch (const std::exception& e) {
      reader_error = e.what();  // read by the writer after join()
    }
    queue.Close();
  });
  std::vector<std::thread> coders;
  for (int t = 0; t < threads; ++t) {
    coders.emplace_back([&] {
      while (std::optional<Batch> batch = queue.Pop()) {
        for (RecordItem& item : batch->items) CodeRecord(pipeline, shared, &item);
        reorder.Put(std::move(*batch));
      }
      reorder.ProducerDone();
    });
  }
  Batch batch;
  while (reorder.TakeNext(&batch)) {
    for (RecordItem& item : batch.items) {
      // The coder found the document stored, but an earlier record of this
      // run with the same id may have replaced it since: ask again now, in
      // input order, and code it here in the rare case the answer changed —
      // what a serial run would have done.
      if (item.stored_at_check && !shared.HasDocument(item.rec.doc.id, item.rec.doc.content_hash)) {
        CodeRecord(pipeline, shared, &item, /*ask_store=*/false);
      }
      writer.Deliver(item);
      item = RecordItem{};  // free the document as soon as it is written
    }
    size_t bytes = batch.budget_bytes;
    batch = Batch{};
    in_flight.Release(bytes);
  }
  reader.join();
  for (std::thread& t : coders) t.join();
  RunSummary s = writer.summary();
  if (!reader_error.empty()) {
    log << "griot: reading the inputs stopped: " << reader_error << "\n";
    ++s.input_errors;
  }
  s.resumed = source.resumed();
  s.in_other_shards = source.in_other_shards();
  return s;
}

}  // namespace griot
