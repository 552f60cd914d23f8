// Table-driven tests of the analysis stages on the real English knowledge
// base: lemmas, verb-group voice and polarity, actor mentions, and roles.
#include "test_support.h"

namespace griot::testing {
namespace {

const Token* FindToken(const Document& doc, const std::string& surface) {
  for (const Token& t : doc.tokens) {
    if (doc.Slice(t.span) == surface) return &t;
  }
  return nullptr;
}

const Chunk* VerbGroupOf(const Document& doc, const std::string& surface) {
  for (const Sentence& s : doc.sentences) {
    for (const Chunk& c : s.chunks) {
      if (c.kind == ChunkKind::kVerbGroup && doc.Slice(doc.tokens[c.head].span) == surface) return &c;
    }
  }
  return nullptr;
}

TEST(Analysis, VerbsReachTheirLemmas) {
  struct Case {
    const char* text;
    const char* word;
    const char* lemma;
  } cases[] = {
      {"Police detained two men.", "detained", "detain"},
      {"The junta detains critics.", "detains", "detain"},
      {"Soldiers are detaining villagers.", "detaining", "detain"},
      {"Thousands fled the town.", "fled", "flee"},
      {"Gunmen seized the mayor.", "seized", "seize"},
      {"Rebels fought the army.", "fought", "fight"},
      {"Militants have taken hostages.", "taken", "take"},
  };
  for (const Case& c : cases) {
    Document doc = Code(c.text);
    const Token* t = FindToken(doc, c.word);
    ASSERT_NE(t, nullptr) << c.text;
    EXPECT_EQ(t->lemma, c.lemma) << c.text;
  }
}

TEST(Analysis, VerbGroupsKnowVoiceNegationAndModality) {
  struct Case {
    const char* text;
    const char* head;
    bool passive, negated, modal;
  } cases[] = {
      {"Ten soldiers were arrested by police.", "arrested", true, false, false},
      {"Journalists detained by the army were freed.", "detained", true, false, false},
      {"The army has not attacked the town.", "attacked", false, true, false},
      {"The rebels did not attack.", "attack", false, true, false},
      {"Niger will deploy troops.", "deploy", false, false, true},
      {"Police arrested ten protesters.", "arrested", false, false, false},
  };
  for (const Case& c : cases) {
    Document doc = Code(c.text);
    const Chunk* vg = VerbGroupOf(doc, c.head);
    ASSERT_NE(vg, nullptr) << c.text;
    EXPECT_EQ(vg->passive, c.passive) << c.text;
    EXPECT_EQ(vg->negated, c.negated) << c.text;
    EXPECT_EQ(vg->modal, c.modal) << c.text;
  }
}

TEST(Analysis, ActorMentionsCombineCountryAndSector) {
  struct Case {
    const char* text;
    const char* mention;
    const char* code;
    const char* sector;
  } cases[] = {
      {"Malian soldiers patrolled.", "Malian soldiers", "MLI", "MIL"},
      {"Mali's junta spoke.", "Mali's junta", "MLI", "GOV"},
      {"The army of Niger moved.", "army of Niger", "NER", "MIL"},
      {"UN peacekeepers left.", "UN peacekeepers", "IGO", "MIL"},
      {"Bamako accused Algiers.", "Algiers", "DZA", "GOV"},
      {"Burkina Faso spoke.", "Burkina Faso", "BFA", ""},
      {"Police spoke.", "Police", "", "COP"},
  };
  for (const Case& c : cases) {
    Document doc = Code(c.text);
    bool found = false;
    for (const Entity& e : doc.sentences[0].entities) {
      ByteSpan b{doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
      if (doc.Slice(b) == c.mention) {
        found = true;
        EXPECT_EQ(e.code, c.code) << c.text;
        EXPECT_EQ(e.sector, c.sector) << c.text;
      }
    }
    EXPECT_TRUE(found) << c.text << ": no mention '" << c.mention << "'";
  }
}

// Event-level roles for the constructions the coder must get right.
TEST(Analysis, RolesFollowSyntax) {
  struct Case {
    const char* text;
    const char* type;
    const char* actor;      // first actor code:sector, "" = none
    const char* recipient;  // first recipient code:sector, "" = none
  } cases[] = {
      // passive with "by": roles swap
      {"Dozens of protesters were arrested by Malian police.", "COERCE", "MLI:COP", ":CVL"},
      // reported speech: the speaker is not the doer
      {"The army said jihadists attacked a convoy.", "ASSAULT", ":REB", ""},
      // relative clause: the antecedent acts
      {"Soldiers who attacked the village were arrested.", "ASSAULT", ":MIL", ""},
      // coordinated predicate shares its subject
      {"Police arrested ten journalists and later released them.", "RETREAT", ":COP", ""},
      // a verb after "but" shares the subject of the clause before
      {"Niger opened its border but refused entry to Malian soldiers.", "COERCE", "NER:", ""},
      // nominal event with "of" and "by"
      {"Amnesty International condemned the arrest of 30 soldiers by the junta.", "ACCUSE", "NGO:HRI", ":GOV"},
  };
  for (const Case& c : cases) {
    Document doc = Code(c.text);
    const Event* ev = nullptr;
    for (const Event& e : doc.events) {
      if (e.event == c.type && !ev) ev = &e;
    }
    ASSERT_NE(ev, nullptr) << c.text;
    std::string actor = ev->actor.empty() ? "" : ev->actor[0].code + ":" + ev->actor[0].sector;
    EXPECT_EQ(actor, c.actor) << c.text;
    if (*c.recipient) {
      std::string rec =
          ev->recipient.empty() ? "" : ev->recipient[0].code + ":" + ev->recipient[0].sector;
      EXPECT_EQ(rec, c.recipient) << c.text;
    }
  }
}

TEST(Analysis, CompoundActorsGiveOneEvent) {
  Document doc = Code("Mali, Burkina Faso and Niger agreed to form a joint force.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].event, "AGREE");
  ASSERT_EQ(doc.events[0].actor.size(), 3u);
  EXPECT_EQ(doc.events[0].actor[0].code, "MLI");
  EXPECT_EQ(doc.events[0].actor[1].code, "BFA");
  EXPECT_EQ(doc.events[0].actor[2].code, "NER");
}

TEST(Analysis, GoverningVerbsSubsumeTheirComplement) {
  Document doc = Code("The junta threatened to arrest opposition leaders.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].event, "THREATEN");
  doc = Code("ECOWAS called for the release of the detained journalists.");
  ASSERT_EQ(doc.events.size(), 1u);
  EXPECT_EQ(doc.events[0].event, "REQUEST");
}

// People resolve by the document's date: the role in force then.
TEST(Analysis, PeopleResolveByDocumentDate) {
  Pipeline pipeline(&Kb(), AllEvents());
  auto actor_of = [&](const std::string& text, const std::string& date) {
    Document doc;
    doc.id = "d";
    doc.date = date;
    doc.text = text;
    EXPECT_TRUE(pipeline.Code(doc).ok());
    for (const Entity& e : doc.sentences[0].entities) {
      if (!e.name.empty() && e.source.find("people.txt") != std::string::npos) {
        return e.code + ":" + e.sector + ":" + e.name;
      }
    }
    return std::string("none");
  };
  EXPECT_EQ(actor_of("Ibrahim Boubacar Keita met the envoy.", "2019-03-01"),
            "MLI:GOV:Ibrahim Boubacar Keïta");
  EXPECT_EQ(actor_of("Assimi Goita met the envoy.", "2023-06-01"), "MLI:GOV:Assimi Goïta");
  // Relatives of one country share a surname; the date picks the holder,
  // and a title joins the person it names.
  EXPECT_EQ(actor_of("President Bush met the envoy.", "1990-06-01"), "USA:GOV:George H. W. Bush");
  EXPECT_EQ(actor_of("President Bush met the envoy.", "2005-06-01"), "USA:GOV:George W. Bush");
  EXPECT_EQ(actor_of("Assad met the envoy.", "1995-06-01"), "SYR:GOV:Hafez al-Assad");
  EXPECT_EQ(actor_of("Assad met the envoy.", "2012-06-01"), "SYR:GOV:Bashar al-Assad");
  // Defunct states and their leaders code as their successors.
  EXPECT_EQ(actor_of("Mikhail Gorbachev met the envoy.", "1988-06-01"), "RUS:GOV:Mikhail Gorbachev");
  // Unknown names stay actors with their text and no code.
  Document doc = Code("Zorblat Quenty condemned the arrest of journalists.");
  ASSERT_FALSE(doc.events.empty());
  EXPECT_EQ(doc.events[0].actor[0].text, "Zorblat Quenty");
  EXPECT_EQ(doc.events[0].actor[0].code, "");
}

// A surname alone later in the document is the person named in full before.
TEST(Analysis, SurnamesFollowTheFullName) {
  Document doc = Code("Chad's President Mahamat Idriss Déby met rebel leaders. Déby later accused "
                      "Sudan of arming them.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  bool found = false;
  for (const Event& e : doc.events) {
    if (e.event == "ACCUSE") {
      ASSERT_FALSE(e.actor.empty());
      EXPECT_EQ(e.actor[0].code, "TCD");
      EXPECT_EQ(e.actor[0].sector, "GOV");
      EXPECT_EQ(e.actor[0].name, "Mahamat Idriss Déby");
      found = true;
    }
  }
  EXPECT_TRUE(found);
  // An unknown full name links its later surname too.
  doc = Code("Zorblat Quenty led the march. Police later arrested Quenty.");
  for (const Event& e : doc.events) {
    if (e.event == "COERCE") {
      ASSERT_FALSE(e.recipient.empty());
      EXPECT_EQ(e.recipient[0].text, "Quenty");
    }
  }
}

TEST(Analysis, NoPoliticalActorNoEvent) {
  for (const char* text : {"Floods killed 40 people in northern Nigeria.",
                           "An earthquake destroyed hundreds of homes.",
                           "A cholera outbreak has killed 12 people.",
                           "Health workers warned of a measles outbreak in the camps.",
                           "Nigeria beat Ghana 2-1 in a World Cup qualifier.",
                           "A man was arrested for stealing a car in Lagos.",
                           "Two women were stabbed in a market on Monday."}) {
    Document doc = Code(text);
    EXPECT_TRUE(doc.events.empty()) << text << " gave " << doc.events[0].event;
  }
}

}  // namespace
}  // namespace griot::testing
