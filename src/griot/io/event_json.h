// JSON form of documents and event records (the fields are fixed by the
// griot event-record format documented in README.md).
#pragma once

#include <cmath>

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

// Where a span sits in sentence `s`, in code points from the sentence's
// start. Implicit arguments and spans outside the sentence (a pronoun
// resolved from an earlier one) have no place there: null in the record.
struct SentenceSpan {
  bool present = false;
  uint32_t begin = 0;
  uint32_t end = 0;
};
SentenceSpan SpanInSentence(const Document& doc, const Sentence& s, ByteSpan b, bool implicit);

// The precision records print: confidence to 3 decimals, degrees to 5.
inline double RoundConfidence(double c) { return std::round(c * 1000) / 1000; }
inline double RoundDegrees(double d) { return std::round(d * 1e5) / 1e5; }

}  // namespace griot
