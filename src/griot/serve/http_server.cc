#include "griot/serve/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "griot/serve/api.h"
#include "griot/serve/response_cache.h"
#include "griot/serve/static_files.h"
#include "griot/serve/store_pool.h"

namespace griot {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";

// `/` when the web folder was not built: the API works without it.
constexpr const char* kNoPage =
    "<!doctype html><meta charset=utf-8><title>griot</title>"
    "<h1>griot serve</h1><p>The dashboard page was not built (its web folder is missing; build it or "
    "pass <code>--web DIR</code>). The JSON API works: try <a href=\"/api/meta\">/api/meta</a>; see "
    "docs/api.md.</p>\n";

void SendJson(httplib::Response& res, const ApiResponse& answer) {
  res.status = answer.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(answer.body, kJson);
}

}  // namespace

HttpServer::HttpServer(const ServeOptions& options)
    : options_(options),
      pool_(std::make_unique<StorePool>(options.db, options.query_timeout_ms)),
      cache_(std::make_unique<ResponseCache>(options.cache_bytes)),
      server_(std::make_unique<httplib::Server>()) {}

HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::Create(const ServeOptions& options) {
  if (options.threads < 1) return InvalidArgument("--threads: at least 1");
  Result<Ontology> ontology = Ontology::Load(options.ontology);
  if (!ontology.ok()) return ontology.status();
  std::unique_ptr<HttpServer> s(new HttpServer(options));
  s->ontology_ = std::move(*ontology);
  // The first connection, opened now, says whether --db is readable.
  Result<StorePool::Lease> first = s->pool_->Acquire();
  if (!first.ok()) return first.status();
  if (options.cache_bytes > 0) {
    Result<std::unique_ptr<Store>> watcher = Store::Open(options.db, Store::Access::kReadOnly);
    if (!watcher.ok()) return watcher.status();
    s->watcher_ = std::move(*watcher);
  }
  s->Route();
  return s;
}

void HttpServer::Route() {
  httplib::Server& s = *server_;
  // Remember the listening socket (httplib's own options kept) so Bind()
  // can widen its backlog.
  s.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_socket_ = sock;
  });
  int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_payload_max_length(options_.max_body_bytes);
  s.set_read_timeout(5, 0);
  s.set_write_timeout(5, 0);
  s.set_keep_alive_timeout(2);

  s.Get(R"(/api(/.*)?)", [this](const httplib::Request& req, httplib::Response& res) {
    ApiParams params(req.params.begin(), req.params.end());
    // The version is read before answering: an answer is kept only if no
    // new data arrived in between (response_cache.h).
    std::optional<int64_t> version = DataVersion();
    auto compute = [&] {
      Result<StorePool::Lease> store = pool_->Acquire();
      if (!store.ok()) return ApiError(500, store.status().message());
      return AnswerApi(**store, ontology_, req.path, params);
    };
    if (!version) {
      SendJson(res, compute());
      res.set_header("X-Griot-Cache", "off");
      return;
    }
    bool hit = false;
    SendJson(res, cache_->Answer(ResponseCache::Key(req.path, params), *version, compute, &hit));
    res.set_header("X-Griot-Cache", hit ? "hit" : "miss");
  });
  s.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    std::error_code ec;
    if (req.path == "/" && !std::filesystem::is_directory(options_.web_dir, ec)) {
      res.set_content(kNoPage, "text/html; charset=utf-8");
      return;
    }
    StaticFile f = ResolveStaticFile(options_.web_dir, req.path);
    if (f.status != 200) {
      SendJson(res, ApiError(f.status, f.status == 403 ? req.path + ": outside the web folder"
                                                       : req.path + ": no such file"));
      return;
    }
    std::ifstream in(f.path, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
      SendJson(res, ApiError(404, req.path + ": cannot read the file"));
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(data, f.mime);
  });
  // Read-only: every other method is refused, with a JSON body.
  auto refuse = [](const httplib::Request& req, httplib::Response& res) {
    SendJson(res, ApiError(405, req.method + " " + req.path + ": the server is read-only (GET and HEAD only)"));
    res.set_header("Allow", "GET, HEAD");
  };
  // Before routing, so that a POST without a body is a 405 too.
  s.set_pre_routing_handler([refuse](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    refuse(req, res);
    return httplib::Server::HandlerResponse::Handled;
  });
  s.Post(R"(/.*)", refuse);
  s.Put(R"(/.*)", refuse);
  s.Patch(R"(/.*)", refuse);
  s.Delete(R"(/.*)", refuse);
  s.Options(R"(/.*)", refuse);
  // Errors httplib raises itself (413 too large, 414 URI too long, 400
  // malformed) get a JSON body as well, unless a handler wrote one.
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string what = res.status == 413   ? "request too large"
                       : res.status == 414 ? "request line too long"
                                           : "bad request";
    SendJson(res, ApiError(res.status, req.path + ": " + what));
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr e) {
    std::string message = "internal error";
    try {
      if (e) std::rethrow_exception(e);
    } catch (const std::exception& x) {
      message += std::string(": ") + x.what();
    } catch (...) {
    }
    SendJson(res, ApiError(500, message));
  });
}

std::optional<int64_t> HttpServer::DataVersion() {
  if (!watcher_) return std::nullopt;
  std::lock_guard lock(watcher_mutex_);
  Result<std::optional<int64_t>> v = watcher_->DataVersion();
  return v.ok() ? *v : std::nullopt;  // unsure: answer without the cache
}

Status HttpServer::Bind() {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ <= 0) return IoError(options_.host + ": cannot listen on any port");
  } else {
    if (!server_->bind_to_port(options_.host, options_.port)) {
      return IoError(options_.host + ":" + std::to_string(options_.port) +
                     ": cannot listen (in use, or not an address of this machine)");
    }
    port_ = options_.port;
  }
  // The library listens with a backlog of 5 (compiled into Debian's
  // libcpp-httplib): when 200 clients connect at once, or reconnect as
  // keep-alive connections end, the kernel drops the other SYNs and each
  // retry costs a client a second or more. listen() again on the same
  // socket only changes the backlog (capped by net.core.somaxconn).
  if (listen_socket_ >= 0) ::listen(listen_socket_, kListenBacklog);
  return Status::Ok();
}

Status HttpServer::Run() {
  if (!server_->listen_after_bind()) return IoError("the HTTP server stopped on an error");
  return Status::Ok();
}

void HttpServer::Stop() { server_->stop(); }

}  // namespace griot
