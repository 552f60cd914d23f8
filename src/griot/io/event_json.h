// JSON form of documents and event records (the fields are fixed by the
// griot event-record format documented in README.md).
#pragma once

#include <nlohmann/json.hpp>

#include "griot/doc/document.h"

namespace griot {

// One event as a JSON object. Spans are character (code point) offsets in the
// event's `text` (its sentence): {"trigger": [b, e], "actor": [[b, e], ...],
// "recipient": [...]}.
nlohmann::json EventToJson(const Document& doc, const Event& event);
// The same record as one line of JSON text (fields in the documented order),
// appended to *out without a newline.
void AppendEventJson(const Document& doc, const Event& event, std::string* out);

// Number of code points in a UTF-8 byte range.
uint32_t CodePoints(std::string_view utf8);

}  // namespace griot
