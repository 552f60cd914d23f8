#include "griot/dict/importer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "griot/kb/knowledge_base.h"
#include "griot/kb/ontology.h"

namespace griot {
namespace {

namespace fs = std::filesystem;

// A scratch directory removed at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : root_(fs::temp_directory_path() /
              ("griot-import-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempDir() { fs::remove_all(root_); }
  std::string Write(const std::string& file, const std::string& content) const {
    std::ofstream(root_ / file) << content;
    return (root_ / file).string();
  }
  fs::path path() const { return root_; }

 private:
  fs::path root_;
};

// The data lines of a griot file: no header, comments or blank lines.
std::vector<std::string> DataLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.rfind("griot-kb ", 0) == 0) continue;
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

struct Case {
  const char* name;
  DictFormat format;
  const char* dictionary;
  DictKind kind;  // detected
  Lines people, organizations, agents, patterns;
  Lines warnings;  // after "file:"
};

const Case kCases[] = {
    {"tabari-actors",
     DictFormat::kTabari,
     "; Fictional actors (griot test data)\n"
     "ZANDORIA_ [ZND]\n"
     "+ZANDORIAN_REPUBLIC_\n"
     "MARTA_OKONDO_ [ZNDELI >20230301] [ZNDGOV 20150601-20230228]  ; two roles\n"
     "+PRESIDENT_OKONDO_\n"
     "+OKONDO_\n"
     "COUNCIL_OF_LAKE_STATES_ [IGOCLS]\n"
     "+CLS_\n"
     "ZANDORIAN_ARMY_ [ZNDMIL]\n"
     "VESK_TOLLAN_ [ZNDOPP]\n"
     "~~FINISH\n"
     "IGNORED_ [ZND]\n",
     DictKind::kActors,
     {"Marta Okondo | President Okondo; Okondo | ZND | ELI | 2023-03-01 |  | imported",
      "Marta Okondo | President Okondo; Okondo | ZND | GOV | 2015-06-01 | 2023-02-28 | imported",
      "Vesk Tollan |  | ZND | OPP |  |  | imported"},
     {"ZND |  | Zandoria | Zandorian Republic", "IGO |  | Council of Lake States | CLS",
      "ZND | MIL | Zandorian Army"},
     {},
     {},
     {}},
    {"petrarch-actors",
     DictFormat::kPetrarch,
     "# Fictional actors (griot test data)\n"
     "MARTA_OKONDO_\n"
     "+OKONDO_\n"
     "    [ZNDGOV 20150601-20230228]\n"
     "    [ZNDELI >20230301]\n"
     "LAKE_RIVER_COMMISSION_ [IGOLRC]\n"
     "ORIN_BASK_\n"
     "    [ZNDMIL <20190101]\n",
     DictKind::kActors,
     {"Marta Okondo | Okondo | ZND | GOV | 2015-06-01 | 2023-02-28 | imported",
      "Marta Okondo | Okondo | ZND | ELI | 2023-03-01 |  | imported",
      "Orin Bask |  | ZND | MIL |  | 2019-01-01 | imported"},
     {"IGO |  | Lake River Commission"},
     {},
     {},
     {}},
    {"petrarch-agents",
     DictFormat::kPetrarch,
     "# Fictional agents (griot test data)\n"
     "SOLDIER_ {SOLDIERS_} [~MIL]\n"
     "SOLDIERS_ [~MIL]\n"
     "RIOT_POLICE_ [~COP]\n"
     "PROTESTERS_ {PROTESTER_} [~CVL]\n"
     "FERRYMEN_ [~XYZ]\n",
     DictKind::kAgents,
     {},
     {},
     {"soldier | MIL", "riot police | COP", "protester | CVL"},
     {},
     {"6: agent entry skipped: agent sector 'XYZ' is not a griot sector",
      "3: 'soldiers' is the plural of an entry at line 2 (griot matches inflections), skipped"}},
    {"tabari-verbs",
     DictFormat::kTabari,
     "ARREST [173]\n"
     "- * POLICE_ ARREST [173]\n"
     "- $ ARRESTED * [173]\n"
     "DETAIN {DETAINS DETAINED DETAINING} [173]\n"
     "- * + WITHOUT_CHARGE [173]\n"
     "SHELL [195]\n"
     "STATE [014]\n",
     DictKind::kVerbs,
     {},
     {},
     {},
     {"type COERCE", "verb arrest | cameo=173 mode=arrest", "verb detain | cameo=173 mode=arrest",
      "verb detain ... without charge | cameo=173 mode=arrest", "type ASSAULT",
      "verb shell | cameo=195 mode=aerial"},
     {"2: 'verb arrest' [173] duplicates the pattern from line 1, skipped",
      "3: 'verb arrest' [173] duplicates the pattern from line 1, skipped",
      "7: 'verb state' [014]: CAMEO 01x has no PLOVER type, skipped"}},
    {"petrarch-verbs",
     DictFormat::kPetrarch,
     "####### VERB PATTERNS #######\n"
     "--- PULL [---] ---\n"
     "PULL\n"
     "PULLED {PULLS PULLING}\n"
     "- * + BACK_FROM [0874]\n"
     "- * TRIGGER_ ON [190]\n"
     "- * + IN_FOR_QUESTIONING [173]\n"
     "- $ PULLED * + ASIDE [014]\n",
     DictKind::kVerbs,
     {},
     {},
     {},
     {"type RETREAT", "verb pull ... back from | cameo=0874 mode=withdraw", "type ASSAULT",
      "verb pull trigger on | cameo=190", "type COERCE",
      "verb pull ... in for questioning | cameo=173 mode=arrest"},
     {"8: 'verb pull ... aside' [014]: CAMEO 01x has no PLOVER type, skipped",
      "2: 1 entry has no event code ([---] or none) and was not imported (the first is here)"}},
};

TEST(Importer, ProducesGriotLines) {
  TempDir dir("lines");
  for (const Case& c : kCases) {
    std::string path = dir.Write(std::string(c.name) + ".txt", c.dictionary);
    Result<ImportResult> r = ImportDictionary(c.format, path);
    ASSERT_TRUE(r.ok()) << c.name << ": " << r.status().message();
    EXPECT_EQ(r->kind, c.kind) << c.name;
    EXPECT_EQ(DataLines(r->people), c.people) << c.name;
    EXPECT_EQ(DataLines(r->organizations), c.organizations) << c.name;
    EXPECT_EQ(DataLines(r->agents), c.agents) << c.name;
    EXPECT_EQ(DataLines(r->patterns), c.patterns) << c.name;
    int lines = static_cast<int>(c.people.size() + c.organizations.size() + c.agents.size());
    for (const std::string& p : c.patterns) lines += p.rfind("type ", 0) == 0 ? 0 : 1;
    EXPECT_EQ(r->entries, lines) << c.name;
    Lines warnings;
    for (const std::string& w : c.warnings) warnings.push_back(path + ":" + w);
    EXPECT_EQ(r->warnings, warnings) << c.name;
    for (const std::string* text : {&r->people, &r->organizations, &r->agents, &r->patterns}) {
      if (!text->empty()) {
        EXPECT_EQ(text->rfind("griot-kb ", 0), 0u) << c.name;
      }
    }
  }
}

// What the importer writes must load with griot's own loader.
TEST(Importer, OutputLoadsIntoAKnowledgeBase) {
  TempDir dir("load");
  fs::path kb = dir.path() / "en";
  fs::copy(std::string(GRIOT_SOURCE_DIR) + "/kb/en", kb, fs::copy_options::recursive);
  auto append = [&](const std::string& file, const std::string& text) {
    std::ofstream out(kb / file, std::ios::app);
    out << "\n";
    for (const std::string& l : DataLines(text)) out << l << "\n";
  };
  for (const Case& c : kCases) {
    std::string path = dir.Write(std::string(c.name) + ".dict", c.dictionary);
    Result<ImportResult> r = ImportDictionary(c.format, path);
    ASSERT_TRUE(r.ok()) << r.status().message();
    append("people.txt", r->people);
    append("organizations.txt", r->organizations);
    append("agents.txt", r->agents);
    if (!r->patterns.empty()) {
      std::ofstream(kb / "patterns" / ("imported-" + std::string(c.name) + ".txt")) << r->patterns;
    }
  }
  auto loaded = KnowledgeBase::Load(kb.string(), GRIOT_DEFAULT_WORDNET_DIR);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_NE((*loaded)->patterns().StartingWith("pull"), nullptr);
}

TEST(Importer, DamagedFilesNameFileAndLine) {
  struct Damaged {
    const char* dictionary;
    const char* error;  // after "file:"
  } cases[] = {
      {"ZANDORIA_ [ZND]\nMARTA_OKONDO_ [ZNDGOV 20150601-20230228\n",
       "2: '[' without a closing ']'"},
      {"+OKONDO_\nMARTA_OKONDO_ [ZNDGOV]\n",
       "1: '+OKONDO_' continues an entry but no entry comes before it"},
      {"SOLDIER_ ~MIL]\n", "1: ']' without an opening bracket"},
      {"# verbs\n- * POLICE_ [173]\nARREST [173]\n", "2: pattern line before any verb"},
      {"--- ARREST [173] ---\n- * {CUSTODY [173]\n", "2: '{' without a closing '}'"},
      {"# nothing but comments\n\n", "1: no dictionary entries"},
  };
  TempDir dir("damaged");
  for (const Damaged& c : cases) {
    std::string path = dir.Write("bad.txt", c.dictionary);
    Result<ImportResult> r = ImportDictionary(DictFormat::kPetrarch, path);
    ASSERT_FALSE(r.ok()) << c.dictionary;
    EXPECT_EQ(r.status().message().rfind(path + ":" + c.error, 0), 0u) << r.status().message();
  }
  Result<ImportResult> missing =
      ImportDictionary(DictFormat::kTabari, (dir.path() / "none.txt").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("none.txt: cannot open"), std::string::npos);
}

TEST(Importer, SkippedEntriesAreWarnedAndCounted) {
  TempDir dir("skipped");
  std::string path = dir.Write("actors.txt",
                               "GHOST_TOWN_\n"                    // no code
                               "NULL_ACTOR_ [---]\n"              // no event code
                               "BAD_DATES_ [ZNDGOV 2015-2020]\n"  // not YYYYMMDD
                               "LAKEFOLK_ [ZNDXYZ]\n"             // kept without a sector
                               "SOLDIER_ [~MIL]\n"                // an agent code
                               "WEIRD!NAME_ [ZND]\n"              // TABARI syntax
                               "ZANDORIA_ [ZND]\n"
                               "ZANDORIA_ [ZND]\n");  // duplicate
  Result<ImportResult> r = ImportDictionary(DictFormat::kTabari, path, DictKind::kActors);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(DataLines(r->organizations), (Lines{"ZND |  | Lakefolk", "ZND |  | Zandoria"}));
  EXPECT_EQ(r->entries, 2);
  Lines expected = {
      "1: 'GHOST_TOWN_' has no code, skipped",
      "3: '2015-2020' is not a date range (YYYYMMDD-YYYYMMDD); that code is skipped",
      "4: sector 'XYZ' of ZNDXYZ is not a griot sector; imported as ZND without a sector",
      "5: agent code [~MIL] in an actor dictionary; that code is skipped",
      "6: 'WEIRD!NAME_' uses syntax griot cannot express, skipped",
      "8: duplicate of an earlier entry, skipped: ZND |  | Zandoria",
      "2: 1 entry has no event code ([---] or none) and was not imported (the first is here)",
  };
  for (std::string& e : expected) e = path + ":" + e;
  EXPECT_EQ(r->warnings, expected);
}

// Every type and mode the CAMEO table can give is declared in the ontology.
TEST(Importer, CameoTableUsesDeclaredTypesAndModes) {
  Result<Ontology> ontology = Ontology::Load(std::string(GRIOT_SOURCE_DIR) + "/kb/en/ontology.txt");
  ASSERT_TRUE(ontology.ok()) << ontology.status().message();
  for (int n = 0; n < 10000; ++n) {
    for (int width : {3, 4}) {
      if (width == 3 && n > 999) continue;
      std::string code = std::to_string(n);
      code.insert(0, width - code.size(), '0');
      PloverCode p = CameoToPlover(code);
      if (p.type.empty()) continue;
      EXPECT_NE(ontology->FindType(p.type), nullptr) << code;
      if (!p.mode.empty()) {
        EXPECT_TRUE(ontology->HasMode(p.type, p.mode)) << code << " " << p.mode;
      }
      if (!p.context.empty()) {
        EXPECT_TRUE(ontology->HasContext(p.context)) << code << " " << p.context;
      }
    }
  }
}

TEST(Importer, CameoCodesMapToPloverTypesAndModes) {
  struct Row {
    const char* cameo;
    const char* type;
    const char* mode;
    const char* context = "";
    bool swap_roles = false;
  } rows[] = {
      {"173", "COERCE", "arrest"},
      {"0874", "RETREAT", "withdraw"},
      {"0871", "RETREAT", "ceasefire"},
      {"0841", "RETREAT", "release"},
      {"083", "CONCEDE", ""},
      {"190", "ASSAULT", ""},
      {"195", "ASSAULT", "aerial"},
      {"1952", "ASSAULT", "drone"},
      {"194", "ASSAULT", "heavy-weapons"},
      {"1831", "ASSAULT", "suicide-attack"},
      {"183", "ASSAULT", "explosives"},
      {"202", "ASSAULT", "targeted"},
      {"201", "ASSAULT", "", "territory"},
      {"1712", "ASSAULT", "destroy"},
      {"116", "SANCTION", "convict"},
      {"0833", "RETREAT", "resign"},
      {"0863", "RETREAT", "access"},
      {"0622", "COOPERATE", "", "military"},
      {"073", "AID", "", "human_security"},
      {"043", "CONSULT", "visit", "", true},
      {"1052", "REQUEST", "yield"},
      {"125", "REJECT", "meet"},
      {"1723", "COERCE", "curfew"},
      {"1724", "COERCE", "martial-law"},
      {"042", "CONSULT", "visit"},
      {"093", "ACCUSE", "investigate"},
      {"111", "ACCUSE", "disapprove"},
      {"1411", "PROTEST", "demo"},
      {"142", "PROTEST", "hunger"},
      {"100", "REQUEST", ""},
      {"014", "", ""},
      {"210", "", ""},
      {"17a", "", ""},
  };
  for (const Row& r : rows) {
    PloverCode p = CameoToPlover(r.cameo);
    EXPECT_EQ(p.type, r.type) << r.cameo;
    EXPECT_EQ(p.mode, r.mode) << r.cameo;
    EXPECT_EQ(p.context, r.context) << r.cameo;
    EXPECT_EQ(p.swap_roles, r.swap_roles) << r.cameo;
    EXPECT_EQ(p.type.empty(), !p.why.empty()) << r.cameo;
  }
}

}  // namespace
}  // namespace griot
