// The balancing pass: the tree it describes (implied end tags, dropped and
// raw-text elements, the depth bound), and a differential check that gumbo
// builds exactly the element sequence the balanced stream spells out.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "griot/io/html_tree.h"

namespace griot {
namespace {

// "tag[children]" with children separated by spaces; text collapsed.
std::string Outline(const HtmlTree& tree, int node) {
  std::string out;
  for (int i = node + 1; i < tree[node].end; i = tree[i].end) {
    const HtmlNode& n = tree[i];
    std::string part = n.is_text() ? CollapseWhitespace(n.text)
                                   : n.tag + (n.end > i + 1 ? "[" + Outline(tree, i) + "]" : "");
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

std::string BodyOutline(std::string_view html, int max_depth = 400) {
  HtmlLimits limits;
  limits.max_depth = max_depth;
  HtmlTree tree = ParseHtmlTree(BalanceHtml(html, limits).html);
  for (int i = 0; i < static_cast<int>(tree.size()); ++i) {
    if (tree[i].tag == "body") return Outline(tree, i);
  }
  return "(no body)";
}

struct OutlineCase {
  const char* name;
  std::string html;
  std::string want;
  int max_depth = 400;
};

class HtmlBalanceTest : public testing::TestWithParam<OutlineCase> {};

TEST_P(HtmlBalanceTest, Outline) {
  EXPECT_EQ(BodyOutline(GetParam().html, GetParam().max_depth), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(
    Html, HtmlBalanceTest,
    testing::Values(
        OutlineCase{"UnclosedParagraphs", "<p>one<p>two", "p[one] p[two]"},
        OutlineCase{"BlockClosesParagraph", "<p>a<div>b</div>c</p>", "p[a] div[b] c"},
        OutlineCase{"ParagraphInsideInline", "<span><p>a</span>b</p>", "span[p[ab]]"},
        OutlineCase{"ListItems", "<ul><li>one<li>two</ul>after", "ul[li[one] li[two]] after"},
        OutlineCase{"NestedList", "<li>a<ul><li>b</ul>c", "li[a ul[li[b]] c]"},
        OutlineCase{"TableCells", "<table><tr><td>a<td>b<tr><td>c</table>d",
                    "table[tr[td[a] td[b]] tr[td[c]]] d"},
        OutlineCase{"EndTagDoesNotLeaveCell",
                    "<div><table><tr><td></div>x</td></tr></table>y</div>z",
                    "div[table[tr[td[x]]] y] z"},
        OutlineCase{"CellOutsideTableIgnored", "<td>a</td>", "a"},
        OutlineCase{"InlineEndTagStopsAtBlock", "<span><div>a</span>b</div>c", "span[div[ab] c]"},
        OutlineCase{"Headings", "<h2>a<h3>b</h2>c", "h2[a] h3[b] c"},
        OutlineCase{"FormattingDropped", "<b>bo<i>ld</b> it</i>", "bold it"},
        OutlineCase{"LinkKept", "see <a href=\"x\" class=\"more\">this</a>", "see a[this]"},
        OutlineCase{"UnknownElementIsInline", "<share-bar>x</share-bar>", "share-bar[x]"},
        OutlineCase{"ScriptDropped", "<script>if (a<b) document.write('<p>x')</script>t", "t"},
        OutlineCase{
            "JsonLdKept", "x<script type=\"application/ld+json\">{\"a\":\"<b>\"}</script>",
            "x script[{\"a\":\"\\u003cb>\"}]"},  // '<' escaped so the stream holds no markup
        OutlineCase{"StyleDropped", "<style>p::after{content:'</p>'}</style>t", "t"},
        OutlineCase{"Comments", "<!-- <p>hidden</p> -->a<!-->b<!--->c<!-- x --!>d", "abcd"},
        OutlineCase{"UnclosedComment", "a<!-- <p>b", "a"},
        OutlineCase{"SvgSubtree", "<svg><title>x</title><svg></svg><g/></svg>after", "after"},
        OutlineCase{"SelfClosingSvg", "<svg/>after", "after"},
        OutlineCase{"SelectSubtree", "<select><option>1<option>2</select>after", "after"},
        OutlineCase{"QuotedGreaterThan", "<div class=\"a>b\" id='c>d'>x</div>", "div[x]"},
        OutlineCase{"BareLessThan", "a < b and c > d, x<3", "a < b and c > d, x<3"},
        OutlineCase{"EndsInsideTag", "a<div class=\"x", "a"},
        OutlineCase{"Plaintext", "a<plaintext><p>x</plaintext>", "a<p>x</plaintext>"},
        OutlineCase{"BreakAndRule", "a<br>b<hr>c", "a br b hr c"},
        OutlineCase{"DepthBound", "<div><div><div><div>x</div></div></div></div>y",
                    "div[div[div[x]]] y", 3}),
    [](const testing::TestParamInfo<OutlineCase>& info) { return std::string(info.param.name); });

// The element sequence a balanced stream spells out: data-t, else the tag.
std::vector<std::string> StreamElements(const std::string& html) {
  std::vector<std::string> out;
  size_t i = html.find('<');
  while (i != std::string::npos) {
    size_t close = i + 1;  // the tag's '>', past quoted attribute values
    for (bool quoted = false; close < html.size() && (quoted || html[close] != '>'); ++close) {
      if (html[close] == '"') quoted = !quoted;
    }
    if (html[i + 1] != '/' && html[i + 1] != '!') {
      std::string_view tag_text(html.data() + i, close - i);
      size_t name_end = tag_text.find_first_of(" >");
      std::string tag(tag_text.substr(1, name_end - 1));
      size_t t = tag_text.find(" data-t=\"");
      if (t != std::string::npos) tag = tag_text.substr(t + 9, tag_text.find('"', t + 9) - t - 9);
      out.push_back(tag);
      if (tag == "script" || tag == "title") close = html.find("</" + tag + ">", close);
    }
    i = html.find('<', close);
  }
  return out;
}

std::string Fixture(const std::string& file) {
  std::ifstream in(std::string(GRIOT_SOURCE_DIR) + "/tests/data/html/" + file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(HtmlBalanceTest, GumboBuildsTheStreamExactly) {
  std::string formatting;
  for (int i = 0; i < 2000; ++i) formatting += "<b id=" + std::to_string(i) + "><p>x";
  const std::string inputs[] = {
      Fixture("burkina_journalists.html"),
      Fixture("ecowas_summit.html"),
      Fixture("dakar_march.html"),
      Fixture("niamey_curfew_legacy.html"),
      formatting,
      "<table><div>foster</div><tr><td><table><td>x</table>",
      "<p><table><p>in table</table><form><form>nested</form></form><button><p>b</button>"};
  for (const std::string& html : inputs) {
    BalancedHtml balanced = BalanceHtml(html, HtmlLimits{});
    HtmlTree tree = ParseHtmlTree(balanced.html);
    std::vector<std::string> from_tree;
    int depth = 0;
    for (int i = 0; i < static_cast<int>(tree.size()); ++i) {
      const std::string& tag = tree[i].tag;
      if (tree[i].is_text() || tag == "html" || tag == "head" || tag == "body") continue;
      from_tree.push_back(tag);
      int d = 0;
      for (int up = tree[i].parent; up >= 0; up = tree[up].parent) ++d;
      depth = std::max(depth, d);
    }
    EXPECT_EQ(from_tree, StreamElements(balanced.html)) << html.substr(0, 200);
    EXPECT_EQ(static_cast<int>(from_tree.size()), balanced.elements);
    EXPECT_LE(depth, balanced.max_depth + 2);  // + html and body
  }
}

}  // namespace
}  // namespace griot
