// Place names and event locations on the real gazetteer (skipped when the
// build has none): cues, qualifiers, focal country, and what is never a place.
#include "test_support.h"

namespace griot::testing {
namespace {

Location LocationOf(const std::string& text, const std::string& date = "2025-05-15") {
  Pipeline pipeline(&Kb(), AllEvents());
  Document doc;
  doc.id = "g";
  doc.date = date;
  doc.text = text;
  EXPECT_TRUE(pipeline.Code(doc).ok());
  if (doc.events.empty()) {
    ADD_FAILURE() << "no event in: " << text;
    return {};
  }
  return doc.events.back().location;
}

TEST(Geo, PlacesResolveByCueQualifierFocusAndPopulation) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  struct Case {
    const char* text;
    const char* country;
    const char* name;       // "" = not checked
    const char* precision;
  } cases[] = {
      {"Jihadists attacked an army post near Mopti.", "MLI", "Mopti", "place"},
      {"Gunmen killed ten villagers in the Tillaberi region.", "NER", "Tillabéri", "admin1"},
      {"Nigerian troops killed seven fighters in Borno state.", "NGA", "Borno", "admin1"},
      {"Soldiers killed five rebels in central Mali.", "MLI", "", "country"},
      // Two Tripolis: the Lebanese qualifier decides.
      {"Gunmen attacked a checkpoint in the Lebanese city of Tripoli.", "LBN", "Tripoli", "place"},
      // Two Tripolis: the document's focus decides.
      {"Lebanese soldiers clashed with militants. Gunmen attacked a checkpoint in Tripoli.", "LBN",
       "Tripoli", "place"},
      // A supplement village missing from cities1000.
      {"Soldiers killed civilians in the village of Moura in central Mali.", "MLI", "Moura", "place"},
      // No place in the text: the document's focus, at country precision.
      {"Malian soldiers arrested two journalists.", "MLI", "", "country"},
  };
  for (const Case& c : cases) {
    Location l = LocationOf(c.text);
    EXPECT_EQ(l.country, c.country) << c.text << " -> " << l.name << " (" << l.reason << ")";
    if (*c.name) {
      EXPECT_EQ(l.name, c.name) << c.text << " (" << l.reason << ")";
    }
    EXPECT_EQ(l.precision, c.precision) << c.text << " (" << l.reason << ")";
    EXPECT_FALSE(l.reason.empty()) << c.text;
  }
}

TEST(Geo, PeopleOrganizationsAndDemonymsAreNotPlaces) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  // "Niger" in an organization's name and a demonym give no place of their
  // own; the event falls back to the document's country.
  Location l = LocationOf("The Niger Delta Avengers attacked a pipeline.");
  EXPECT_NE(l.precision, "place") << l.name << " (" << l.reason << ")";
  l = LocationOf("Kenyan police arrested protesters.");
  EXPECT_EQ(l.country, "KEN");
  EXPECT_EQ(l.precision, "country") << l.name << " (" << l.reason << ")";
  // A capitalized name with no place cue is not taken for a place.
  l = LocationOf("President Bazoum was detained by soldiers.");
  EXPECT_NE(l.precision, "place") << l.name << " (" << l.reason << ")";
}

}  // namespace
}  // namespace griot::testing
