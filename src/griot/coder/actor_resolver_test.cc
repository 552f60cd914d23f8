// The actor resolver after the entity matcher, on the repository's
// knowledge base: which country a mention that names only a sector or an
// unknown office holder ends up with.
#include "griot/coder/actor_resolver.h"

#include "griot/coder/entity_matcher.h"
#include "test_support.h"

namespace griot::testing {
namespace {

// The first mention of `text` after resolution, as "words=CODE:SECTOR".
std::string FirstActor(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.date = "2025-05-15";
  Status st = Kb().front_end().Analyze(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  EntityMatcher(&Kb().actors(), &Kb().actor_words()).Match(doc);
  ActorResolver().Resolve(doc);
  if (doc.sentences.empty() || doc.sentences[0].entities.empty()) return "none";
  const Entity& e = doc.sentences[0].entities[0];
  ByteSpan words{doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
  return std::string(doc.Slice(words)) + "=" + e.code + ":" + e.sector;
}

struct Case {
  const char* text;
  const char* first_actor;
};

// "in X" (lexicon flag containment) names the country of the sentence's
// first actor; other locatives only place the event, and with a second
// country in play the actor stays uncoded.
TEST(ActorResolver, ContainmentNamesTheActorsCountry) {
  const Case cases[] = {
      {"Police in Kenya arrested Ugandan protesters.", "Police=KEN:COP"},
      {"Police near Kenya arrested Ugandan protesters.", "Police=:COP"},
      {"Police at Kenya arrested Ugandan protesters.", "Police=:COP"},
  };
  for (const Case& c : cases) EXPECT_EQ(FirstActor(c.text), c.first_actor) << c.text;
}

// A named office holder belongs to the one country the sentence names,
// unless that country is the target of the act (lexicon flag target).
TEST(ActorResolver, TargetCountryIsNotTheOfficeHolders) {
  const Case cases[] = {
      {"President John Smithson has banned Ugandan opposition candidates.",
       "President John Smithson=UGA:GOV"},
      {"President John Smithson criticised Uganda.", "President John Smithson=UGA:GOV"},
      {"President John Smithson threatened action against Uganda.", "President John Smithson=:GOV"},
      {"President John Smithson held talks with Uganda.", "President John Smithson=:GOV"},
      {"President John Smithson imposed sanctions on Uganda.", "President John Smithson=:GOV"},
      {"President John Smithson sent envoys to Uganda.", "President John Smithson=:GOV"},
      {"President John Smithson moved troops towards Uganda.", "President John Smithson=:GOV"},
  };
  for (const Case& c : cases) EXPECT_EQ(FirstActor(c.text), c.first_actor) << c.text;
}

}  // namespace
}  // namespace griot::testing
