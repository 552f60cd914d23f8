#include "griot/export/gdelt_export.h"

#include <gtest/gtest.h>

#include "griot/export/sample_event_for_test.h"

namespace griot {
namespace {

std::string Fips(const std::string& iso3) {
  return iso3 == "MLI" ? "ML" : iso3 == "USA" ? "US" : "";
}

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST(GdeltExport, GoldenLine) {
  // clang-format off
  std::vector<std::string> want = {
      "8594009849894445150", "20250514", "202505", "2025", "2025.4493",
      // Actor1: an armed group across countries (IMG) acting as rebels.
      "IMGREB", "JNIM", "", "", "", "", "", "IMG", "REB", "",
      // Actor2: the first recipient only.
      "MLIMIL", "Malian soldiers", "MLI", "", "", "", "", "MIL", "", "",
      "0", "190", "190", "19", "4", "-10", "3", "2", "3", "",
      "0", "", "", "", "", "", "", "",  // Actor1Geo
      "0", "", "", "", "", "", "", "",  // Actor2Geo
      "4", "Sévaré, Mopti", "ML", "ML", "", "14.5333", "-4.0958", "2451185",
      "20250515000000", "https://example.org/a1"};
  // clang-format on
  ASSERT_EQ(want.size(), 61u);
  std::string line = GdeltFormatter(Fips).Line(testing::SampleEvent());
  EXPECT_EQ(Split(line), want);
}

TEST(GdeltExport, SixtyOneColumnsWhateverIsMissing) {
  StoredEvent bare;
  bare.event_id = "x-0-0";
  bare.doc_id = "x";
  bare.text = "a\tb\nc";
  StoredEvent full = testing::SampleEvent();
  StoredEvent us = full;
  us.location = {"Ohio", "USA", "Ohio", 40.4, -82.7, "admin1", 0, ""};
  us.url.clear();
  for (const StoredEvent& e : {bare, full, us}) {
    std::string line = GdeltFormatter(Fips).Line(e);
    EXPECT_EQ(Split(line).size(), 61u) << e.event_id;
    EXPECT_EQ(line.find('\n'), std::string::npos);
  }
  std::vector<std::string> f = GdeltFormatter(Fips).Fields(us);
  EXPECT_EQ(f[51], "2");  // ActionGeo_Type: US state
  EXPECT_EQ(f[52], "Ohio");
  EXPECT_EQ(f[53], "US");
  EXPECT_EQ(f[58], "");      // no GeoNames id
  EXPECT_EQ(f[60], "doc1");  // no url: the document id
  std::vector<std::string> b = GdeltFormatter().Fields(bare);
  EXPECT_EQ(b[1], "");
  EXPECT_EQ(b[26], "");   // no CAMEO code
  EXPECT_EQ(b[31], "1");  // one mention at least
  EXPECT_EQ(b[51], "0");  // no place
}

TEST(GdeltExport, ActorCodes) {
  struct Case {
    StoredArgument actor;
    std::vector<std::string> want;  // Code, CountryCode, Type1Code, Type2Code
  } cases[] = {
      {{"", "MLI", "GOV", "", false, ""}, {"MLIGOV", "MLI", "GOV", ""}},
      {{"", "MLI", "", "", false, ""}, {"MLI", "MLI", "", ""}},
      {{"", "", "CVL", "", false, ""}, {"CVL", "", "CVL", ""}},
      {{"", "IGO", "", "", false, ""}, {"IGO", "", "IGO", ""}},
      {{"", "IGO", "MIL", "", false, ""}, {"IGOMIL", "", "IGO", "MIL"}},
      {{"", "NGO", "HLH", "", false, ""}, {"NGOHLH", "", "NGO", "HLH"}},
      // REL is no CAMEO role code.
      {{"", "NGA", "REL", "", false, ""}, {"NGA", "NGA", "", ""}},
  };
  for (const Case& c : cases) {
    StoredEvent e;
    e.actor = {c.actor};
    std::vector<std::string> f = GdeltFormatter().Fields(e);
    EXPECT_EQ((std::vector<std::string>{f[5], f[7], f[12], f[13]}), c.want) << c.actor.Key();
  }
}

TEST(GdeltExport, EventIdIsFnv1aWithoutTheSignBit) {
  // FNV-1a 64 test vectors: "" = cbf29ce484222325, "a" = af63dc4c8601ec8c.
  EXPECT_EQ(GdeltEventId(""), 0x4bf29ce484222325);
  EXPECT_EQ(GdeltEventId("a"), 0x2f63dc4c8601ec8c);
  EXPECT_GT(GdeltEventId("doc1-2-0"), 0);
}

}  // namespace
}  // namespace griot
