// The entity matcher alone, on the repository's knowledge base: which actor
// mentions a sentence yields, every one of them, before the resolver fills
// in countries the text only implies.
#include "griot/coder/entity_matcher.h"

#include "test_support.h"

namespace griot::testing {
namespace {

// The mentions of `text` as "words=CODE:SECTOR", in order.
std::vector<std::string> Mentions(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.date = "2025-05-15";
  Status st = Kb().front_end().Analyze(doc);
  EXPECT_TRUE(st.ok()) << st.message();
  EntityMatcher(&Kb().actors(), &Kb().actor_words()).Match(doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) {
    for (const Entity& e : s.entities) {
      ByteSpan words{doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
      out.push_back(std::string(doc.Slice(words)) + "=" + e.code + ":" + e.sector);
    }
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> mentions;
};

void ExpectMentions(const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Mentions(c.text), c.mentions) << c.text;
}

// An uncoded agent followed by an allegiance phrase (actor_words.txt) takes
// the code of the actor it serves.
TEST(EntityMatcher, AgentTakesTheCodeOfWhomItServes) {
  ExpectMentions({
      {"Fighters allied with the RSF attacked El Fasher.",
       {"Fighters=SDN:REB", "RSF=SDN:REB", "El Fasher=:"}},
      {"Fighters allied to the RSF attacked El Fasher.",
       {"Fighters=SDN:REB", "RSF=SDN:REB", "El Fasher=:"}},
      {"Militants linked to al-Qaeda attacked a base.", {"Militants=IMG:REB", "al-Qaeda=IMG:REB"}},
      {"Militants affiliated with al-Qaeda attacked a base.",
       {"Militants=IMG:REB", "al-Qaeda=IMG:REB"}},
      {"Militants loyal to Abu Musab al-Zarqawi bombed a market.",
       {"Militants=IRQ:REB", "Abu Musab al-Zarqawi=IRQ:REB"}},
      // Not allegiance phrases: the agent keeps no code of its own.
      {"Militants loyal with al-Qaeda attacked a base.", {"Militants=:REB", "al-Qaeda=IMG:REB"}},
      {"Militants close to al-Qaeda attacked a base.", {"Militants=:REB", "al-Qaeda=IMG:REB"}},
  });
}

// Lower-case words inside a multiword name must be connectors
// (actor_words.txt); any other breaks the name.
TEST(EntityMatcher, NameConnectors) {
  ExpectMentions({
      {"Russia Today reported the attack.", {"Russia Today=RUS:MED"}},
      {"Russia today condemned the attack.", {"Russia=RUS:"}},
      {"The Islamic State in the Greater Sahara attacked soldiers.",
       {"Islamic State in the Greater Sahara=IMG:REB", "soldiers=:MIL"}},
      {"Osama bin Laden threatened the United States.",
       {"Osama bin Laden=IMG:REB", "United States=USA:"}},
      {"Côte d'Ivoire police arrested protesters.",
       {"Côte d'Ivoire police=CIV:COP", "protesters=:CVL"}},
  });
}

// How neighbouring mentions combine, by lexicon flags rather than words.
TEST(EntityMatcher, NeighboursCombine) {
  ExpectMentions({
      // genitive: "the army of Niger" is Niger's army.
      {"The army of Niger attacked jihadists.", {"army of Niger=NER:MIL", "jihadists=:REB"}},
      {"The army from Niger attacked jihadists.", {"army=:MIL", "Niger=NER:", "jihadists=:REB"}},
      // conjunctive: "and" shares the troops, "or" does not.
      {"Malian and Nigerien troops attacked the village.",
       {"Malian=MLI:MIL", "Nigerien troops=NER:MIL"}},
      {"Malian or Nigerien troops attacked the village.",
       {"Malian=MLI:", "Nigerien troops=NER:MIL"}},
      // A single-word people joins the name after it; a plural does not.
      {"Iraqi Kurds protested in Erbil.", {"Iraqi Kurds=IRQ:", "Erbil=:"}},
      {"Iraqis Ahmed and Ali protested.", {"Iraqis=IRQ:", "Ahmed=:", "Ali=:"}},
  });
}

}  // namespace
}  // namespace griot::testing
