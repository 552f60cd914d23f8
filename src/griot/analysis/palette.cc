#include "griot/analysis/palette.h"

namespace griot {
namespace {

struct TypeColorEntry {
  std::string_view type;
  const char* color;
};

// Ordered by quad, darkest first within a family (kb/en/ontology.txt types).
constexpr TypeColorEntry kTypeColors[] = {
    {"AGREE", "#08519c"},   {"CONSULT", "#3182bd"},   {"SUPPORT", "#6baed6"},
    {"REQUEST", "#9ecae1"}, {"CONCEDE", "#00441b"},   {"COOPERATE", "#238b45"},
    {"AID", "#74c476"},     {"RETREAT", "#a1d99b"},   {"THREATEN", "#d94801"},
    {"REJECT", "#fd8d3c"},  {"ACCUSE", "#fdbe85"},    {"ASSAULT", "#a50f15"},
    {"COERCE", "#ef3b2c"},  {"MOBILIZE", "#54278f"},  {"SANCTION", "#807dba"},
    {"PROTEST", "#bcbddc"},
};

constexpr const char* kQuadColors[] = {"#999999", "#56b4e9", "#009e73", "#e69f00", "#d55e00"};
constexpr const char* kQuadLabels[] = {"unknown", "verbal cooperation", "material cooperation",
                                       "verbal conflict", "material conflict"};

}  // namespace

const char* QuadColor(int quad) { return kQuadColors[quad >= 1 && quad <= 4 ? quad : 0]; }
const char* QuadLabel(int quad) { return kQuadLabels[quad >= 1 && quad <= 4 ? quad : 0]; }

const char* TypeColor(std::string_view type) {
  for (const TypeColorEntry& e : kTypeColors) {
    if (e.type == type) return e.color;
  }
  return "#969696";
}

}  // namespace griot
