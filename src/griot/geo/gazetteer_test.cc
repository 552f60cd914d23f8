#include "griot/geo/gazetteer.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <thread>
#include <vector>

#include "griot/geo/gazetteer_builder.h"

namespace griot {
namespace {

namespace fs = std::filesystem;

struct NormalizeCase {
  const char* name;
  const char* key;
};

const NormalizeCase kNormalizeCases[] = {
    {"Tillabéri", "tillaberi"},
    {"Ségou", "segou"},
    {"Côte d'Ivoire", "cote d'ivoire"},
    {"Côte d’Ivoire", "cote d'ivoire"},  // typographic apostrophe
    {"N'Djamena", "n'djamena"},
    {"N’Djamena", "n'djamena"},
    {"NORTH Kivu", "north kivu"},
    {"  North \t Kivu  ", "north kivu"},
    {"North\u00A0Kivu", "north kivu"},  // no-break space
    {"Porto-Novo", "porto-novo"},
    {"Porto\u2011Novo", "porto-novo"},  // non-breaking hyphen
    {"São Tomé", "sao tome"},
    {"Łódź", "lodz"},
    {"İstanbul", "istanbul"},
    {"Ṭarābulus", "tarabulus"},
    {"Straße", "strasse"},
    {"Øvre Eiker", "ovre eiker"},
    {"МОСКВА", "москва"},
    {"서울", "서울"},  // Hangul comes back composed
    {"MOPTI", "mopti"},
    {"", ""},
    {"   ", ""},
};

TEST(NormalizeName, Table) {
  for (const NormalizeCase& c : kNormalizeCases) {
    EXPECT_EQ(NormalizeName(c.name), c.key) << "name: '" << c.name << "'";
  }
}

TEST(NormalizeName, SameResultsOnSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int round = 0; round < 200; ++round) {
        for (const NormalizeCase& c : kNormalizeCases) failures[t] += NormalizeName(c.name) != c.key;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

// A scratch directory holding small source files, removed afterwards.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("griot-gazetteer-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    std::string p = Path(name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

// One cities1000 row: the 19 GeoNames columns.
std::string City(int id, const std::string& name, const std::string& ascii, const std::string& alternates,
                 double lat, double lon, const std::string& feature, const std::string& cc,
                 const std::string& admin1, int population) {
  std::ostringstream row;
  row << id << '\t' << name << '\t' << ascii << '\t' << alternates << '\t' << lat << '\t' << lon
      << "\tP\t" << feature << '\t' << cc << "\t\t" << admin1 << "\t\t\t\t" << population
      << "\t\t300\tAfrica/Bamako\t2020-01-01\n";
  return row.str();
}

// GeoNames rows whose only purpose is to make one bad line less than 1%.
std::string Filler(int n) {
  std::string rows;
  for (int i = 0; i < n; ++i) {
    rows += City(9000000 + i, "Filler " + std::to_string(i), "Filler", "", 33.5, 35.5, "PPL", "LB", "09", 1000);
  }
  return rows;
}

struct Sources {
  TempDir dir;
  GazetteerSources src;
  explicit Sources(const std::string& extra_city_rows = "", const std::string& places = "") {
    src.country_codes = dir.Write("country_codes.txt",
                                  "griot-kb country-codes 1\n"
                                  "ML | MLI | 12.65 | -8.00\n"
                                  "NG | NGA |  9.06 |  7.50\n"
                                  "LY | LBY | 32.89 | 13.19  # Tripoli\n"
                                  "LB | LBN | 33.89 | 35.50\n");
    src.countries = dir.Write("countries.txt",
                              "griot-kb countries 1\n"
                              "MLI | Mali; Republic of Mali | Malian | Bamako\n"
                              "NGA | Nigeria; FRN | Nigerian | Abuja\n"
                              "LBY | Libya | Libyan | Tripoli\n");
    src.regions = dir.Write("regions.txt",
                            "griot-kb regions 1\n"
                            "MLI | Mopti | Mopti Region; Région de Mopti | Mopti | 14.50 | -4.20\n"
                            "MLI | Ségou | Segou Region | Ségou | 13.40 | -6.20\n"
                            "MLI | Kidal | | Nowhere | 19.00 | 1.00  # capital not in GeoNames\n"
                            "NGA | Borno | Borno State | Maiduguri | 11.85 | 13.16\n");
    src.places = dir.Write("places.txt",
                           places.empty() ? "griot-kb places 1\n"
                                            "Boulkessi | Boulkessy | MLI | mopti region | 14.95 | -1.77 | camp\n"
                                          : places);
    src.cities = dir.Write(
        "cities1000.txt",
        City(2453348, "Mopti", "Mopti", "Mopti,Mopti-Sévaré,MZI,MOPTI", 14.4843, -4.18296, "PPLA", "ML", "04", 108456) +
            City(2451478, "Sévaré", "Sevare", "Sevare", 14.53, -4.09, "PPL", "ML", "04", 40000) +
            City(2451185, "Ségou", "Segou", "Segu,Ségou", 13.43, -6.26, "PPLA", "ML", "05", 130690) +
            City(2455290, "Kidal", "Kidal", "", 18.44, 1.41, "PPLA", "ML", "08", 25617) +
            City(2331447, "Maiduguri", "Maiduguri", "Yerwa,12345", 11.85, 13.16, "PPLA", "NG", "27", 1112449) +
            City(266826, "Tripoli", "Tripoli", "Trablous", 34.43, 35.84, "PPLA", "LB", "09", 229398) +
            City(2210247, "Tripoli", "Tripoli", "Ṭarābulus,Tarabulus", 32.88, 13.18, "PPLC", "LY", "77", 1150989) +
            extra_city_rows);
  }
};

std::vector<Place> LookupAll(const Gazetteer& g, std::string_view name) {
  std::vector<Place> out;
  for (uint32_t i : g.Lookup(NormalizeName(name))) out.push_back(g.place(i));
  return out;
}

struct LookupCase {
  const char* name;
  PlaceKind kind;     // of the first candidate
  const char* country;
  const char* admin1;
  size_t candidates;
};

TEST(BuildGazetteer, RoundTrip) {
  Sources s(Filler(200) + "2000000\tBroken row\n");
  GazetteerBuildReport report;
  std::string out = s.dir.Path("gazetteer.bin");
  ASSERT_TRUE(BuildGazetteer(s.src, out, &report).ok());
  EXPECT_EQ(report.city_lines, 208u);
  EXPECT_EQ(report.cities, 207u);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], s.src.cities + ":208: expected 19 tab-separated GeoNames columns");
  EXPECT_EQ(report.regions, 4u);
  EXPECT_EQ(report.regions_linked, 4u);
  EXPECT_EQ(report.countries, 3u);
  EXPECT_EQ(report.supplement, 1u);
  ASSERT_EQ(report.warnings.size(), 1u);  // Kidal, linked by its nearest PPLA
  EXPECT_NE(report.warnings[0].find("nearest PPLA, Kidal"), std::string::npos) << report.warnings[0];

  Result<Gazetteer> g = Gazetteer::Load(out);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->size(), 207u + 4 + 3 + 1);

  const LookupCase cases[] = {
      {"Mopti", PlaceKind::kRegion, "MLI", "Mopti", 2},  // region before the city
      {"Région de Mopti", PlaceKind::kRegion, "MLI", "Mopti", 1},
      {"Mopti-Sévaré", PlaceKind::kPopulated, "MLI", "Mopti", 1},  // alternate name
      {"Sevare", PlaceKind::kPopulated, "MLI", "Mopti", 1},        // ascii name
      {"Segu", PlaceKind::kPopulated, "MLI", "Ségou", 1},
      {"Segou", PlaceKind::kRegion, "MLI", "Ségou", 2},
      {"Kidal", PlaceKind::kRegion, "MLI", "Kidal", 2},
      {"Maiduguri", PlaceKind::kPopulated, "NGA", "Borno", 1},
      {"Yerwa", PlaceKind::kPopulated, "NGA", "Borno", 1},
      {"Borno State", PlaceKind::kRegion, "NGA", "Borno", 1},
      {"Tripoli", PlaceKind::kPopulated, "LBY", "", 2},  // most populous first
      {"Ṭarābulus", PlaceKind::kPopulated, "LBY", "", 1},
      {"Mali", PlaceKind::kCountry, "MLI", "", 1},
      {"Republic of Mali", PlaceKind::kCountry, "MLI", "", 1},
      {"Boulkessy", PlaceKind::kPopulated, "MLI", "Mopti", 1},  // supplement, region respelled
      {"MZI", PlaceKind::kPopulated, "", "", 0},    // airport code: not a name
      {"12345", PlaceKind::kPopulated, "", "", 0},  // digits: not a name
      {"FRN", PlaceKind::kPopulated, "", "", 0},    // all-caps short country form
      {"Timbuktu", PlaceKind::kPopulated, "", "", 0},
  };
  for (const LookupCase& c : cases) {
    std::vector<Place> found = LookupAll(*g, c.name);
    ASSERT_EQ(found.size(), c.candidates) << c.name;
    if (found.empty()) continue;
    EXPECT_EQ(found[0].kind, c.kind) << c.name;
    EXPECT_EQ(found[0].country, c.country) << c.name;
    EXPECT_EQ(found[0].admin1, c.admin1) << c.name;
  }

  std::vector<Place> tripoli = LookupAll(*g, "tripoli");
  EXPECT_EQ(tripoli[0].geonames_id, 2210247);
  EXPECT_EQ(tripoli[1].country, "LBN");
  EXPECT_GT(tripoli[0].population, tripoli[1].population);
  Place mali = LookupAll(*g, "mali")[0];
  EXPECT_FLOAT_EQ(mali.lat, 12.65f);
  EXPECT_EQ(mali.population, 108456u + 40000 + 130690 + 25617);
  Place mopti_region = LookupAll(*g, "mopti")[0];
  EXPECT_EQ(mopti_region.population, 108456u + 40000);
  Place camp = LookupAll(*g, "boulkessi")[0];
  EXPECT_EQ(camp.geonames_id, 0);
  EXPECT_FLOAT_EQ(camp.lon, -1.77f);
}

TEST(BuildGazetteer, KnowledgeBaseErrorsStopTheBuildWithLineNumbers) {
  Sources s("", "griot-kb places 1\n"
                "Mbera | | MLI | | 15.6 | -5.7 | hamlet\n"
                "Inates | | NER | | 15.0 | 1.6 | village\n");
  GazetteerBuildReport report;
  std::string out = s.dir.Path("gazetteer.bin");
  Status st = BuildGazetteer(s.src, out, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "2 error(s) in the knowledge-base files; first: " + s.src.places +
                              ":2: kind must be village, camp, town or site");
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[1].rfind(s.src.places + ":3: ", 0), 0u) << report.errors[1];
  EXPECT_FALSE(fs::exists(out));
}

TEST(BuildGazetteer, RefusesAFileThatIsNotCities1000) {
  Sources s("not\ta\tgeonames\trow\n");  // 1 bad line of 8
  Status st = BuildGazetteer(s.src, s.dir.Path("gazetteer.bin"));
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("1 of 8 lines are not GeoNames cities rows"), std::string::npos)
      << st.message();
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Header fields used below: place_count at byte 20, key_count at 24
// (gazetteer_format.h).
uint32_t GetU32(const std::string& b, size_t at) {
  uint32_t v;
  std::memcpy(&v, b.data() + at, 4);
  return v;
}
void PutU32(std::string& b, size_t at, uint32_t v) { std::memcpy(b.data() + at, &v, 4); }
size_t PostingsOffset(const std::string& b) {
  return 48 + size_t{GetU32(b, 20)} * 32 + 2 * (size_t{GetU32(b, 24)} + 1) * 4;
}

struct CorruptCase {
  const char* what;
  std::function<void(std::string&)> damage;
  const char* error;
};

TEST(Gazetteer, CorruptFilesFailToLoadNamingThePath) {
  Sources s;
  std::string good_path = s.dir.Path("gazetteer.bin");
  ASSERT_TRUE(BuildGazetteer(s.src, good_path).ok());
  const std::string good = ReadBytes(good_path);
  const CorruptCase cases[] = {
      {"truncated", [](std::string& b) { b.resize(b.size() / 2); }, "truncated?"},
      {"header only", [](std::string& b) { b.resize(20); }, "shorter than its header"},
      {"empty", [](std::string& b) { b.clear(); }, "shorter than its header"},
      {"bad magic", [](std::string& b) { b[0] = 'X'; }, "bad magic number"},
      {"new version", [](std::string& b) { b[8] = 9; }, "format version 9"},
      {"bad count", [](std::string& b) { b[24] ^= 0x40; }, "section sizes do not add up"},
      {"posting out of range", [](std::string& b) { PutU32(b, PostingsOffset(b), 0xFFFFFFFF); },
       "posting beyond the place table"},
      {"key offsets", [](std::string& b) { PutU32(b, PostingsOffset(b) - 4, 0); }, "bad posting offsets"},
  };
  for (const CorruptCase& c : cases) {
    std::string bytes = good;
    c.damage(bytes);
    std::string path = s.dir.Write(std::string("corrupt-") + c.what + ".bin", bytes);
    Result<Gazetteer> g = Gazetteer::Load(path);
    ASSERT_FALSE(g.ok()) << c.what;
    EXPECT_EQ(g.status().message().rfind(path + ": not a valid gazetteer file", 0), 0u)
        << g.status().message();
    EXPECT_NE(g.status().message().find(c.error), std::string::npos) << g.status().message();
  }
  Result<Gazetteer> missing = Gazetteer::Load(s.dir.Path("missing.bin"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message().rfind(s.dir.Path("missing.bin") + ": cannot open", 0), 0u);
}

TEST(Gazetteer, EmptyGazetteerMissesEverything) {
  Gazetteer g;
  EXPECT_EQ(g.size(), 0u);
  EXPECT_TRUE(g.Lookup("mopti").empty());
}

// The real gazetteer, when the build has compiled it (scripts/fetch-gazetteer.sh).
TEST(Gazetteer, RealGeoNamesData) {
  const std::string path = GRIOT_DEFAULT_GAZETTEER;
  if (!fs::exists(path)) GTEST_SKIP() << path << " not built; run scripts/fetch-gazetteer.sh";
  Result<Gazetteer> g = Gazetteer::Load(path);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_GT(g->size(), 100000u);

  struct Case {
    const char* name;
    const char* country;  // of the first populated place
    const char* admin1;   // nullptr: not checked
  };
  const Case cases[] = {
      {"Mopti", "MLI", "Mopti"},     {"Maiduguri", "NGA", "Borno"}, {"Goma", "COD", nullptr},
      {"Tripoli", "LBY", nullptr},   {"Niamey", "NER", nullptr},    {"Tillabéri", "NER", nullptr},
      {"N'Djamena", "TCD", nullptr}, {"Ségou", "MLI", nullptr},
  };
  for (const Case& c : cases) {
    std::vector<Place> found = LookupAll(*g, c.name);
    auto city = std::find_if(found.begin(), found.end(),
                             [](const Place& p) { return p.kind == PlaceKind::kPopulated; });
    ASSERT_NE(city, found.end()) << c.name;
    EXPECT_EQ(city->country, c.country) << c.name;
    if (c.admin1 != nullptr && fs::exists(std::string(GRIOT_SOURCE_DIR) + "/kb/geo/regions.txt")) {
      EXPECT_EQ(city->admin1, std::string(c.admin1)) << c.name;
    }
  }
  std::vector<Place> tripoli = LookupAll(*g, "Tripoli");
  ASSERT_GE(tripoli.size(), 2u);
  EXPECT_EQ(tripoli[0].country, "LBY");  // the most populous, whatever its kind
  std::vector<Place> mali = LookupAll(*g, "Mali");
  ASSERT_FALSE(mali.empty());
  EXPECT_EQ(mali[0].kind, PlaceKind::kCountry);
  EXPECT_EQ(mali[0].country, "MLI");
}

}  // namespace
}  // namespace griot
