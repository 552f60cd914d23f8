#include "griot/analysis/world_map.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "griot/analysis/topojson.h"
#include "griot/analysis/world_map_fixture.h"

namespace griot {
namespace {

const CountryNumbers& Numbers() {
  static const CountryNumbers numbers = [] {
    Result<CountryNumbers> loaded = CountryNumbers::Load(CountryNumbers::DefaultPath());
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(*loaded) : CountryNumbers();
  }();
  return numbers;
}

WorldMap TinyMap() {
  Result<WorldMap> map = WorldMap::Parse(testing::kTinyTopology, "tiny.json", Numbers());
  EXPECT_TRUE(map.ok()) << map.status().message();
  return map.ok() ? std::move(*map) : WorldMap();
}

struct Circle {
  double x, y;
};

std::vector<Circle> Circles(const std::string& svg) {
  std::vector<Circle> out;
  static const std::regex re("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"[0-9.]+\" fill=\"#[0-9a-f]+\"><title>");
  for (std::sregex_iterator it(svg.begin(), svg.end(), re), end; it != end; ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
  }
  return out;
}

std::string Expect(const Ring& ring) {
  std::string s;
  for (const LonLat& p : ring) s += "(" + std::to_string(int(p.lon)) + "," + std::to_string(int(p.lat)) + ")";
  return s;
}

TEST(WorldMapTopoJson, DecodesDeltasTransformAndReversedArcs) {
  Result<std::vector<TopoFeature>> f = DecodeTopoJson(testing::kTinyTopology, "countries", "t");
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->size(), 3u);  // the Point and the null geometry are skipped
  EXPECT_EQ((*f)[0].id, "466");
  EXPECT_EQ((*f)[0].name, "Mali");
  ASSERT_EQ((*f)[0].polygons.size(), 1u);
  EXPECT_EQ(Expect((*f)[0].polygons[0][0]), "(10,20)(11,20)(11,21)(10,21)(10,20)");
  EXPECT_EQ(Expect((*f)[1].polygons[0][0]), "(10,20)(10,21)(9,21)(9,20)(10,20)");  // ~1 then 2
  EXPECT_EQ((*f)[2].id, "");
  EXPECT_EQ((*f)[2].name, "Kosovo");
}

TEST(WorldMapTopoJson, ErrorsNameTheFile) {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not valid JSON"},
      {R"({"type": "Topology", "arcs": [], "objects": {}})", "no object 'countries'"},
      {R"({"type": "Topology", "arcs": [[[0,0],[1,1]]], "objects": {"countries": {"geometries":
          [{"type": "Polygon", "arcs": [[5]]}]}}})", "arc index 5 out of range"},
      {R"({"type": "Topology", "arcs": [[[0,0],"x"]], "objects": {}})", "malformed position"},
      {R"({"type": "FeatureCollection"})", "not a TopoJSON topology"},
  };
  for (const auto& [json, error] : cases) {
    Result<std::vector<TopoFeature>> f = DecodeTopoJson(json, "countries", "bad.json");
    ASSERT_FALSE(f.ok()) << json;
    EXPECT_NE(f.status().message().find("bad.json: "), std::string::npos) << f.status().message();
    EXPECT_NE(f.status().message().find(error), std::string::npos) << f.status().message();
  }
}

TEST(WorldMap, KeysShapesByIso3) {
  WorldMap map = TinyMap();
  EXPECT_TRUE(map.Has("MLI"));
  EXPECT_TRUE(map.Has("NER"));
  EXPECT_TRUE(map.Has("XKX"));  // no id: keyed by name
  EXPECT_FALSE(map.Has("AFG"));  // a Point is no shape
  std::optional<GeoBox> box = map.FocusBox("MLI");
  ASSERT_TRUE(box);
  EXPECT_DOUBLE_EQ(box->west, 10);
  EXPECT_DOUBLE_EQ(box->east, 11);
  EXPECT_DOUBLE_EQ(box->south, 20);
  EXPECT_DOUBLE_EQ(box->north, 21);
}

TEST(WorldMap, MapHasTheCountryAndItsPointsInsideTheView) {
  const std::vector<BriefPoint> points = {
      {"Inside", 20.5, 10.5, 9, 4}, {"<script>x</script>", 20.2, 10.2, 1, 1},
      {"Far away", -33.9, 151.2, 3, 3}};
  const std::string svg = TinyMap().RenderCountryMapSvg("MLI", points, 400, 300);
  EXPECT_NE(svg.find("class=\"focus\""), std::string::npos);
  EXPECT_NE(svg.find("<title>Mali</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Niger</title>"), std::string::npos);  // the neighbour, in grey
  std::vector<Circle> circles = Circles(svg);
  ASSERT_EQ(circles.size(), 2u) << svg;  // the far point is dropped, not clamped
  for (const Circle& c : circles) {
    EXPECT_GE(c.x, 0);
    EXPECT_LE(c.x, 400);
    EXPECT_GE(c.y, 0);
    EXPECT_LE(c.y, 300);
  }
  EXPECT_NE(svg.find("1 place lies outside this map"), std::string::npos);
  EXPECT_EQ(svg.find("<script>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;x&lt;/script&gt;: 1 event"), std::string::npos);
  EXPECT_NE(svg.find("material conflict"), std::string::npos);  // the legend
}

TEST(WorldMap, UnknownCountryGivesANoteNotACrash) {
  WorldMap map = TinyMap();
  EXPECT_NE(map.RenderCountryMapSvg("ZZZ", {}, 400, 300).find("no shape for ZZZ"), std::string::npos);
  EXPECT_NE(map.RenderCountryMapSvg("<b>", {}, 400, 300).find("no shape for &lt;b&gt;"),
            std::string::npos);
  WorldMap empty;
  EXPECT_NE(empty.RenderCountryMapSvg("MLI", {}, 0, 0).find("no shape for MLI"), std::string::npos);
}

// The real data: scripts/fetch-world-atlas.sh.
class WorldMapAtlas : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(WorldMap::DefaultPath())) return;
    Result<WorldMap> loaded = WorldMap::Load(WorldMap::DefaultPath(), Numbers());
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    map_ = new WorldMap(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete map_;
    map_ = nullptr;
  }
  void SetUp() override {
    if (map_ == nullptr) GTEST_SKIP() << WorldMap::DefaultPath() << " missing; run scripts/fetch-world-atlas.sh";
  }
  static WorldMap* map_;
};
WorldMap* WorldMapAtlas::map_ = nullptr;

// How long loading takes is bench/store.sh's business, not a test's: a
// sanitizer build on a busy machine is many times slower.
TEST_F(WorldMapAtlas, LoadsEveryCountry) {
  EXPECT_GE(map_->size(), 235u);
  for (const char* iso3 : {"MLI", "NER", "NGA", "RUS", "FJI", "USA", "FRA", "XKX", "SOM", "IDN", "PSE"}) {
    EXPECT_TRUE(map_->Has(iso3)) << iso3;
  }
}

TEST_F(WorldMapAtlas, FocusIsTheMainTerritory) {
  struct Case {
    const char* iso3;
    double west_min, east_max, south_min, north_max;  // the box must lie within these
  } cases[] = {
      {"MLI", -13, 5, 10, 25.5},
      {"FRA", -6, 10, 41, 52},     // metropolitan France and Corsica, not French Guiana
      {"USA", -126, -66, 24, 50},  // the contiguous states: Alaska and Hawaii are far
      {"RUS", 19, 191, 41, 82},    // Kaliningrad to Chukotka, across the antimeridian
      {"FJI", 176, 182, -20, -15},
      {"NOR", 4, 34, 57, 82},
  };
  for (const Case& c : cases) {
    std::optional<GeoBox> b = map_->FocusBox(c.iso3);
    ASSERT_TRUE(b) << c.iso3;
    EXPECT_GE(b->west, c.west_min) << c.iso3;
    EXPECT_LE(b->east, c.east_max) << c.iso3;
    EXPECT_GE(b->south, c.south_min) << c.iso3;
    EXPECT_LE(b->north, c.north_max) << c.iso3;
  }
  EXPECT_GT(map_->FocusBox("RUS")->east, 185);  // Chukotka's tip came along
  EXPECT_GT(map_->FocusBox("IDN")->east, 140);  // Papua, through the islands between
}

TEST_F(WorldMapAtlas, MaliMap) {
  const std::vector<BriefPoint> points = {{"Bamako", 12.65, -8.0, 40, 4}, {"Gao", 16.27, -0.04, 12, 3},
                                          {"Paris", 48.86, 2.35, 2, 1}};
  const std::string svg = map_->RenderCountryMapSvg("MLI", points, 900, 560);
  EXPECT_NE(svg.find("<title>Mali</title>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Niger</title>"), std::string::npos);
  EXPECT_EQ(Circles(svg).size(), 2u);
  EXPECT_NE(svg.find("1 place lies outside"), std::string::npos);
  EXPECT_LT(svg.size(), 200000u) << "thinning and clipping keep the page small";
  std::cout << "MLI map: " << svg.size() << " bytes\n";
}

TEST_F(WorldMapAtlas, EveryCountryRenders) {
  for (const char* iso3 : {"RUS", "USA", "FJI", "KIR", "VAT", "MCO", "ATA", "NZL", "CAN", "SOM"}) {
    const std::string svg = map_->RenderCountryMapSvg(iso3, {}, 600, 400);
    EXPECT_NE(svg.find("class=\"focus\""), std::string::npos) << iso3;
    EXPECT_EQ(svg.find("nan"), std::string::npos) << iso3;
  }
}

}  // namespace
}  // namespace griot
