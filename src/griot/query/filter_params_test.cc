// The filter parser shared by `griot query` options and API parameters.
#include "griot/query/filter_params.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

TEST(FilterParamsTest, SetsEveryFilter) {
  EventFilter f;
  const std::pair<const char*, const char*> params[] = {
      {"country", "MLI, BFA"}, {"admin1", "Gao"},        {"actor", "MLI MIL"},   {"role", "actor"},
      {"dyad", "MLI MIL->MLI CVL,BFA REB->BFA MIL"},      {"type", "ASSAULT,PROTEST"},
      {"mode", "firearms"},   {"context", "military"},  {"quad", "3,4"},        {"from", "2025-01-01"},
      {"to", "2025-12-31"},   {"bbox", "-6,10,4,20"},   {"near", "16.27,-0.04,50"},
      {"text", "ceasefire talks"}, {"doc", "d1"},       {"min_confidence", "0.5"}, {"all_mentions", "1"}};
  for (const auto& [name, value] : params) {
    EXPECT_TRUE(IsFilterParam(name)) << name;
    Status st = SetFilterParam(name, value, &f);
    EXPECT_TRUE(st.ok()) << name << ": " << st.message();
  }
  EXPECT_EQ(f.countries, (std::vector<std::string>{"MLI", "BFA"}));
  EXPECT_EQ(f.dyads.size(), 2u);
  EXPECT_EQ(f.quads, (std::vector<int>{3, 4}));
  EXPECT_EQ(f.bbox, (std::vector<double>{-6, 10, 4, 20}));
  EXPECT_EQ(f.near, (std::vector<double>{16.27, -0.04, 50}));
  EXPECT_DOUBLE_EQ(f.min_confidence, 0.5);
  EXPECT_TRUE(f.all_mentions);
  EXPECT_EQ(f.doc_id, "d1");
  EXPECT_EQ(FilterParamNames().size(), 17u);
}

TEST(FilterParamsTest, ErrorsNameTheParameterAndValue) {
  const std::pair<const char*, const char*> bad[] = {
      {"from", "2025-13-01"}, {"to", "2025-1-1"},  {"quad", "5"},         {"quad", "x"},
      {"bbox", "1,2,3"},      {"bbox", "0,50,1,40"}, {"near", "1,2"},     {"near", "91,0,5"},
      {"role", "victim"},     {"dyad", "MLI MIL"}, {"min_confidence", "1.5"}, {"all_mentions", "2"},
      {"country", ""},        {"colour", "red"}};
  for (const auto& [name, value] : bad) {
    EventFilter f;
    Status st = SetFilterParam(name, value, &f);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << name << "=" << value;
    EXPECT_EQ(st.message().rfind(std::string(name) + ":", 0), 0u) << st.message();
  }
  EventFilter f;
  EXPECT_EQ(SetFilterParam("from", "2025-13-01", &f).message(), "from: 2025-13-01 is not a date (YYYY-MM-DD)");
}

TEST(FilterParamsTest, NumberListsNameThePartThatIsNotANumber) {
  EXPECT_EQ(ParseNumberList("bbox", "1,x,3").status().message(), "bbox: 'x' is not a number");
  EXPECT_EQ(*ParseNumberList("near", " 1.5 ,-3"), (std::vector<double>{1.5, -3}));
}

}  // namespace
}  // namespace griot
