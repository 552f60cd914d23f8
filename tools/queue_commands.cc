#include "queue_commands.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "griot/kb/knowledge_base.h"
#include "griot/pipeline.h"
#include "griot/queue/enqueue.h"
#include "griot/queue/queue_status.h"
#include "griot/queue/worker.h"
#include "griot/store/store.h"

#ifndef GRIOT_DEFAULT_GAZETTEER
#define GRIOT_DEFAULT_GAZETTEER ""
#endif

namespace griot_cli {
namespace {

// Set by SIGTERM/SIGINT; the worker finishes its batch and returns. A
// signal handler can reach nothing else.
std::atomic<bool> stop_requested{false};

void RequestStop(int) { stop_requested.store(true); }

void InstallStopHandlers() {
  struct sigaction sa = {};
  sa.sa_handler = RequestStop;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // a blocking Redis read resumes instead of failing
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
}

std::string DefaultConsumer() {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  return std::string(host) + "-" + std::to_string(getpid());
}

std::unique_ptr<griot::RedisClient> Connect(const griot::QueueUrl& url) {
  auto redis = griot::RedisClient::Connect(url.host, url.port);
  if (!redis.ok()) {
    std::cerr << "griot: " << redis.status().message() << "\n";
    return nullptr;
  }
  return std::move(*redis);
}

}  // namespace

struct QueueCommands::Options {
  CLI::App* enqueue = nullptr;
  CLI::App* worker = nullptr;
  CLI::App* status = nullptr;
  std::string queue, db, group = "griot", format = "text";
  std::vector<std::string> inputs;
  griot::WorkerOptions worker_options;
  double claim_after_seconds = 60;
  std::string kb_dir = GRIOT_DEFAULT_KB_DIR;
  std::string wordnet_dir = GRIOT_DEFAULT_WORDNET_DIR;
  std::string gazetteer = GRIOT_DEFAULT_GAZETTEER;
  size_t max_doc_bytes = 1 << 20;
  uint32_t max_sentence_tokens = 200;
  bool quiet = false;

  int RunEnqueue(const griot::QueueUrl& url);
  int RunWorker(const griot::QueueUrl& url);
  int RunStatus(const griot::QueueUrl& url);
};

QueueCommands::QueueCommands(CLI::App* app) : o_(std::make_unique<Options>()) {
  Options& o = *o_;
  o.enqueue = app->add_subcommand("enqueue", "add documents to a Redis stream for griot workers");
  o.enqueue->add_option("--queue", o.queue, "redis://HOST:PORT/STREAM")->required();
  o.enqueue->add_option("inputs", o.inputs, "JSONL files, .txt files, or - for JSONL on stdin")->required();

  o.worker = app->add_subcommand("worker", "code documents from a Redis stream into a store");
  o.worker->add_option("--queue", o.queue, "redis://HOST:PORT/STREAM")->required();
  o.worker->add_option("--db", o.db, "the store (postgresql://... for several workers)")->required();
  o.worker->add_option("--group", o.worker_options.group, "consumer group")->capture_default_str();
  o.worker->add_option("--consumer", o.worker_options.consumer, "this worker's name (default host-pid)");
  o.worker->add_option("--claim-after", o.claim_after_seconds,
                       "take over entries another worker has held this many seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  o.worker->add_option("--max-attempts", o.worker_options.max_attempts,
                       "deliveries before an entry goes to the dead letters")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{1}, int64_t{1000}));
  o.worker->add_option("--batch", o.worker_options.batch, "entries per read and per commit")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{100000}));
  o.worker->add_flag("--drain", o.worker_options.drain, "exit once nothing is new or pending");
  o.worker->add_option("--kb", o.kb_dir, "knowledge-base directory")->capture_default_str();
  o.worker->add_option("--wordnet", o.wordnet_dir, "WordNet dict directory")->capture_default_str();
  o.worker->add_option("--gazetteer", o.gazetteer, "compiled gazetteer")->capture_default_str();
  o.worker->add_option("--max-doc-bytes", o.max_doc_bytes, "skip documents larger than this")
      ->capture_default_str();
  o.worker->add_option("--max-sentence-tokens", o.max_sentence_tokens,
                       "cut longer sentences into pieces of this many tokens")
      ->capture_default_str()
      ->check(CLI::Range(8u, 100000u));
  o.worker->add_flag("-q,--quiet", o.quiet, "do not print the summary on stderr");

  o.status = app->add_subcommand("status", "show a work queue's progress");
  o.status->add_option("--queue", o.queue, "redis://HOST:PORT/STREAM")->required();
  o.status->add_option("--group", o.group, "consumer group")->capture_default_str();
  o.status->add_option("--format", o.format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

QueueCommands::~QueueCommands() = default;

int QueueCommands::Run() {
  Options& o = *o_;
  if (!*o.enqueue && !*o.worker && !*o.status) return -1;
  auto url = griot::ParseQueueUrl(o.queue);
  if (!url.ok()) {
    std::cerr << "griot: " << url.status().message() << "\n";
    return 2;
  }
  if (*o.enqueue) return o.RunEnqueue(*url);
  if (*o.worker) return o.RunWorker(*url);
  return o.RunStatus(*url);
}

int QueueCommands::Options::RunEnqueue(const griot::QueueUrl& url) {
  auto redis = Connect(url);
  if (!redis) return 2;
  griot::EnqueueSummary s;
  griot::Status st = griot::EnqueueInputs(*redis, url.stream, inputs, std::cerr, &s);
  std::cerr << "griot: " << griot::FormatEnqueueSummary(s, url.stream) << "\n";
  if (!st.ok()) {
    std::cerr << "griot: " << st.message() << "\n";
    return 2;
  }
  return griot::EnqueueExitCode(s);
}

int QueueCommands::Options::RunWorker(const griot::QueueUrl& url) {
  InstallStopHandlers();
  auto redis = Connect(url);
  if (!redis) return 2;
  auto kb = griot::KnowledgeBase::Load(kb_dir, wordnet_dir, gazetteer);
  if (!kb.ok()) {
    std::cerr << "griot: cannot load knowledge base: " << kb.status().message() << "\n";
    return 2;
  }
  // After the knowledge base: a store with older PLOVER names is renamed
  // by its ontology.
  auto store = griot::Store::Open(db, griot::Store::Access::kReadWrite, &(*kb)->ontology());
  if (!store.ok()) {
    std::cerr << "griot: " << store.status().message() << "\n";
    return 2;
  }
  if (!(*kb)->gazetteer_note().empty()) std::cerr << "griot: note: " << (*kb)->gazetteer_note() << "\n";
  griot::Limits limits;
  limits.max_document_bytes = max_doc_bytes;
  limits.max_sentence_tokens = max_sentence_tokens;
  griot::Pipeline pipeline(kb->get(), limits);
  worker_options.stream = url.stream;
  if (worker_options.consumer.empty()) worker_options.consumer = DefaultConsumer();
  worker_options.claim_after_ms = static_cast<int64_t>(claim_after_seconds * 1000);
  auto run = griot::RunWorker(pipeline, **store, *redis, worker_options, stop_requested, std::cerr);
  if (!run.ok()) {
    std::cerr << "griot: " << run.status().message() << "\n";
    return 2;
  }
  // Links this worker's documents to earlier reports and records the run.
  griot::Status fin = (*store)->Finish(run->run);
  if (!fin.ok()) {
    std::cerr << "griot: " << fin.message() << "\n";
    return 2;
  }
  if (!quiet) std::cerr << "griot: worker " << worker_options.consumer << ": " << griot::FormatWorkerSummary(*run) << "\n";
  return 0;  // a worker starts once per machine: freeing its knowledge base costs nothing
}

int QueueCommands::Options::RunStatus(const griot::QueueUrl& url) {
  auto redis = Connect(url);
  if (!redis) return 2;
  auto s = griot::ReadQueueStatus(*redis, url.stream, group);
  if (!s.ok()) {
    std::cerr << "griot: " << s.status().message() << "\n";
    return 2;
  }
  std::cout << (format == "json" ? griot::QueueStatusJson(*s) + "\n" : griot::FormatQueueStatus(*s));
  return 0;
}

}  // namespace griot_cli
