// Encoding: raw bytes from the web or a file dump -> valid UTF-8.
//
//   std::string charset = DeclaredCharset(http_content_type);      // "" if none
//   if (charset.empty()) charset = DeclaredCharset(html);          // <meta charset=...>
//   Result<Utf8Text> t = ToUtf8(html, charset);
//   if (t.ok() && t->invalid_sequences > 0) Warn(t->source_encoding, t->invalid_sequences);
//
// Why: every later stage (normalizer, tokenizer, CLD2) requires valid UTF-8,
// but crawled text arrives as UTF-16 with a BOM, as Windows-1252 from old
// CMSs, mislabelled, or as UTF-8 with a few stray Latin-1 bytes pasted in.
// ToUtf8 never rejects text for its content: it picks the most plausible
// reading and says what it did, so a pipeline can count and report repairs.
//
// The decision, in order:
//   1. A BOM (UTF-8, UTF-16LE, UTF-16BE) decides, and is removed.
//   2. A declared UTF-16 charset decides (such text often also passes as
//      UTF-8, since its NULs are valid UTF-8).
//   3. Valid UTF-8 stays as it is (fast path: validation only).
//   4. Mostly UTF-8 with stray bytes: each stray byte is read as Windows-1252
//      and counted in invalid_sequences.
//   5. A declared charset ICU knows; labels the WHATWG Encoding Standard maps
//      to Windows-1252 (iso-8859-1, latin1, us-ascii...) are read as
//      Windows-1252, as browsers do, so 0x93/0x94 become curly quotes.
//   6. Otherwise Windows-1252, which decodes every byte.
// NUL characters are removed in all cases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

struct Utf8Text {
  std::string text;              // valid UTF-8 without BOM or NULs
  std::string source_encoding;   // "utf-8", "utf-16le", "utf-16be", "windows-1252" or a
                                 // declared label such as "shift_jis"
  size_t nul_bytes_removed = 0;  // NUL characters dropped
  size_t invalid_sequences = 0;  // bytes or sequences that had to be guessed or replaced
};

// Converts `bytes` to valid UTF-8 (see the decision above). Fails only when
// bytes.size() > max_bytes, or if ICU itself is broken.
Result<Utf8Text> ToUtf8(std::string_view bytes, std::string_view declared_charset = {},
                        size_t max_bytes = size_t{1} << 30);

// The charset named in an HTTP Content-Type value ("text/html; charset=UTF-8"),
// or within the first 4 KB of an HTML or XML document (<meta charset=...>,
// <meta http-equiv="Content-Type" content="...; charset=...">,
// <?xml ... encoding="..."?>), lower-cased; "" when none is named.
std::string DeclaredCharset(std::string_view content_type_or_html_head);

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace griot
