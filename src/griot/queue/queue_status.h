// QueueStatus: how far the workers are on a stream (`griot status`).
//
//   Result<QueueStatus> s = ReadQueueStatus(redis, "news", "griot");
//   std::cout << FormatQueueStatus(*s);    // or QueueStatusJson(*s)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/queue/redis_client.h"

namespace griot {

struct QueueConsumer {
  std::string name;
  int64_t pending = 0;
  int64_t idle_ms = 0;  // since its last read or claim
};

struct QueueStatus {
  std::string stream, group;
  int64_t length = 0;        // entries in the stream (acked ones stay until trimmed)
  bool group_exists = false;
  int64_t delivered = -1;    // entries the group has read (Redis 7; -1 unknown)
  int64_t lag = -1;          // entries not yet delivered (Redis 7; -1 unknown)
  int64_t pending = 0;       // delivered, not acknowledged
  std::vector<QueueConsumer> consumers;
  int64_t dead_letters = 0;  // entries in <stream>:dead
};

Result<QueueStatus> ReadQueueStatus(RedisClient& redis, const std::string& stream,
                                    const std::string& group);
std::string FormatQueueStatus(const QueueStatus& s);
std::string QueueStatusJson(const QueueStatus& s);

}  // namespace griot
