// Internet dates (RFC 822/1123/2822 and RFC 3339) as ISO 8601 strings.
//
//   NormalizeInternetDate("Tue, 14 May 2024 10:30:00 +0200")  // "2024-05-14T08:30:00Z"
//   NormalizeInternetDate("2024-05-14T08:30:00.250-05:00")      // "2024-05-14T13:30:00Z"
//   NormalizeInternetDate("2024-05-14")                         // "2024-05-14"
//   NormalizeInternetDate("last Tuesday")                       // ""
//
// Why: feeds (pubDate, dc:date, atom:updated) and WARC-Date write dates in
// two families of formats, and every stage after them wants one sortable form
// that IsIsoDate() accepts. Offsets are folded into UTC so that dates from
// different sources compare as strings. A time with no zone at all stays
// without the trailing "Z" (its offset is unknown); fractions of seconds are
// dropped. Anything not understood gives "" rather than a guess.
#pragma once

#include <string>
#include <string_view>

namespace griot {

std::string NormalizeInternetDate(std::string_view text);

}  // namespace griot
