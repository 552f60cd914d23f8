// RedisClient: one connection to a Redis server, for the work queue
// (docs/distributed.md). Commands are argument vectors (binary-safe: text
// with NUL bytes or invalid UTF-8 travels unchanged); replies come back as
// RedisValue trees, so no hiredis type leaks past this file.
//
//   Result<QueueUrl> url = ParseQueueUrl("redis://10.0.0.5:6379/news");
//   Result<std::unique_ptr<RedisClient>> redis = RedisClient::Connect(url->host, url->port);
//   Result<RedisValue> n = (*redis)->Command({"XLEN", url->stream});
//
// Every error names the server (host:port) and the command that failed.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "griot/util/status.h"

struct redisContext;

namespace griot {

// redis://HOST[:PORT]/STREAM (port 6379 when absent).
struct QueueUrl {
  std::string host;
  int port = 6379;
  std::string stream;
};
Result<QueueUrl> ParseQueueUrl(const std::string& url);

struct RedisValue {
  enum class Type { kNil, kString, kInteger, kArray, kStatus };
  Type type = Type::kNil;
  std::string str;  // kString, kStatus
  int64_t integer = 0;
  std::vector<RedisValue> elements;

  bool nil() const { return type == Type::kNil; }
  // The integer of an integer reply, or of a string that holds one; 0 else.
  int64_t AsInt() const;
};

class RedisClient {
 public:
  static Result<std::unique_ptr<RedisClient>> Connect(const std::string& host, int port);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // One command; a Redis error reply is an error Status.
  Result<RedisValue> Command(const std::vector<std::string>& args);
  // Sends every command, then reads every reply (one round trip for the
  // lot). Fails on the first error reply, naming its command.
  Result<std::vector<RedisValue>> Pipeline(const std::vector<std::vector<std::string>>& commands);

  const std::string& where() const { return where_; }

 private:
  RedisClient() = default;
  Status Append(const std::vector<std::string>& args);
  Result<RedisValue> Read(const std::vector<std::string>& args);

  redisContext* context_ = nullptr;
  std::string where_;  // "redis host:port"
};

}  // namespace griot
