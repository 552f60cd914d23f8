// The JSON columns of a stored event (spans, counts, aux), written directly.
//
//   std::string spans = StoredSpansJson(doc, event);   // {"actor":[[0,4]],...}
//   std::string counts = StoredCountsJson(event);      // {"killed":[12,null]}
//   std::string aux = StoredAuxJson(event);            // ["negated"]
//
// Stores first held these columns as the JSONL record's text parsed by
// nlohmann::json and dumped again, so existing databases carry that form,
// which differs from the JSONL line: object keys sorted byte-wise with a
// repeated count kind kept once (its last value), \b and \f escaped short,
// and numbers as nlohmann prints them (1e+05 in the record is 100000.0
// here). These writers produce the same bytes without the parse and dump,
// which cost more than the database write on the store's single writer
// thread. stored_event_test.cc checks them against the parse-and-dump form.
#pragma once

#include <string>
#include <string_view>

#include "griot/doc/document.h"

namespace griot {

std::string StoredSpansJson(const Document& doc, const Event& event);
std::string StoredCountsJson(const Event& event);
std::string StoredAuxJson(const Event& event);

// `s` as a JSON string the way nlohmann::json::dump() escapes it.
void AppendStoredString(std::string_view s, std::string* out);
// `v` as the record prints it (std::to_chars) after nlohmann reads that
// number and dumps it again.
void AppendStoredNumber(double v, std::string* out);
// A number as stored after the record prints it and nlohmann reads it back:
// the value itself, except that "-0" reads as the integer 0.
double StoredValue(double printed);

}  // namespace griot
