#include "griot/run/shard.h"

#include <gtest/gtest.h>

#include <string>

namespace griot {
namespace {

// The published FNV-1a 64 test vectors: shards must not change between
// builds, compilers or machines.
TEST(Shard, Fnv1a64MatchesThePublishedValues) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ull);
}

// For N=3 every document lands in exactly one shard, always the same one,
// and no shard is empty on a realistic set of ids.
TEST(Shard, ThreeShardsAreDisjointAndCoverEverything) {
  Shard shards[3];
  for (int k = 0; k < 3; ++k) shards[k] = *ParseShard(std::to_string(k + 1) + "/3");
  int sizes[3] = {0, 0, 0};
  for (int i = 0; i < 3000; ++i) {
    std::string id = "doc-" + std::to_string(i);
    int holders = 0;
    for (int k = 0; k < 3; ++k) {
      if (shards[k].Holds(id)) {
        ++holders;
        ++sizes[k];
        EXPECT_TRUE(shards[k].Holds(id)) << "the same id must stay in its shard";
      }
    }
    EXPECT_EQ(holders, 1) << id;
  }
  for (int k = 0; k < 3; ++k) EXPECT_GT(sizes[k], 800) << "shard " << k + 1;
}

TEST(Shard, OneShardHoldsEverything) {
  Shard all = *ParseShard("1/1");
  EXPECT_TRUE(all.Holds("anything"));
  EXPECT_TRUE(Shard{}.Holds("anything"));
}

TEST(Shard, BadValuesAreRefusedWithAReason) {
  struct Case {
    const char* text;
    const char* says;
  } cases[] = {
      {"0/3", "between 1 and N=3"}, {"4/3", "between 1 and N=3"}, {"1/0", "at least 1"},
      {"x", "is not K/N"},         {"1/", "is not K/N"},         {"/3", "is not K/N"},
      {"-1/3", "is not K/N"},      {"1/3/5", "is not K/N"},      {"", "is not K/N"},
  };
  for (const Case& c : cases) {
    Result<Shard> r = ParseShard(c.text);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_NE(r.status().message().find(c.says), std::string::npos)
        << c.text << ": " << r.status().message();
  }
  EXPECT_EQ(ParseShard("2/8")->index, 2u);
  EXPECT_EQ(ParseShard("2/8")->count, 8u);
}

}  // namespace
}  // namespace griot
