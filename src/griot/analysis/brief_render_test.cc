#include <gtest/gtest.h>

#include <regex>

#include "griot/analysis/brief.h"
#include "griot/analysis/world_map.h"
#include "griot/analysis/world_map_fixture.h"

namespace griot {
namespace {

// "Malian troops détained 12 people in Ségou." in code points: "Malian troops"
// [0,13), "détained" [14,22), "12 people" [23,32), "Ségou" [36,41).
constexpr const char* kSentence = "Malian troops d\xC3\xA9tained 12 people in S\xC3\xA9gou.";

BriefEvent Detention() {
  BriefEvent e;
  e.event_id = "e1";
  e.day = "2025-02-03";
  e.event = "COERCE";
  e.mode = "arrest";
  e.actor = "Malian soldiers (MLI MIL)";
  e.recipient = "civilians (MLI CVL)";
  e.place = "S\xC3\xA9gou, S\xC3\xA9gou region";
  e.text = kSentence;
  e.trigger_spans = {{14, 22}};
  e.actor_spans = {{0, 13}};
  e.recipient_spans = {{23, 32}};
  e.title = "Arrests in S\xC3\xA9gou";
  e.url = "https://news.example/mali?a=1&b=2";
  e.mentions = 3;
  e.sources = 2;
  e.quad = 4;
  return e;
}

BriefData Sample() {
  BriefData b;
  b.country = "MLI";
  b.country_name = "Mali";
  b.from = "2025-01-01";
  b.to = "2025-03-31";
  b.generated = "2025-04-01T08:00:00Z";
  b.events = 42, b.reports = 57, b.documents = 31;
  b.series = {"week", {"2025-01-06", "2025-01-13"}, {"ASSAULT", "COERCE"}, {{3, 5}, {1, 0}}};
  b.types = {{"ASSAULT", 8}, {"COERCE", 1}};
  b.actors = {{"MLI MIL", 12}, {"A|B\nC", 3}};
  b.dyads = {{"MLI MIL -> MLI CVL", 5}};
  b.regions = {{"Mopti", 4}};
  b.points = {{"S\xC3\xA9gou", 13.43, -6.26, 3, 4}};
  b.notable = {Detention()};
  Alert a;
  a.scope = "country", a.country = "MLI", a.event = "ASSAULT", a.period = "2025-01-13";
  a.observed = 5, a.test.expected = 1.25, a.test.ratio = 4, a.test.p_value = 0.0004;
  a.test.method = "poisson", a.evidence = {"e1", "e\"2"};
  b.alerts = {a};
  return b;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

bool Has(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

// <mark> elements never nest and every one is closed.
bool MarksFlat(const std::string& html) {
  bool open = false;
  for (size_t i = html.find("<mark"); i != std::string::npos;) {
    if (html.compare(i, 7, "</mark>") == 0) {
      if (!open) return false;
      open = false;
    } else {
      if (open) return false;
      open = true;
    }
    const size_t a = html.find("<mark", i + 1), b = html.find("</mark>", i + 1);
    i = std::min(a, b);
  }
  return !open;
}

TEST(BriefHtml, IsSelfContained) {
  const std::string html = RenderBriefHtml(Sample(), nullptr);
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(std::regex_search(html, std::regex("src\\s*=\\s*[\"']?\\s*https?:", std::regex::icase)));
  EXPECT_FALSE(Has(html, "<link"));
  EXPECT_FALSE(Has(html, "@import"));
  EXPECT_FALSE(Has(html, "url("));
  EXPECT_TRUE(Has(html, "@media print"));
  for (const char* section : {"Events by type over time", "Map", "Alerts", "Top actors", "Top dyads",
                              "Event types", "Regions", "Notable events"}) {
    EXPECT_TRUE(Has(html, std::string("<h2>") + section + "</h2>")) << section;
  }
  EXPECT_TRUE(Has(html, "<dd>42</dd>"));
}

TEST(BriefHtml, HostileTextIsEscaped) {
  BriefData b = Sample();
  BriefEvent& e = b.notable[0];
  e.text = "<script>alert(1)</script> troops attacked";
  e.trigger_spans = {{33, 41}};
  e.actor_spans.clear(), e.recipient_spans.clear();
  e.actor = "<img src=x onerror=alert(2)>";
  e.title = "</a><script>alert(3)</script>";
  b.actors[0].label = "<b>x</b>";
  b.country_name = "<i>Mali</i>";
  const std::string html = RenderBriefHtml(b, nullptr);
  EXPECT_FALSE(Has(html, "<script"));
  EXPECT_FALSE(Has(html, "<img"));
  EXPECT_FALSE(Has(html, "<b>x"));
  EXPECT_FALSE(Has(html, "<i>Mali"));
  EXPECT_TRUE(Has(html, "&lt;script&gt;alert(1)&lt;/script&gt; troops <mark class=\"t\">attacked</mark>"));
}

TEST(BriefHtml, OnlyWebUrlsBecomeLinks) {
  const struct {
    const char* url;
    bool linked;
  } cases[] = {{"https://news.example/a?b=1&c=2", true}, {"http://x.example/", true},
               {"javascript:alert(1)", false}, {"data:text/html,hi", false},
               {"https://x.example/\" onmouseover=\"alert(1)", false}, {"", false}};
  for (const auto& c : cases) {
    BriefData b = Sample();
    b.notable[0].url = c.url;
    const std::string html = RenderBriefHtml(b, nullptr);
    EXPECT_EQ(Has(html, "<a href=\"http"), c.linked) << c.url;
    EXPECT_FALSE(Has(html, "href=\"javascript")) << c.url;
    EXPECT_FALSE(Has(html, "onmouseover=\"")) << c.url;
  }
  EXPECT_TRUE(Has(RenderBriefHtml(Sample(), nullptr), "href=\"https://news.example/mali?a=1&amp;b=2\""));
}

struct SpanCase {
  const char* name;
  const char* text;
  std::vector<std::pair<int, int>> trigger, actor, recipient;
  const char* expected;  // a fragment of the rendered sentence
};

TEST(BriefHtml, SpansHighlightCodePoints) {
  const SpanCase cases[] = {
      {"Accents", kSentence, {{14, 22}}, {{0, 13}}, {{23, 32}},
       "<mark class=\"a\">Malian troops</mark> <mark class=\"t\">d\xC3\xA9tained</mark> "
       "<mark class=\"r\">12 people</mark> in S\xC3\xA9gou."},
      {"PlaceAfterAccents", kSentence, {{36, 41}}, {}, {}, "in <mark class=\"t\">S\xC3\xA9gou</mark>."},
      {"FourByteEmoji", "\xF0\x9F\x98\x80 rebels attacked", {{9, 17}}, {{2, 8}}, {},
       "\xF0\x9F\x98\x80 <mark class=\"a\">rebels</mark> <mark class=\"t\">attacked</mark>"},
      {"Overlapping", kSentence, {{7, 22}}, {{0, 13}}, {},
       "<mark class=\"a\">Malian </mark><mark class=\"t a\">troops</mark><mark class=\"t\"> "
       "d\xC3\xA9tained</mark> 12"},
      {"ActorContainsRecipient", kSentence, {}, {{0, 32}}, {{23, 32}},
       "<mark class=\"a\">Malian troops d\xC3\xA9tained </mark><mark class=\"a r\">12 people</mark> in"},
      {"OutOfRange", "short", {{-5, 2}, {3, 999}, {4, 1}}, {}, {},
       "<mark class=\"t\">sh</mark>o<mark class=\"t\">rt</mark>"},
  };
  for (const SpanCase& c : cases) {
    BriefData b = Sample();
    BriefEvent& e = b.notable[0];
    e.text = c.text, e.trigger_spans = c.trigger, e.actor_spans = c.actor, e.recipient_spans = c.recipient;
    const std::string html = RenderBriefHtml(b, nullptr);
    EXPECT_TRUE(Has(html, c.expected)) << c.name << "\n" << html.substr(html.find("<blockquote>"), 400);
    EXPECT_TRUE(MarksFlat(html)) << c.name;
  }
}

TEST(BriefHtml, AlertsTableLinksEvidenceToNotableEvents) {
  const std::string html = RenderBriefHtml(Sample(), nullptr);
  EXPECT_TRUE(Has(html, "<a href=\"#ev-e1\">e1</a>"));
  EXPECT_TRUE(Has(html, "id=\"ev-e1\""));
  EXPECT_TRUE(Has(html, "e&quot;2"));  // not an anchor: it would need escaping
  EXPECT_TRUE(Has(html, "4&times;"));
  EXPECT_TRUE(Has(html, "4.0e-04"));
}

TEST(BriefHtml, MapSection) {
  EXPECT_TRUE(Has(RenderBriefHtml(Sample(), nullptr), "scripts/fetch-world-atlas.sh"));
  Result<CountryNumbers> numbers = CountryNumbers::Load(CountryNumbers::DefaultPath());
  ASSERT_TRUE(numbers.ok()) << numbers.status().message();
  Result<WorldMap> map = WorldMap::Parse(testing::kTinyTopology, "tiny.json", *numbers);
  ASSERT_TRUE(map.ok()) << map.status().message();
  BriefData b = Sample();
  b.points = {{"Centre", 20.5, 10.5, 4, 4}};
  const std::string html = RenderBriefHtml(b, &*map);
  EXPECT_TRUE(Has(html, "class=\"focus\""));
  EXPECT_EQ(Count(html, "\"><title>Centre: 4 events"), 1u);
  EXPECT_FALSE(Has(html, "fetch-world-atlas"));
}

TEST(BriefHtml, EmptyBriefSaysThereAreNoEvents) {
  BriefData b;
  b.country = "MLI";
  const std::string html = RenderBriefHtml(b, nullptr);
  EXPECT_TRUE(Has(html, "No events were coded for MLI"));
  EXPECT_TRUE(Has(html, "No events in this period"));
  EXPECT_TRUE(Has(html, "No unusual rises"));
  EXPECT_TRUE(Has(html, "</html>"));
}

TEST(BriefMarkdown, SectionsTablesAndBoldTrigger) {
  const std::string md = RenderBriefMarkdown(Sample());
  EXPECT_TRUE(Has(md, "# Mali (MLI)"));
  EXPECT_TRUE(Has(md, "Malian troops **d\xC3\xA9tained** 12 people in S\xC3\xA9gou."));
  EXPECT_TRUE(Has(md, "| A\\|B C | 3 |"));  // `|` escaped, the newline gone
  EXPECT_TRUE(Has(md, "| Week of | ASSAULT | COERCE | total |"));
  EXPECT_TRUE(Has(md, "| 2025-01-06 | 3 | 1 | 4 |"));
  EXPECT_TRUE(Has(md, "The map is in the HTML brief"));
  EXPECT_TRUE(Has(md, "[Arrests in S\xC3\xA9gou](https://news.example/mali?a=1&b=2)"));
  EXPECT_TRUE(Has(md, "| MLI | ASSAULT | 2025-01-13 | 5 | 1.2 | 4× | 4.0e-04 | poisson | e1, e\"2 |") ||
              Has(md, "| MLI | ASSAULT | 2025-01-13 | 5 | 1.3 | 4× | 4.0e-04 | poisson | e1, e\"2 |"));
  // Every row of a table has as many unescaped `|` as its header.
  const std::regex unescaped("(^|[^\\\\])\\|");
  std::istringstream lines(md);
  std::string line;
  size_t columns = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] != '|') {
      columns = 0;
      continue;
    }
    const auto n = static_cast<size_t>(std::distance(
        std::sregex_iterator(line.begin(), line.end(), unescaped), std::sregex_iterator()));
    if (columns == 0) columns = n;
    EXPECT_EQ(n, columns) << line;
  }
}

TEST(BriefMarkdown, HostileTextCannotInjectHtmlOrLinks) {
  BriefData b = Sample();
  b.notable[0].text = "<script>alert(1)</script> [click](javascript:x) *troops* attacked";
  b.notable[0].trigger_spans = {{57, 65}};
  b.notable[0].actor_spans.clear(), b.notable[0].recipient_spans.clear();
  b.notable[0].url = "javascript:alert(1)";
  const std::string md = RenderBriefMarkdown(b);
  EXPECT_FALSE(Has(md, "<script>"));
  EXPECT_TRUE(Has(md, "\\<script\\>"));
  EXPECT_FALSE(Has(md, "[click](")) << "the link must be escaped";
  EXPECT_TRUE(Has(md, "\\[click\\](javascript:x)"));
  EXPECT_TRUE(Has(md, "\\*troops\\* **attacked**"));
}

TEST(BriefMarkdown, ChartTableKeepsSixTypesAndOther) {
  BriefData b = Sample();
  b.series.types = {"ASSAULT", "COERCE", "PROTEST", "ACCUSE", "CONSULT", "AID", "AGREE", "REJECT"};
  b.series.counts.assign(8, {1, 2});
  const std::string md = RenderBriefMarkdown(b);
  EXPECT_TRUE(Has(md, "| Week of | ASSAULT | COERCE | PROTEST | ACCUSE | CONSULT | AID | other | total |"));
  EXPECT_TRUE(Has(md, "| 2025-01-13 | 2 | 2 | 2 | 2 | 2 | 2 | 4 | 16 |"));
}

TEST(BriefMarkdown, EmptyBrief) {
  BriefData b;
  b.country = "MLI";
  const std::string md = RenderBriefMarkdown(b);
  EXPECT_TRUE(Has(md, "No events were coded for MLI"));
  EXPECT_TRUE(Has(md, "No events in this period."));
  EXPECT_TRUE(Has(md, "No unusual rises"));
}

}  // namespace
}  // namespace griot
