// ContentHash: a stable 128-bit fingerprint of a document's text, so that a
// re-run recognises documents it has already stored (same id, same text)
// and an updated article (same id, new text) replaces the old one.
//
//   std::string h = ContentHash(doc.text);   // 32 hex digits
//
// Two independent 64-bit FNV-1a variants: not cryptographic (nobody gains by
// forging a collision with their own article), but stable across builds and
// machines, which std::hash is not.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace griot {

inline std::string ContentHash(std::string_view text) {
  uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull ^ text.size();
  for (unsigned char c : text) {
    a = (a ^ c) * 0x100000001b3ull;
    b = (b ^ c) * 0x00000100000001b3ull + 0x9E3779B97F4A7C15ull;
    b ^= b >> 31;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = kHex[(a >> (4 * i)) & 15];
    out[31 - i] = kHex[(b >> (4 * i)) & 15];
  }
  return out;
}

}  // namespace griot
