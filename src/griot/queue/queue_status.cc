#include "griot/queue/queue_status.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace griot {
namespace {

// XINFO replies are flat [key, value, key, value, ...] arrays.
const RedisValue* Get(const RedisValue& map, const std::string& key) {
  for (size_t i = 0; i + 1 < map.elements.size(); i += 2) {
    if (map.elements[i].str == key) return &map.elements[i + 1];
  }
  return nullptr;
}

int64_t IntOr(const RedisValue& map, const std::string& key, int64_t missing) {
  const RedisValue* v = Get(map, key);
  return v == nullptr || v->nil() ? missing : v->AsInt();
}

}  // namespace

Result<QueueStatus> ReadQueueStatus(RedisClient& redis, const std::string& stream,
                                    const std::string& group) {
  QueueStatus s;
  s.stream = stream;
  s.group = group;
  Result<std::vector<RedisValue>> counts =
      redis.Pipeline({{"XLEN", stream}, {"XLEN", stream + ":dead"}, {"EXISTS", stream}});
  if (!counts.ok()) return counts.status();
  s.length = (*counts)[0].AsInt();
  s.dead_letters = (*counts)[1].AsInt();
  if ((*counts)[2].AsInt() == 0) return s;  // no stream: nothing enqueued yet
  Result<RedisValue> groups = redis.Command({"XINFO", "GROUPS", stream});
  if (!groups.ok()) return groups.status();
  for (const RedisValue& g : groups->elements) {
    const RedisValue* name = Get(g, "name");
    if (name == nullptr || name->str != group) continue;
    s.group_exists = true;
    s.pending = IntOr(g, "pending", 0);
    s.delivered = IntOr(g, "entries-read", -1);
    s.lag = IntOr(g, "lag", -1);
  }
  if (!s.group_exists) return s;
  Result<RedisValue> consumers = redis.Command({"XINFO", "CONSUMERS", stream, group});
  if (!consumers.ok()) return consumers.status();
  for (const RedisValue& c : consumers->elements) {
    QueueConsumer q;
    if (const RedisValue* name = Get(c, "name")) q.name = name->str;
    q.pending = IntOr(c, "pending", 0);
    q.idle_ms = IntOr(c, "idle", 0);
    s.consumers.push_back(q);
  }
  return s;
}

std::string FormatQueueStatus(const QueueStatus& s) {
  std::ostringstream o;
  o << "stream " << s.stream << ": " << s.length << " entries\n";
  if (!s.group_exists) {
    o << "group " << s.group << ": not created yet (the first griot worker creates it)\n";
  } else {
    o << "group " << s.group << ": ";
    if (s.delivered >= 0) o << s.delivered << " delivered, ";
    o << s.pending << " pending";
    if (s.lag >= 0) o << ", " << s.lag << " not yet delivered (lag)";
    o << "\n" << s.consumers.size() << " consumers\n";
    for (const QueueConsumer& c : s.consumers) {
      o << "  " << c.name << ": " << c.pending << " pending, idle " << c.idle_ms / 1000.0 << " s\n";
    }
  }
  o << "dead letters: " << s.dead_letters << " (" << s.stream << ":dead)\n";
  return o.str();
}

std::string QueueStatusJson(const QueueStatus& s) {
  nlohmann::json consumers = nlohmann::json::array();
  for (const QueueConsumer& c : s.consumers) {
    consumers.push_back({{"name", c.name}, {"pending", c.pending}, {"idle_ms", c.idle_ms}});
  }
  auto known = [](int64_t v) { return v < 0 ? nlohmann::json(nullptr) : nlohmann::json(v); };
  nlohmann::json j = {{"stream", s.stream},         {"length", s.length},
                      {"group", s.group},           {"group_exists", s.group_exists},
                      {"delivered", known(s.delivered)}, {"lag", known(s.lag)},
                      {"pending", s.pending},       {"consumers", consumers},
                      {"dead_letters", s.dead_letters}};
  return j.dump(2);
}

}  // namespace griot
