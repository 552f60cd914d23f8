// Internal to the HTML extractor: the balanced tag stream and the flat tree.
//
//   BalancedHtml b = BalanceHtml(page, limits);  // well-nested div/span stream
//   HtmlTree tree = ParseHtmlTree(b.html);        // gumbo -> flat pre-order array
//   for (int i = 0; i < tree.size(); ++i) if (tree[i].tag == "p") ...
//
// See html_extractor.h for why the page is balanced before gumbo sees it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "griot/io/html_extractor.h"

namespace griot {

struct BalancedHtml {
  std::string
      html;  // "<!DOCTYPE html>" then a well-nested div/span/br/meta/link/title/script stream
  int elements = 0;   // elements emitted
  int max_depth = 0;  // deepest nesting emitted (html/head/body not counted)
};

// Never fails; input is read as UTF-8 text, whatever it holds.
BalancedHtml BalanceHtml(std::string_view html, const HtmlLimits& limits);

// One element or text node. Elements carry their original tag name ("p",
// "article", "a"; unknown elements keep theirs) and the attributes the
// extractor reads (class, id, role, aria-label, itemprop, property, name,
// content, rel, href, datetime, type, hidden); text nodes have tag "".
struct HtmlNode {
  std::string tag;
  std::string text;  // text nodes: decoded, whitespace as found (also inside <title>, <script>)
  std::vector<std::pair<std::string, std::string>> attrs;
  int parent = -1;         // -1 for the root
  int end = 0;             // one past this node's last descendant
  bool is_inline = false;  // phrasing element (a, span, time, ...): no paragraph break around it

  bool is_text() const { return tag.empty(); }
  std::string_view Attr(std::string_view name) const;  // "" when absent
  bool HasAttr(std::string_view name) const;
};

// Nodes in document (pre-order) order; node 0 is <html>.
using HtmlTree = std::vector<HtmlNode>;

// Parses a BalanceHtml stream with gumbo. Tags come from data-t when present.
HtmlTree ParseHtmlTree(std::string_view balanced_html);

// Whitespace (ASCII and U+00A0) runs become one space; ends trimmed.
std::string CollapseWhitespace(std::string_view s);
// Collapsed text of a subtree (titles, headings, <time>); <br> and block
// elements separate words, scripts are skipped.
std::string SubtreeText(const HtmlTree& tree, int node);
// ASCII lowercase copy.
std::string AsciiLower(std::string_view s);

}  // namespace griot
