// NormalizeName: the lookup key of a place name (declared in gazetteer.h).
//
// Names reach the gazetteer from GeoNames in every script and from news text
// with or without accents, so both sides are reduced to one key: case folded,
// Latin diacritics removed ("Ségou" -> "segou"), typographic apostrophes and
// hyphens made ASCII ("N’Djamena" -> "n'djamena"), whitespace runs collapsed
// to one space. Hyphens and apostrophes themselves are kept: "Porto-Novo" and
// "Porto Novo" are different keys, and GeoNames lists both spellings where
// both are used.
//
// ASCII names (most lookups) take a byte loop; others go through ICU: case
// fold, NFD, drop the combining marks, map the letters NFD does not decompose
// (ł, ø, đ, æ...), then NFC so that other scripts (Hangul, Devanagari) get
// their composed form back. ICU's normalizer instances are immutable
// singletons, so this is safe on any number of threads.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "griot/geo/gazetteer.h"

namespace griot {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string NormalizeAscii(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    if (IsAsciiSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '`') c = '\'';  // as in NormalizeUnicode
    out.push_back(c);
  }
  return out;
}

bool IsCombiningMark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Replacement for a code point after folding and NFD, or nullptr to keep it.
// Covers Latin letters that have no decomposition, and punctuation that
// news text and GeoNames write in several ways.
const char* Replacement(UChar32 c) {
  switch (c) {
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x00F8: return "o";   // ø
    case 0x0142: return "l";   // ł
    case 0x0111: return "d";   // đ
    case 0x00F0: return "d";   // ð
    case 0x0127: return "h";   // ħ
    case 0x0131: return "i";   // dotless ı
    case 0x0167: return "t";   // ŧ
    case 0x00FE: return "th";  // þ
    case 0x2018: case 0x2019: case 0x02BC: case 0x02BB:
    case 0x02BF: case 0x0060: case 0x00B4:
      return "'";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
      return "-";
    case 0x00AD: case 0x200B: case 0xFEFF:  // soft hyphen, zero-width space, BOM
      return "";
    default:
      return nullptr;
  }
}

std::string NormalizeUnicode(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return NormalizeAscii(name);  // ICU data missing: best effort

  icu::UnicodeString folded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  folded.foldCase();
  icu::UnicodeString decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) return NormalizeAscii(name);

  icu::UnicodeString kept;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (IsCombiningMark(c)) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !kept.isEmpty();
      continue;
    }
    const char* replacement = Replacement(c);
    if (replacement != nullptr && *replacement == '\0') continue;
    if (pending_space) kept.append(static_cast<UChar>(' '));
    pending_space = false;
    if (replacement != nullptr) {
      kept.append(icu::UnicodeString(replacement, -1, icu::UnicodeString::kInvariant));
    } else {
      kept.append(c);
    }
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  std::string out;
  (U_SUCCESS(status) ? composed : kept).toUTF8String(out);
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x80) return NormalizeUnicode(name);
  }
  return NormalizeAscii(name);
}

}  // namespace griot
