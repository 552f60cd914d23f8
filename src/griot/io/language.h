// Language: which language a text is in, and whether griot codes it.
//
//   LanguageGuess g = IdentifyLanguage(doc.text);     // CLD2, e.g. {"fr", true, 97}
//   if (!ShouldCodeAsEnglish(g)) Skip(doc, "language " + g.code);
//
// Why: griot's dictionaries are English, and coding a French or Arabic story
// with them yields noise events rather than none. But a language guess on a
// headline, a dateline or a list of names is a coin toss, so only a
// *reliable* non-English guess skips a document; anything doubtful is coded.
#pragma once

#include <string>
#include <string_view>

namespace griot {

struct LanguageGuess {
  std::string code;       // ISO 639-1 such as "en", "fr", "ar"; "" when unknown
  bool reliable = false;  // CLD2's verdict (clear margin), on at least ~30 letters
  int percent = 0;        // share of the text in that language, 0..100
  int english_percent = 0;  // share CLD2 gives English among its top three, 0..100
};

// CLD2 on plain UTF-8 text; only the first 64 KB are read. Invalid UTF-8
// (which CLD2 refuses) is read up to the first bad byte. Thread-safe.
LanguageGuess IdentifyLanguage(std::string_view utf8_text);

// True for English, and for unknown or unreliable guesses (short text,
// names, numbers); false only for a reliable guess of another language.
bool ShouldCodeAsEnglish(const LanguageGuess& g);

}  // namespace griot
