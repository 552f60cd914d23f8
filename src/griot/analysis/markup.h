// Small helpers shared by the brief renderers (HTML, SVG, Markdown): every
// string that comes from the data (news text, names, urls) passes through
// one of these before it reaches the page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace griot {

// Escapes & < > " ' so the text is safe in element content and in quoted
// attribute values, and drops bytes that are not valid UTF-8 or are control
// characters XML forbids.
std::string HtmlEscape(std::string_view text);
// True for an absolute http:// or https:// url without spaces, quotes or
// control characters: the only urls a brief turns into links.
bool IsWebUrl(std::string_view url);
// A number with at most `decimals` decimals and no trailing zeros: "12.5", "3".
std::string FormatFixed(double value, int decimals);
// An integer with thousands separators: "12,345".
std::string FormatCount(int64_t value);

}  // namespace griot
