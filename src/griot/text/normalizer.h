// Normalizer: raw UTF-8 -> the canonical text every later stage reads.
//
//   Normalizer n;
//   Result<std::string> text = n.Normalize(raw);
//
// Validates UTF-8 (an invalid sequence is an error naming its byte offset),
// applies Unicode NFC (ICU), and folds typographic variants that carry no
// meaning for event coding: curly quotes -> ' and ", en/em dashes and minus
// -> -, non-breaking and other Unicode spaces -> space, soft hyphens and
// zero-width characters removed, NUL and other C0 controls (except \n and \t)
// -> space, CR LF / CR -> LF.
#pragma once

#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

class Normalizer {
 public:
  Result<std::string> Normalize(std::string_view raw) const;
};

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace griot
