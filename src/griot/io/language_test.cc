#include "griot/io/language.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace griot {
namespace {

// Invented news paragraphs.
const char kEnglish[] =
    "Police fired tear gas at hundreds of protesters who had gathered outside the parliament "
    "building on Monday to demand the release of detained opposition leaders. Witnesses said at "
    "least twelve people were arrested, and the interior ministry later announced a ban on public "
    "gatherings in the capital until the end of the month.";
const char kFrench[] =
    "Le gouvernement a annonc\u00e9 mardi l'ouverture de discussions avec les syndicats "
    "d'enseignants, apr\u00e8s trois semaines de gr\u00e8ve dans les \u00e9coles publiques. Selon "
    "le "
    "ministre de l'\u00c9ducation, les n\u00e9gociations doivent reprendre jeudi \u00e0 Bamako en "
    "pr\u00e9sence de repr\u00e9sentants des parents d'\u00e9l\u00e8ves.";
const char kArabic[] =
    "\u0623\u0639\u0644\u0646\u062a \u0627\u0644\u062d\u0643\u0648\u0645\u0629 \u064a\u0648\u0645 "
    "\u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621 \u0639\u0646 \u062e\u0637\u0629 "
    "\u062c\u062f\u064a\u062f\u0629 \u0644\u0625\u0639\u0627\u062f\u0629 \u0628\u0646\u0627\u0621 "
    "\u0627\u0644\u0645\u062f\u0627\u0631\u0633 \u0641\u064a \u0634\u0645\u0627\u0644 "
    "\u0627\u0644\u0628\u0644\u0627\u062f \u0628\u0639\u062f \u0623\u0634\u0647\u0631 \u0645\u0646 "
    "\u0627\u0644\u0627\u0634\u062a\u0628\u0627\u0643\u0627\u062a. \u0648\u0642\u0627\u0644 "
    "\u0648\u0632\u064a\u0631 \u0627\u0644\u062a\u0639\u0644\u064a\u0645 \u0625\u0646 "
    "\u0627\u0644\u0645\u0634\u0631\u0648\u0639 \u0633\u064a\u0628\u062f\u0623 \u0641\u064a "
    "\u0627\u0644\u0634\u0647\u0631 \u0627\u0644\u0645\u0642\u0628\u0644 \u0628\u062f\u0639\u0645 "
    "\u0645\u0646 \u0627\u0644\u0645\u0646\u0638\u0645\u0627\u062a "
    "\u0627\u0644\u062f\u0648\u0644\u064a\u0629.";
const char kSpanish[] =
    "El ej\u00e9rcito anunci\u00f3 el martes que hab\u00eda recuperado el control de la carretera "
    "principal entre las dos ciudades, tras varios d\u00edas de enfrentamientos con grupos "
    "armados. Seg\u00fan fuentes locales, cientos de familias abandonaron sus hogares durante los "
    "combates.";
const char kPortuguese[] =
    "O governo anunciou na segunda-feira um acordo com os sindicatos dos professores, pondo fim a "
    "uma greve que durou quase um m\u00eas. Segundo o ministro da Educa\u00e7\u00e3o, as aulas "
    "ser\u00e3o retomadas na pr\u00f3xima semana em todas as escolas p\u00fablicas do pa\u00eds.";
const char kGerman[] =
    "Die Polizei hat am Mittwoch in der Hauptstadt mehrere Demonstranten festgenommen, die gegen "
    "die geplante Erh\u00f6hung der Benzinpreise protestierten. Nach Angaben der Beh\u00f6rden "
    "wurden bei den Zusammenst\u00f6\u00dfen zwei Beamte leicht verletzt.";

TEST(Language, IdentifiesParagraphs) {
  struct Case {
    const char* text;
    const char* code;
    bool code_as_english;
  };
  const Case cases[] = {
      {kEnglish, "en", true},  {kFrench, "fr", false},     {kArabic, "ar", false},
      {kSpanish, "es", false}, {kPortuguese, "pt", false}, {kGerman, "de", false},
  };
  for (const Case& c : cases) {
    const LanguageGuess g = IdentifyLanguage(c.text);
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
    EXPECT_GE(g.percent, 90) << c.text;
    EXPECT_EQ(ShouldCodeAsEnglish(g), c.code_as_english) << c.text;
  }
}

TEST(Language, DoubtfulTextIsCodedAsEnglish) {
  const std::string cases[] = {
      "",
      "Bamako, 12 May",
      "Amadou Toumani Toure",  // CLD2 alone: Haitian Creole, "reliable"
      "Moussa Faki Mahamat",   // CLD2 alone: Malay, "reliable"
      "12 345 678 -- 2024",
      "Ouagadougou, Niamey, Bamako, Nouakchott",
  };
  for (const std::string& text : cases) {
    const LanguageGuess g = IdentifyLanguage(text);
    EXPECT_TRUE(ShouldCodeAsEnglish(g)) << text << " -> " << g.code << " " << g.reliable;
  }
}

TEST(Language, Policy) {
  struct Case {
    LanguageGuess guess;
    bool code_as_english;
  };
  const Case cases[] = {
      {{"en", true, 98}, true},  {{"en", false, 60}, true}, {{"", false, 0}, true},
      {{"fr", false, 70}, true}, {{"fr", true, 97}, false}, {{"ar", true, 99}, false},
      {{"pt", true, 95}, false},
      // A reliable other-language summary over a text CLD2 still finds
      // largely English (lists of foreign place names) is coded.
      {{"pt", true, 0, 45}, true}, {{"pt", true, 60, 20}, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ShouldCodeAsEnglish(c.guess), c.code_as_english)
        << c.guess.code << " reliable=" << c.guess.reliable;
  }
}

TEST(Language, ReadsOnlyTheValidPrefixOfLongOrBrokenText) {
  std::string long_french;
  while (long_french.size() < (200 << 10)) long_french += std::string(kFrench) + " ";
  EXPECT_EQ(IdentifyLanguage(long_french).code, "fr");
  // Invalid UTF-8 after a German paragraph: the paragraph still counts.
  EXPECT_EQ(IdentifyLanguage(std::string(kGerman) + " \xFF\xFE garbage").code, "de");
  EXPECT_EQ(IdentifyLanguage("\xFF" + std::string(kGerman)).code, "");
}

TEST(Language, IsSafeOnSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> codes(8);
  for (size_t i = 0; i < codes.size(); ++i) {
    threads.emplace_back([&codes, i] {
      for (int k = 0; k < 50; ++k) codes[i] = IdentifyLanguage(i % 2 ? kFrench : kArabic).code;
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(codes[i], i % 2 ? "fr" : "ar");
}

}  // namespace
}  // namespace griot
