// Redis for tests: the server scripts/redis-test-server.sh starts for ctest
// (fixture `redis`, CMakeLists.txt; its URL in GRIOT_REDIS_URL_FILE), or
// any server named by GRIOT_TEST_REDIS_URL (redis://HOST:PORT). Each test
// uses streams of its own name, so tests in parallel never meet.
//
//   std::string server = RedisTestUrl();
//   GRIOT_REDIS_OR_SKIP(server);
//   std::string queue = server + "/" + UniqueStream("enqueue");
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>

namespace griot::testing {

inline std::string RedisTestUrl() {
  if (const char* env = std::getenv("GRIOT_TEST_REDIS_URL"); env && *env) return env;
#ifdef GRIOT_REDIS_URL_FILE
  std::ifstream in(GRIOT_REDIS_URL_FILE);
  std::string url;
  std::getline(in, url);
  return url;
#else
  return "";
#endif
}

#define GRIOT_REDIS_OR_SKIP(url)                                                        \
  do {                                                                                  \
    if ((url).empty()) {                                                                \
      if (std::getenv("CI")) FAIL() << "CI is set but no Redis test server is running"; \
      GTEST_SKIP() << "no Redis test server (scripts/redis-test-server.sh, or set "     \
                      "GRIOT_TEST_REDIS_URL)";                                          \
    }                                                                                   \
  } while (0)

inline std::string UniqueStream(const std::string& what) {
  static std::atomic<int> counter{0};
  return "griot-test-" + what + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace griot::testing
