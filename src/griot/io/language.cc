// Language design: CLD2 behind a small value type, plus two corrections.
//
// CLD2 is stateless after its tables load (static, read-only), so this file
// keeps no state of its own and is safe on any number of threads. It needs
// valid UTF-8, so input is cut at the first invalid byte, and at 64 KB
// (on a code point boundary): a news story's language shows in its first
// paragraphs, and CLD2's cost grows with the text.
//
// Corrections: CLD2 judges two or three proper names "reliable" in some
// language ("Amadou Toumani Toure" -> Haitian Creole, 95%; "Moussa Faki
// Mahamat" -> Malay), so a guess on fewer than kMinReliableBytes of letters
// is never reliable. And CLD2's few legacy codes become ISO 639-1.
#include "griot/io/language.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <string>

// After <cstdio>: this header uses FILE without including it.
#include <cld2/public/compact_lang_det.h>

#include "griot/text/normalizer.h"

namespace griot {
namespace {

constexpr size_t kMaxBytes = size_t{64} << 10;
// Letters CLD2 scored (its text_bytes). Name lists that CLD2 called reliable
// reached 26 ("Mahamat Idriss Deby Itno" -> Malay); short real sentences
// ("Les manifestants ont bloqué la route.", 39) pass 30.
constexpr int kMinReliableBytes = 30;

// Valid UTF-8 prefix of at most kMaxBytes.
std::string_view Prefix(std::string_view text) {
  size_t cut = std::min(text.size(), kMaxBytes);
  while (cut > 0 && cut < text.size() && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
  text = text.substr(0, cut);
  return text.substr(0, FindInvalidUtf8(text));
}

std::string IsoCode(CLD2::Language lang) {
  const std::string_view code = CLD2::LanguageCode(lang);
  if (code == "un" || code == "xxx" || code.starts_with("xx-") || code.empty()) return "";
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "zh-Hant") return "zh";
  if (code == "sr-ME") return "sr";
  return std::string(code);
}

// English news is most of what griot reads, and CLD2 costs as much as half
// the coding itself on a full story. Running English prose is recognisable
// by its function words alone: when they make up a good share of the first
// words, the text is English and CLD2 is not asked. Anything else (other
// languages, lists of names, short snippets) goes to CLD2.
bool PlainlyEnglish(std::string_view text) {
  static constexpr std::string_view kFunctionWords[] = {
      "the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with",
      "by", "as", "at", "from", "has", "have", "said", "it", "its", "were", "be", "an"};
  int words = 0, function = 0;
  size_t i = 0;
  const size_t end = std::min<size_t>(text.size(), 2048);
  while (i < end && words < 300) {
    while (i < end && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < end && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    ++words;
    std::string w(text.substr(start, i - start));
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view f : kFunctionWords) {
      if (w == f) {
        ++function;
        break;
      }
    }
  }
  // English prose runs at 30-45% function words; French or Spanish prose,
  // and English-looking lists of names, stay far below 15%.
  return words >= 40 && function * 100 >= words * 20;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view utf8_text) {
  const std::string_view text = Prefix(utf8_text);
  if (text.empty()) return {};
  if (PlainlyEnglish(text)) return {"en", true, 100, 100};
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()),
      /*is_plain_text=*/true, top3, percent3, &text_bytes, &reliable);
  LanguageGuess g;
  g.code = IsoCode(lang);
  if (g.code.empty()) return {};
  g.reliable = reliable && text_bytes >= kMinReliableBytes;
  g.percent = top3[0] == lang ? percent3[0] : 0;
  for (int i = 0; i < 3; ++i) {
    if (top3[i] == CLD2::ENGLISH) g.english_percent += percent3[i];
  }
  return g;
}

bool ShouldCodeAsEnglish(const LanguageGuess& g) {
  // CLD2's summary can name another language for an English text full of
  // foreign place names (a list of consulates in Rio and Sao Paulo): a
  // sizeable English share is still coded.
  return g.code == "en" || g.code.empty() || !g.reliable || g.english_percent >= 30;
}

}  // namespace griot
