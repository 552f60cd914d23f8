// Internal to the HTML extractor: the lexical pieces of the balancing pass
// (html_balance.cc). Each function scans forward only, so a page is read in
// linear time whatever it holds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace griot::html_internal {

constexpr size_t kNpos = std::string_view::npos;

// What the balancing pass does with an element, by tag name.
enum class Kind : uint8_t {
  kBlock,         // div, section, article, blockquote, ...
  kList,          // ul, ol, dl, menu, dir: the boundary for <li>, <dd>, <dt>
  kParagraph,     // p
  kHeading,       // h1-h6
  kListItem,      // li
  kDefItem,       // dd, dt
  kTable,         // table
  kTableSection,  // thead, tbody, tfoot
  kTableRow,      // tr
  kTableCell,     // td, th
  kInline,        // a, span, time, label, button and unknown elements
  kFormatting,    // b, i, em, strong, font, ...: tag dropped, text kept
  kBreak,         // br
  kRule,          // hr: a block boundary, emitted as <br data-t="hr">
  kHeadVoid,      // meta, link: kept with their attributes
  kDropVoid,      // img, input, wbr, ...
  kTitle,         // title (RCDATA): kept
  kScript,        // script: kept only when it is JSON-LD
  kRawText,       // style, iframe, noscript, textarea, xmp, ...: dropped with content
  kPlaintext,     // the rest of the input is text
  kSubtree,       // svg, math, select, template, media, object: dropped with content
  kIgnored,       // html, head, body, caption, colgroup, option, ...: tag dropped
};

Kind KindOf(std::string_view lower_name);  // unknown names are kInline

// An attribute the extractor reads; name is canonical, value raw (undecoded).
struct KeptAttr {
  std::string_view name;
  std::string_view value;
};

bool IsSpace(char c);
bool IsAsciiAlpha(char c);
char Lower(char c);
bool EqualsIgnoreCase(std::string_view a, std::string_view lower);
bool IsTablePart(Kind k);
int TableLevel(Kind k);  // table 0, thead/tbody/tfoot 1, tr 2, td/th 3

// Reads a tag's attributes from s[i] up to its '>', keeping the ones the
// extractor reads in *attrs (may be null). Returns the index after the '>',
// or kNpos when the input ends inside the tag (HTML drops such a tag).
size_t ScanAttributes(std::string_view s, size_t i, std::vector<KeptAttr>* attrs,
                      bool* self_closing);
// The lowercase tag name starting at s[i] (bytes outside [a-z0-9_-] become
// '-', at most 40 kept); *end is set past it.
std::string TagName(std::string_view s, size_t i, size_t* end);
// Index just past a comment whose "<!--" ends at k.
size_t CommentEnd(std::string_view s, size_t k);
// Raw text from i to the element's end tag: sets *content, returns the index
// after the end tag (or the input's end).
size_t RawTextEnd(std::string_view s, size_t i, std::string_view name, std::string_view* content);
// Index after the end tag matching a dropped subtree's start tag, counting
// nested elements of the same name (an unclosed subtree runs to the end).
size_t SubtreeEnd(std::string_view s, size_t i, std::string_view name);
// Appends s, replacing every `from` byte with `to`.
void AppendReplacing(std::string* out, std::string_view s, char from, std::string_view to);

}  // namespace griot::html_internal
