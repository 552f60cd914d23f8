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

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view utf8_text) {
  const std::string_view text = Prefix(utf8_text);
  if (text.empty()) return {};
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
  return g;
}

bool ShouldCodeAsEnglish(const LanguageGuess& g) {
  return g.code == "en" || g.code.empty() || !g.reliable;
}

}  // namespace griot
