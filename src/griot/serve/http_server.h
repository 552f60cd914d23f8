// `griot serve`: the JSON API (api.h) and the dashboard's static files
// (static_files.h) over HTTP, read-only, with cpp-httplib.
//
//   ServeOptions o;
//   o.db = "events.db";
//   Result<std::unique_ptr<HttpServer>> s = HttpServer::Create(o);
//   GRIOT_RETURN_IF_ERROR((*s)->Bind());     // now (*s)->port() is known
//   std::thread stopper([&] { wait for a signal; (*s)->Stop(); });
//   (*s)->Run();                             // until Stop()
#pragma once

#include <cstdint>
#include <optional>
#include <mutex>
#include <memory>
#include <string>

#include "griot/kb/ontology.h"
#include "griot/util/status.h"

namespace httplib {
class Server;
}

namespace griot {

struct ServeOptions {
  std::string db;                 // SQLite file or postgresql:// URL
  std::string host = "127.0.0.1"; // loopback: exposing the data is a decision
  int port = 8080;                // 0 = any free port
  std::string web_dir;            // the dashboard; a note page when missing
  std::string ontology;           // ontology.txt: the event types the dashboard offers
  // Worker threads. Each keeps one client connection while it stays open
  // (keep-alive), so 200 concurrent clients need dozens; a store connection
  // is opened only for an answer not in the cache.
  int threads = 64;
  int64_t query_timeout_ms = 5000;
  size_t max_body_bytes = 64 * 1024;  // GET requests carry none: 413 above this
  size_t cache_bytes = size_t{64} << 20;  // answers kept while the data is unchanged; 0 = none
};

class ResponseCache;
class Store;
class StorePool;

class HttpServer {
 public:
  // Opens the store once to report a bad --db before listening.
  static Result<std::unique_ptr<HttpServer>> Create(const ServeOptions& options);
  ~HttpServer();

  Status Bind();
  int port() const { return port_; }
  // Answers requests until Stop(); the error when listening fails.
  Status Run();
  // Stops accepting, finishes the requests in flight; safe from any thread.
  void Stop();

 private:
  explicit HttpServer(const ServeOptions& options);
  void Route();
  // The store's data version seen by the watching connection; nullopt
  // when the engine cannot tell (nothing is cached then).
  std::optional<int64_t> DataVersion();

  ServeOptions options_;
  Ontology ontology_;
  std::unique_ptr<StorePool> pool_;
  std::unique_ptr<ResponseCache> cache_;
  // One connection that only asks for the data version: SQLite's counter
  // is per connection, so it must always be asked on the same one.
  std::mutex watcher_mutex_;
  std::unique_ptr<Store> watcher_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  static constexpr int kListenBacklog = 1024;
  int listen_socket_ = -1;
};

}  // namespace griot
