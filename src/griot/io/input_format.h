// What kind of input a file holds, decided by its content first and its name
// second: crawls, feeds and pages are often misnamed (.php, .xml, no
// extension), and a .jsonl may really be gzip.
//
//   InputFormat f = SniffFormat(first_4kb, "feeds/lemonde.xml");
#pragma once

#include <string>
#include <string_view>

namespace griot {

enum class InputFormat { kJsonl, kText, kHtml, kWarc, kFeed, kBinary };

std::string_view FormatName(InputFormat f);

// `head` is the start of the (decompressed) content; `name` the file name,
// used only when the content does not decide.
InputFormat SniffFormat(std::string_view head, std::string_view name);

}  // namespace griot
