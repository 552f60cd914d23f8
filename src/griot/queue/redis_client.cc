#include "griot/queue/redis_client.h"

#include <hiredis/hiredis.h>

#include <charconv>

namespace griot {
namespace {

RedisValue Convert(const redisReply* r) {
  RedisValue v;
  switch (r->type) {
    case REDIS_REPLY_STRING:
      v.type = RedisValue::Type::kString;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_STATUS:
      v.type = RedisValue::Type::kStatus;
      v.str.assign(r->str, r->len);
      break;
    case REDIS_REPLY_INTEGER:
      v.type = RedisValue::Type::kInteger;
      v.integer = r->integer;
      break;
    case REDIS_REPLY_ARRAY:
      v.type = RedisValue::Type::kArray;
      for (size_t i = 0; i < r->elements; ++i) v.elements.push_back(Convert(r->element[i]));
      break;
    default:
      break;  // nil
  }
  return v;
}

// The command's name and first argument: enough to say which call failed
// without printing a document's text.
std::string Named(const std::vector<std::string>& args) {
  std::string s = args.empty() ? "" : args[0];
  if (args.size() > 1) s += " " + args[1].substr(0, 80);
  return s;
}

}  // namespace

int64_t RedisValue::AsInt() const {
  if (type == Type::kInteger) return integer;
  int64_t n = 0;
  if (type == Type::kString) std::from_chars(str.data(), str.data() + str.size(), n);
  return n;
}

Result<QueueUrl> ParseQueueUrl(const std::string& url) {
  const std::string scheme = "redis://";
  auto bad = [&](const std::string& why) {
    return InvalidArgument("bad queue URL '" + url + "': " + why +
                           " (expected redis://HOST:PORT/STREAM, e.g. redis://localhost:6379/news)");
  };
  if (url.rfind(scheme, 0) != 0) return bad("it must start with redis://");
  std::string rest = url.substr(scheme.size());
  size_t slash = rest.find('/');
  if (slash == std::string::npos || slash + 1 == rest.size()) return bad("no stream name after the host");
  QueueUrl q;
  q.stream = rest.substr(slash + 1);
  if (q.stream.find('/') != std::string::npos) return bad("the stream name has a '/'");
  std::string hostport = rest.substr(0, slash);
  if (hostport.find('@') != std::string::npos) return bad("user names and passwords are not supported");
  size_t colon = hostport.rfind(':');
  q.host = hostport.substr(0, colon);
  if (colon != std::string::npos) {
    std::string port = hostport.substr(colon + 1);
    int p = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || p < 1 || p > 65535) {
      return bad("port '" + port + "' is not a number from 1 to 65535");
    }
    q.port = p;
  }
  if (q.host.empty()) return bad("no host");
  return q;
}

Result<std::unique_ptr<RedisClient>> RedisClient::Connect(const std::string& host, int port) {
  std::unique_ptr<RedisClient> c(new RedisClient());
  c->where_ = "redis " + host + ":" + std::to_string(port);
  timeval timeout{5, 0};
  c->context_ = redisConnectWithTimeout(host.c_str(), port, timeout);
  if (c->context_ == nullptr) return IoError(c->where_ + ": cannot allocate a connection");
  if (c->context_->err) {
    return IoError(c->where_ + ": cannot connect: " + c->context_->errstr +
                   " (is redis-server running there?)");
  }
  return c;
}

RedisClient::~RedisClient() {
  if (context_) redisFree(context_);
}

Status RedisClient::Append(const std::vector<std::string>& args) {
  std::vector<const char*> argv;
  std::vector<size_t> lengths;
  for (const std::string& a : args) {
    argv.push_back(a.data());
    lengths.push_back(a.size());
  }
  if (redisAppendCommandArgv(context_, static_cast<int>(argv.size()), argv.data(), lengths.data()) !=
      REDIS_OK) {
    return IoError(where_ + ": " + Named(args) + ": " + context_->errstr);
  }
  return Status::Ok();
}

Result<RedisValue> RedisClient::Read(const std::vector<std::string>& args) {
  void* raw = nullptr;
  if (redisGetReply(context_, &raw) != REDIS_OK || raw == nullptr) {
    return IoError(where_ + ": " + Named(args) + ": " + context_->errstr +
                   " (connection lost?)");
  }
  redisReply* r = static_cast<redisReply*>(raw);
  Result<RedisValue> out = r->type == REDIS_REPLY_ERROR
                               ? Result<RedisValue>(IoError(where_ + ": " + Named(args) + ": " +
                                                            std::string(r->str, r->len)))
                               : Result<RedisValue>(Convert(r));
  freeReplyObject(r);
  return out;
}

Result<RedisValue> RedisClient::Command(const std::vector<std::string>& args) {
  if (context_->err) return IoError(where_ + ": " + Named(args) + ": " + context_->errstr);
  GRIOT_RETURN_IF_ERROR(Append(args));
  return Read(args);
}

Result<std::vector<RedisValue>> RedisClient::Pipeline(
    const std::vector<std::vector<std::string>>& commands) {
  for (const auto& args : commands) GRIOT_RETURN_IF_ERROR(Append(args));
  std::vector<RedisValue> replies;
  Status first;
  // Every reply is read, even after an error, so the connection stays in
  // step for the next command.
  for (const auto& args : commands) {
    Result<RedisValue> r = Read(args);
    if (!r.ok()) {
      if (first.ok()) first = r.status();
      if (context_->err) return first;
      continue;
    }
    replies.push_back(std::move(*r));
  }
  if (!first.ok()) return first;
  return replies;
}

}  // namespace griot
