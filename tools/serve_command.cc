#include "serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "griot/serve/http_server.h"

#ifndef GRIOT_DEFAULT_WEB_DIR
#define GRIOT_DEFAULT_WEB_DIR "web"
#endif

namespace griot_cli {

struct ServeCommand::Options {
  CLI::App* serve = nullptr;
  griot::ServeOptions serve_options;
};

ServeCommand::ServeCommand(CLI::App* app) : o_(std::make_unique<Options>()) {
  griot::ServeOptions& s = o_->serve_options;
  s.web_dir = GRIOT_DEFAULT_WEB_DIR;
  s.ontology = std::string(GRIOT_DEFAULT_KB_DIR) + "/ontology.txt";
  CLI::App* c = app->add_subcommand("serve", "serve the dashboard and the JSON API (read-only; docs/api.md)");
  o_->serve = c;
  c->add_option("--db", s.db, "SQLite file or postgresql:// URL")->required();
  c->add_option("--host", s.host, "address to listen on (0.0.0.0 exposes the data to the network)")
      ->capture_default_str();
  c->add_option("--port", s.port, "port (0 = any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  c->add_option("--web", s.web_dir, "the dashboard's folder")->capture_default_str();
  c->add_option_function<std::string>(
       "--kb", [&s](const std::string& dir) { s.ontology = dir + "/ontology.txt"; },
       "knowledge base (its ontology.txt names the event types) [" GRIOT_DEFAULT_KB_DIR "]");
  c->add_option("--threads", s.threads, "worker threads (one store connection each)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  c->add_option("--query-timeout", s.query_timeout_ms, "stop a query after this many ms (503)")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{0}, int64_t{3600000}));
  c->add_option_function<int64_t>(
       "--cache-mb", [&s](int64_t mb) { s.cache_bytes = static_cast<size_t>(mb) << 20; },
       "memory for answers kept while the data is unchanged (SQLite; 0 = no cache) [64]")
      ->check(CLI::Range(int64_t{0}, int64_t{65536}));
}

ServeCommand::~ServeCommand() = default;

int ServeCommand::Run() {
  if (!*o_->serve) return -1;
  const griot::ServeOptions& s = o_->serve_options;
  // Signals are taken by one waiting thread, not a handler: the server's
  // worker threads (started later) inherit the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // our own wake-up when the server ends first
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = griot::HttpServer::Create(s);
  if (!server.ok()) {
    std::cerr << "griot: " << server.status().message() << "\n";
    return 2;
  }
  griot::Status st = (*server)->Bind();
  if (!st.ok()) {
    std::cerr << "griot: " << st.message() << "\n";
    return 2;
  }
  std::cerr << "griot: serving http://" << s.host << ":" << (*server)->port() << "/ (read-only)" << std::endl;
  griot::HttpServer* http = server->get();
  std::thread waiter([&signals, http] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (sig != SIGUSR1) std::cerr << "griot: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    http->Stop();
  });
  st = http->Run();
  pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
  if (!st.ok()) {
    std::cerr << "griot: " << st.message() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace griot_cli
