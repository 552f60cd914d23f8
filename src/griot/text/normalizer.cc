// Normalizer design: one validating pass, one folding pass, then NFC only if
// needed.
//
// News feeds are mostly ASCII, so the folding pass copies runs of plain bytes
// with one append and decodes only bytes >= 0x80 and the few ASCII controls.
// Folding runs before NFC because removing a zero-width character can bring a
// base letter and a combining mark together; NFC then composes them. ICU is
// called on the UTF-8 directly (isNormalizedUTF8 / normalizeUTF8), so an
// already-normalized text costs one quick check and no UTF-16 round trip.
#include "griot/text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace griot {
namespace {

// What the folding pass does with one code point.
enum class Fold : uint8_t { kKeep, kSpace, kNewline, kApostrophe, kQuote, kDash, kDrop };

Fold FoldOf(char32_t c) {
  if (c < 0x80) {
    if (c == '\n' || c == '\t') return Fold::kKeep;
    if (c < 0x20 || c == 0x7F) return Fold::kSpace;  // '\r' is handled by the caller
    return Fold::kKeep;
  }
  if (c < 0xA0) return c == 0x85 ? Fold::kNewline : Fold::kSpace;  // C1 controls, NEL
  switch (c) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return Fold::kSpace;
    case 0x2028: case 0x2029:
      return Fold::kNewline;
    case 0x00AD: case 0x180E: case 0x200B: case 0x200C: case 0x200D:
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064: case 0xFEFF:
      return Fold::kDrop;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0xFF07:
      return Fold::kApostrophe;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0xFF02:
      return Fold::kQuote;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return Fold::kDash;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Fold::kSpace;  // en quad .. hair space
  return Fold::kKeep;
}

// Decodes one code point of already-validated UTF-8 at s[i]; returns its length.
size_t DecodeValid(std::string_view s, size_t i, char32_t* c) {
  const auto b = static_cast<uint8_t>(s[i]);
  auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<uint8_t>(s[i + k]) & 0x3F); };
  if (b < 0x80) { *c = b; return 1; }
  if (b < 0xE0) { *c = ((b & 0x1F) << 6) | cont(1); return 2; }
  if (b < 0xF0) { *c = ((b & 0x0F) << 12) | (cont(1) << 6) | cont(2); return 3; }
  *c = ((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  return 4;
}

// A byte that the folding pass copies unchanged without decoding.
inline bool IsPlainAscii(uint8_t b) { return (b >= 0x20 && b < 0x7F) || b == '\n' || b == '\t'; }

std::string FoldTypography(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;
    while (run < s.size() && IsPlainAscii(static_cast<uint8_t>(s[run]))) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    if (s[i] == '\r') {  // CR LF and lone CR both become LF
      out.push_back('\n');
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    char32_t c;
    const size_t len = DecodeValid(s, i, &c);
    switch (FoldOf(c)) {
      case Fold::kKeep: out.append(s.data() + i, len); break;
      case Fold::kSpace: out.push_back(' '); break;
      case Fold::kNewline: out.push_back('\n'); break;
      case Fold::kApostrophe: out.push_back('\''); break;
      case Fold::kQuote: out.push_back('"'); break;
      case Fold::kDash: out.push_back('-'); break;
      case Fold::kDrop: break;
    }
    i += len;
  }
  return out;
}

bool IsAllPlainAscii(std::string_view s) {
  for (char ch : s) {
    if (!IsPlainAscii(static_cast<uint8_t>(ch))) return false;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  for (char ch : s) {
    if (static_cast<uint8_t>(ch) >= 0x80) return false;
  }
  return true;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time: the common case in news text.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const uint8_t b = p[i];
    if (b < 0x80) { ++i; continue; }
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;       // overlong
      if (b == 0xED) hi = 0x9F;       // UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;       // overlong
      if (b == 0xF4) hi = 0x8F;       // above U+10FFFF
    } else {
      return i;  // stray continuation byte, overlong C0/C1, or F5..FF
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

Result<std::string> Normalizer::Normalize(std::string_view raw) const {
  // Spans are 32-bit and ICU takes int32_t lengths.
  if (raw.size() > 0x7FFFFFFF) return InvalidArgument("document larger than 2 GiB; split it");
  if (IsAllPlainAscii(raw)) return std::string(raw);  // nothing to fold, already NFC

  const size_t bad = FindInvalidUtf8(raw);
  if (bad != std::string_view::npos) {
    return InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad) +
                           "; re-encode the input as UTF-8");
  }
  std::string folded = FoldTypography(raw);
  if (IsAscii(folded)) return folded;

  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return Internal(std::string("ICU NFC unavailable: ") + u_errorName(err));
  const icu::StringPiece piece(folded.data(), static_cast<int32_t>(folded.size()));
  if (nfc->isNormalizedUTF8(piece, err) && U_SUCCESS(err)) return folded;
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(folded.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, err);
  if (U_FAILURE(err)) return Internal(std::string("ICU NFC failed: ") + u_errorName(err));
  return out;
}

}  // namespace griot
