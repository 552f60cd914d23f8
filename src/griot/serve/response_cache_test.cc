#include "griot/serve/response_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace griot {
namespace {

ApiResponse Ok(const std::string& body) { return {200, body}; }

TEST(ResponseCacheTest, KeepsAnswersUntilTheVersionChanges) {
  ResponseCache cache(1 << 20);
  EXPECT_FALSE(cache.Get("a", 7));  // first sight of version 7
  cache.Put("a", 7, Ok("[1]"));
  ASSERT_TRUE(cache.Get("a", 7));
  EXPECT_EQ(cache.Get("a", 7)->body, "[1]");
  EXPECT_FALSE(cache.Get("a", 8));  // new data: everything goes
  EXPECT_EQ(cache.entries(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCacheTest, DropsAnswersComputedFromOlderData) {
  ResponseCache cache(1 << 20);
  cache.Get("slow", 1);  // a slow request starts under version 1
  cache.Get("other", 2);  // a load commits; another request sees it
  cache.Put("slow", 1, Ok("old"));
  EXPECT_FALSE(cache.Get("slow", 2));
}

TEST(ResponseCacheTest, KeepsOnlySuccessfulAnswers) {
  ResponseCache cache(1 << 20);
  cache.Get("x", 1);
  cache.Put("x", 1, {400, R"({"error":{}})"});
  cache.Put("y", 1, {503, R"({"error":{}})"});
  EXPECT_FALSE(cache.Get("x", 1));
  EXPECT_FALSE(cache.Get("y", 1));
}

TEST(ResponseCacheTest, EvictsTheLeastRecentlyUsedWithinItsMemory) {
  ResponseCache cache(4000);
  cache.Get("", 1);
  std::string body(700, 'x');
  for (const char* key : {"a", "b", "c", "d"}) cache.Put(key, 1, Ok(body));
  ASSERT_TRUE(cache.Get("a", 1));  // "a" is now the most recent
  cache.Put("e", 1, Ok(body));    // over 4000 bytes: "b" goes
  EXPECT_TRUE(cache.Get("a", 1));
  EXPECT_FALSE(cache.Get("b", 1));
  EXPECT_TRUE(cache.Get("e", 1));
  EXPECT_LE(cache.bytes(), 4000u);
  // An answer of more than a quarter of the memory is not kept at all.
  cache.Put("huge", 1, Ok(std::string(2000, 'y')));
  EXPECT_FALSE(cache.Get("huge", 1));
  EXPECT_TRUE(cache.Get("e", 1));
}

TEST(ResponseCacheTest, NoMemoryKeepsNothing) {
  ResponseCache cache(0);
  cache.Get("a", 1);
  cache.Put("a", 1, Ok("[]"));
  EXPECT_FALSE(cache.Get("a", 1));
}

TEST(ResponseCacheTest, KeySortsParameterNamesAndKeepsRepeatsInOrder) {
  EXPECT_EQ(ResponseCache::Key("/api/events", {{"limit", "2"}, {"country", "MLI"}}),
            ResponseCache::Key("/api/events", {{"country", "MLI"}, {"limit", "2"}}));
  EXPECT_NE(ResponseCache::Key("/api/events", {{"country", "MLI"}, {"country", "BFA"}}),
            ResponseCache::Key("/api/events", {{"country", "BFA"}, {"country", "MLI"}}));
  // A value holding what looks like another parameter is not confused with it.
  EXPECT_NE(ResponseCache::Key("/api/events", {{"a", "1\n1:b1:2"}}),
            ResponseCache::Key("/api/events", {{"a", "1"}, {"b", "2"}}));
  EXPECT_NE(ResponseCache::Key("/api/meta", {}), ResponseCache::Key("/api/places", {}));
}

TEST(ResponseCacheTest, ComputesEachQuestionOnceWhileOthersWait) {
  ResponseCache cache(1 << 20);
  std::atomic<int> computed{0};
  auto slow = [&] {
    ++computed;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return Ok("[42]");
  };
  std::vector<std::thread> requests;
  std::atomic<int> hits{0};
  for (int i = 0; i < 8; ++i) {
    requests.emplace_back([&] {
      bool hit = false;
      ApiResponse r = cache.Answer("/api/places", 3, slow, &hit);
      EXPECT_EQ(r.body, "[42]");
      if (hit) ++hits;
    });
  }
  for (std::thread& t : requests) t.join();
  EXPECT_EQ(computed.load(), 1);
  EXPECT_EQ(hits.load(), 7);
}

TEST(ResponseCacheTest, AFailedComputationReleasesTheWaiters) {
  ResponseCache cache(1 << 20);
  bool hit = true;
  EXPECT_THROW(cache.Answer("k", 1, []() -> ApiResponse { throw std::runtime_error("boom"); }, &hit),
               std::runtime_error);
  // Not left "being computed": the next request computes at once.
  ApiResponse r = cache.Answer("k", 1, [] { return Ok("[]"); }, &hit);
  EXPECT_FALSE(hit);
  EXPECT_EQ(r.body, "[]");
  // A 400 is answered but not kept.
  cache.Answer("bad", 1, [] { return ApiResponse{400, "{}"}; }, &hit);
  cache.Answer("bad", 1, [] { return ApiResponse{400, "{}"}; }, &hit);
  EXPECT_FALSE(hit);
}

}  // namespace
}  // namespace griot
