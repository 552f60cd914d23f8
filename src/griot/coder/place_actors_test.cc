// AttachPlaceCountries alone: which actors of an attack in Gao (Mali) take
// Mali's code, and which are marked as from elsewhere by the outsider stems
// of actor_words.txt.
#include "griot/coder/place_actors.h"

#include "test_support.h"

namespace griot::testing {
namespace {

// The code the actor `actor` of an attack reported in `text` ends up with,
// the event being placed in Gao by its own sentence.
std::string ActorCode(const std::string& text, const std::string& actor) {
  Document doc;
  doc.text = text;
  Event e;
  e.event = "ASSAULT";
  e.quad = 4;
  e.location.name = "Gao";
  e.location.country = "MLI";
  e.location.reason = "clause: population; cue: 'in'";
  EventArgument a;
  a.text = actor;
  a.sector = "MIL";
  size_t at = text.find(actor);
  EXPECT_NE(at, std::string::npos) << actor;
  a.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + actor.size())};
  e.actor.push_back(a);
  doc.events.push_back(e);
  AttachPlaceCountries(Kb().ontology(), Kb().actor_words(), doc, false);
  return doc.events[0].actor[0].code;
}

TEST(PlaceActors, OutsidersKeepNoCode) {
  struct Case {
    const char* text;
    const char* actor;
    const char* code;
  } cases[] = {
      {"Troops killed civilians in Gao.", "Troops", "MLI"},
      {"The police killed civilians in Gao.", "police", "MLI"},
      // An outsider stem in the actor's words or just before them.
      {"Foreign troops killed civilians in Gao.", "troops", ""},
      {"The foreign troops killed civilians in Gao.", "foreign troops", ""},
      {"International monitors were attacked in Gao.", "International monitors", ""},
      {"Western diplomats were attacked in Gao.", "diplomats", ""},
      {"Overseas workers were attacked in Gao.", "workers", ""},
      {"Expatriate workers were attacked in Gao.", "workers", ""},
      // Stems match inside words.
      {"Armed foreigners attacked Gao.", "Armed foreigners", ""},
      {"Northwestern police killed civilians in Gao.", "police", ""},
      // A home office is no outsider, but only its first mention is exempt.
      {"Foreign Minister Abdoulaye Diop ordered troops to Gao.", "Foreign Minister Abdoulaye Diop",
       "MLI"},
      {"The foreign affairs ministry closed the border at Gao.", "foreign affairs ministry", "MLI"},
      {"The foreign minister and foreign troops attacked Gao.",
       "foreign minister and foreign troops", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(ActorCode(c.text, c.actor), c.code) << c.text;
}

}  // namespace
}  // namespace griot::testing
