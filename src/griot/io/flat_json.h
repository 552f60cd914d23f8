// A fast reader for the usual shape of an input record: one JSON object whose
// values are strings, numbers, booleans or null. Nested values are skipped.
// It returns false on anything else (including any syntax error); the caller
// then falls back to the full parser, which also words the error message.
//
//   std::vector<FlatField> fields;
//   if (ParseFlatObject(line, &fields)) { ... } else { /* nlohmann::json */ }
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace griot {

struct FlatField {
  enum class Kind { kString, kInteger, kNull, kOther };
  std::string key;
  Kind kind = Kind::kOther;
  std::string value;  // the decoded string, or the integer's digits
};

bool ParseFlatObject(std::string_view text, std::vector<FlatField>* fields);

}  // namespace griot
