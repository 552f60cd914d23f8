// Place nouns around a name, on the real gazetteer (skipped when the build
// has none). Mopti is both a town and a region of Mali: the words around it
// decide which one an event is placed in.
#include "griot/geo/geolocator.h"

#include "test_support.h"

namespace griot::testing {
namespace {

// "name precision country" of the last event's location in `text`.
std::string PlaceOf(const std::string& text) {
  Document doc;
  doc.id = "g";
  doc.date = "2025-05-15";
  doc.text = text;
  Status st = Pipeline(&Kb()).Code(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  if (doc.events.empty()) return "no event";
  const Location& l = doc.events.back().location;
  return l.name + " " + l.precision + " " + l.country;
}

// Region nouns (lexicon flags region and region-after) prefer the region of
// that name; other place nouns and a bare name leave the town.
TEST(Geolocator, RegionNounsChooseTheRegion) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  struct Case {
    const char* text;
    const char* place;
  } cases[] = {
      {"Gunmen killed ten villagers in Mopti.", "Mopti place MLI"},
      {"Gunmen killed ten villagers in the town of Mopti.", "Mopti place MLI"},
      // region: before or after the name.
      {"Gunmen killed ten villagers in the Mopti region.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in the region of Mopti.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in the province of Mopti.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in Mopti state.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in the state of Mopti.", "Mopti admin1 MLI"},
      // region-after: only after the name.
      {"Gunmen killed ten villagers in Mopti department.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in Mopti oblast.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in Mopti governorate.", "Mopti admin1 MLI"},
      {"Gunmen killed ten villagers in the department of Mopti.", "Mopti place MLI"},
      {"Gunmen killed ten villagers in the governorate of Mopti.", "Mopti place MLI"},
  };
  for (const auto& c : cases) EXPECT_EQ(PlaceOf(c.text), c.place) << c.text;
}

// "of" (lexicon flag genitive) after a region noun names its country:
// without it the most populous Centre region (Cameroon's) wins.
TEST(Geolocator, CountryAfterRegionNounQualifiesIt) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  EXPECT_EQ(PlaceOf("Gunmen attacked a checkpoint in the Centre region."), "Centre admin1 CMR");
  EXPECT_EQ(PlaceOf("Gunmen attacked a checkpoint in the Centre region of Burkina Faso."),
            "Centre admin1 BFA");
}

}  // namespace
}  // namespace griot::testing
