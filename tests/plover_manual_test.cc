// The ontology (kb/en/ontology.txt) holds exactly the names of the current
// PLOVER manual: its event types and each type's quad ("Quad category: ..."
// subsections), each type's modes (the first column of its mode table), the
// general contexts (the longtable), and the scores of its scores table. The
// manual's LaTeX source is read at ../shared/reference/PLOVER_MANUAL.tex;
// without it the test is skipped.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace griot::testing {
namespace {

struct Manual {
  std::map<std::string, int> quads;                    // type -> quad
  std::map<std::string, std::set<std::string>> modes;  // type -> modes
  std::set<std::string> contexts;
  std::map<std::string, double> type_scores;                          // "ACCUSE" -> 3
  std::map<std::pair<std::string, std::string>, double> mode_scores;  // (type, mode)
};

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "\hyperref[context:hr]{human\_rights}" -> "human_rights"; "\cellcolor{gray!25}AGREE" -> "AGREE".
std::string PlainCell(std::string cell) {
  cell = Trim(cell);
  for (const char* command : {"\\cellcolor{", "\\hyperref["}) {
    size_t at = cell.find(command);
    if (at == std::string::npos) continue;
    size_t close = cell.find(command[1] == 'c' ? '}' : ']', at);
    cell.erase(at, close + 1 - at);
  }
  if (!cell.empty() && cell.front() == '{' && cell.back() == '}')
    cell = cell.substr(1, cell.size() - 2);
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '_') continue;  // \_ -> _
    out.push_back(cell[i]);
  }
  return Trim(out);
}

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> out;
  std::string body = row.substr(0, row.find("\\\\"));
  std::stringstream ss(body);
  for (std::string c; std::getline(ss, c, '&');) out.push_back(c);
  return out;
}

Manual ReadManual(const std::string& path) {
  Manual m;
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  const std::map<std::string, int> quad_of = {{"VERBAL COOPERATION", 1},
                                              {"MATERIAL COOPERATION", 2},
                                              {"VERBAL CONFLICT", 3},
                                              {"MATERIAL CONFLICT", 4}};
  enum class In { kNothing, kEvents, kModeTable, kContexts, kScores } in_part = In::kNothing;
  std::string type;   // the event section being read
  bool rows = false;  // inside a table's rows (after its "Name & Content" header)
  for (const std::string& raw : lines) {
    std::string l = Trim(raw);
    if (!l.empty() && l[0] == '%') continue;  // commented out: not part of the manual
    if (l.rfind("\\chapter{", 0) == 0) {
      in_part = l.find("{Event Categories}") != std::string::npos ? In::kEvents : In::kNothing;
      type.clear();
      continue;
    }
    if (l.find("\\begin{longtable}") != std::string::npos) {
      in_part = In::kContexts;
      rows = false;
      continue;
    }
    if (in_part == In::kContexts) {
      if (l.find("\\endlastfoot") != std::string::npos) {
        rows = true;
      } else if (l.find("\\end{longtable}") != std::string::npos) {
        in_part = In::kNothing;
      } else if (rows && l.find('&') != std::string::npos) {
        m.contexts.insert(PlainCell(Cells(l)[0]));
      }
      continue;
    }
    if (l.find("\\caption{PLOVER conflict--cooperation scores}") != std::string::npos) {
      in_part = In::kScores;
      continue;
    }
    if (in_part == In::kScores) {
      if (l.find("\\end{tabular}") != std::string::npos) {
        in_part = In::kNothing;
        continue;
      }
      std::vector<std::string> cells = Cells(l);
      for (size_t c = 0; c + 1 < cells.size(); c += 2) {
        std::string name = PlainCell(cells[c]);
        std::string value = PlainCell(cells[c + 1]);
        if (name.empty() || value.empty() || name.find("CATEGORY") != std::string::npos) continue;
        double score = std::stod(value);
        size_t colon = name.find(':');
        if (colon == std::string::npos) {
          m.type_scores[name] = score;
        } else {
          m.mode_scores[{name.substr(0, colon), Lower(Trim(name.substr(colon + 1)))}] = score;
        }
      }
      continue;
    }
    if (in_part == In::kNothing) continue;
    if (l.rfind("\\section{", 0) == 0) {
      type = l.substr(9, l.find('}') - 9);
      m.modes[type];  // every type has a mode set, maybe empty
      in_part = In::kEvents;
      continue;
    }
    if (type.empty()) continue;
    if (l.rfind("\\subsection{Quad category:", 0) == 0) {
      std::string quad = Trim(l.substr(26, l.find('}') - 26));
      auto it = quad_of.find(quad);
      m.quads[type] = it == quad_of.end() ? -1 : it->second;
      continue;
    }
    if (l.find("\\caption{") != std::string::npos && l.find("modes") != std::string::npos) {
      in_part = In::kModeTable;
      rows = false;
      continue;
    }
    if (in_part == In::kModeTable) {
      if (l.rfind("Name & Content", 0) == 0) {
        rows = true;
      } else if (l.find("\\end{tabular}") != std::string::npos) {
        in_part = In::kEvents;
      } else if (rows && l.find('&') != std::string::npos) {
        std::string name = PlainCell(Cells(l)[0]);
        if (!name.empty()) m.modes[type].insert(name);  // "& curfews---..." continues a row
      }
    }
  }
  return m;
}

class PloverManual : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = SourcePath("../shared/reference/PLOVER_MANUAL.tex");
    if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not present";
    manual_ = ReadManual(path);
    // The parser itself: the manual's own counts, so a LaTeX change that
    // breaks the reading fails here rather than comparing two empty sets.
    ASSERT_EQ(manual_.quads.size(), 16u);
    ASSERT_EQ(manual_.contexts.size(), 37u);
    ASSERT_EQ(manual_.modes["ASSAULT"].size(), 15u);
  }
  Manual manual_;
  const Ontology& ontology_ = Kb().ontology();
};

TEST_F(PloverManual, TypesAndQuadsAreTheManuals) {
  std::map<std::string, int> ours;
  for (const auto& [name, type] : ontology_.types()) ours[name] = type.quad;
  EXPECT_EQ(ours, manual_.quads);
}

TEST_F(PloverManual, ModesAreTheManualsTables) {
  std::map<std::string, std::set<std::string>> ours;
  for (const auto& [name, type] : ontology_.types()) {
    ours[name];
    for (const auto& [mode, info] : type.modes) ours[name].insert(mode);
  }
  EXPECT_EQ(ours, manual_.modes);
}

TEST_F(PloverManual, ContextsAreTheManualsList) {
  std::set<std::string> ours;
  for (const auto& [name, description] : ontology_.contexts()) ours.insert(name);
  EXPECT_EQ(ours, manual_.contexts);
}

TEST_F(PloverManual, ScoresAreTheManualsTable) {
  for (const auto& [name, score] : manual_.type_scores) {
    const EventType* t = ontology_.FindType(name);
    ASSERT_NE(t, nullptr) << name;
    // The manual prints ACCUSE as +3, a conflict type scored above its own
    // modes (-2 to -3.5): ontology.txt takes the sign for a misprint.
    EXPECT_EQ(t->score, name == "ACCUSE" ? -score : score) << name;
  }
  EXPECT_EQ(manual_.type_scores.size(), 16u);
  for (const auto& [key, score] : manual_.mode_scores) {
    EXPECT_EQ(ontology_.Score(key.first, key.second), score) << key.first << " " << key.second;
    const EventMode* m = ontology_.FindMode(key.first, key.second);
    ASSERT_NE(m, nullptr) << key.first << " " << key.second;
    EXPECT_TRUE(m->score.has_value()) << key.first << " " << key.second;
  }
  // Every mode score in the ontology comes from the table.
  for (const auto& [name, type] : ontology_.types()) {
    for (const auto& [mode, info] : type.modes) {
      if (info.score) {
        EXPECT_TRUE(manual_.mode_scores.count({name, mode})) << name << " " << mode;
      }
    }
  }
}

}  // namespace
}  // namespace griot::testing
