// End to end: fixture pages (tests/data/html/<name>.html, with the expected
// article text in <name>.txt when there is one), feed fragments, and hostile
// input that must come back quickly either as an error or as some text.
#include "griot/io/html_extractor.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "griot/io/html_tree.h"

namespace griot {
namespace {

std::string ReadFixture(const std::string& file) {
  std::ifstream in(std::string(GRIOT_SOURCE_DIR) + "/tests/data/html/" + file, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture tests/data/html/" << file;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Furniture that no fixture's article text may contain.
const char* const kFurniture[] = {"Leave a comment",
                                  "Your email address",
                                  "Required fields",
                                  "Share this",
                                  "Share on",
                                  "Read more",
                                  "Sign up",
                                  "All rights reserved",
                                  "Photo:",
                                  "Follow us",
                                  "Follow her",
                                  "cookies",
                                  "Advertisement",
                                  "Related",
                                  "Most read",
                                  "Most popular",
                                  "You may also like",
                                  "Subscribe",
                                  "Posted in",
                                  "Tagged",
                                  "Tags:",
                                  "Topics:",
                                  "Print this page",
                                  "Email a friend",
                                  "Copyright",
                                  "thoughts on",
                                  "Previous:",
                                  "About the author",
                                  "Please enable JavaScript",
                                  "not text",
                                  "Skip to content",
                                  "Breadcrumb",
                                  "WhatsApp"};

struct FixtureCase {
  const char* name;  // tests/data/html/<name>.html
  bool golden;       // <name>.txt holds the exact expected text
  const char* title;
  const char* date;
  const char* url;
  std::vector<std::string> contains;      // besides the golden text
  std::vector<std::string> not_contains;  // besides kFurniture
};

class HtmlFixtureTest : public testing::TestWithParam<FixtureCase> {};

TEST_P(HtmlFixtureTest, ExtractsArticle) {
  const FixtureCase& c = GetParam();
  Result<ExtractedArticle> got = ExtractArticle(ReadFixture(std::string(c.name) + ".html"));
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->title, c.title);
  EXPECT_EQ(got->date, c.date);
  EXPECT_EQ(got->url, c.url);
  if (c.golden) {
    std::string want = ReadFixture(std::string(c.name) + ".txt");
    while (!want.empty() && want.back() == '\n') want.pop_back();
    EXPECT_EQ(got->text, want);
  }
  for (const std::string& s : c.contains) {
    EXPECT_NE(got->text.find(s), std::string::npos) << "missing: " << s << "\n" << got->text;
  }
  for (const char* s : kFurniture) {
    EXPECT_EQ(got->text.find(s), std::string::npos) << "furniture: " << s << "\n" << got->text;
  }
  for (const std::string& s : c.not_contains) {
    EXPECT_EQ(got->text.find(s), std::string::npos) << "unwanted: " << s << "\n" << got->text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Html, HtmlFixtureTest,
    testing::Values(
        FixtureCase{
            "burkina_journalists",
            true,
            "Burkina junta detains three journalists after radio debate",
            "2024-05-14T08:30:00+00:00",
            "https://sahelledger.example/2024/05/14/burkina-junta-detains-three-journalists/",
            {},
            {"Aïssata", "shameful day", "Free them now", "Fuel shortages", "Sahel briefing",
             "Ouagadougou.\n", "Junta suspends", "Independent reporting"}},
        FixtureCase{"ecowas_summit",
                    true,
                    "ECOWAS leaders agree to regional standby force at Abuja summit",
                    "2024-06-22T14:05:00Z",
                    "https://westafricawire.example/news/2024/06/22/ecowas-standby-force",
                    {},
                    {"Kwame Mensah", "Live from the summit", "Morning Wire", "Ghana cedi", "Log in",
                     "Français", "Disqus"}},
        FixtureCase{
            "dakar_march",
            true,
            "Thousands march in Dakar to demand release of detained activists",
            "2024-03-02T17:45:00Z",
            "https://terangapost.example/senegal/2024/03/02/dakar-march",
            {},
            {"Fatou Ndiaye", "Protesters in central Dakar", "morning briefing", "Three killed",
             "political crisis explained", "train line", "Spotted a mistake", "Agree and close"}},
        FixtureCase{"niamey_curfew_legacy",
                    false,
                    "Niger: Niamey curfew extended - Sahel Radio Online",
                    "2024-05-14",
                    "",
                    {"The military authorities in Niger have extended the night-time curfew in the "
                     "capital Niamey by one month, citing continued threats from armed groups "
                     "operating near the border with Burkina Faso.\n\nThe curfew, which runs",
                     "\"People are afraid to be caught on the road after dark,\" said one trader",
                     "anyone found outside without a pass would be detained."},
                    {"Sections", "Listen live", "FM 101.5", "Archive", "Contact"}},
        FixtureCase{
            "mopti_cards",
            false,
            "Mali: gunmen attack market near Mopti",
            "2024-01-09",
            "",
            {"Gunmen on motorbikes attacked a weekly market near the central Malian town of "
             "Mopti on Tuesday",
             "No group claimed responsibility."},
            {"More from Mali", "Bamako power cuts", "twelve hours", "Gold output"}}),
    [](const testing::TestParamInfo<FixtureCase>& info) { return std::string(info.param.name); });

// Hostile input: each must finish in well under the time gumbo alone needs
// (100,000 nested <div>s take it minutes) and give an error or some text.
struct HostileCase {
  const char* name;
  std::string html;
};

std::string Repeat(std::string_view unit, int n) {
  std::string s;
  s.reserve(unit.size() * n);
  for (int i = 0; i < n; ++i) s += unit;
  return s;
}

std::string Junk(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(gen() & 0xFF);
  return s;
}

std::vector<HostileCase> HostileCases() {
  std::string formatting;  // gumbo re-opens every distinct <b> in every <p>
  for (int i = 0; i < 10000; ++i) formatting += "<b id=" + std::to_string(i) + "><p>x";
  std::string attributes = "<div " + Repeat("a ", 100000) + ">text</div>";
  return {
      {"NestedDivs", Repeat("<div>", 100000) + "Deep inside." + Repeat("</div>", 100000)},
      {"UnclosedNestedDivs", Repeat("<div>", 100000) + "Deep inside."},
      {"MegabyteWithoutSpaces", std::string(1 << 20, 'a')},
      {"UnclosedParagraphs", Repeat("<p>Para", 10000)},
      {"BinaryJunk", Junk(1 << 16, 7)},
      {"HighBytesJunk",
       [] {
         std::string s = Junk(1 << 16, 9);
         for (char& c : s) c |= '\x80';
         return s;
       }()},
      {"FormattingInParagraphs", formatting},
      {"NestedTables", Repeat("<table><tr><td>", 10000) + "cell"},
      {"NestedLinks", Repeat("<a href=x>", 100000) + "link"},
      {"ManyAttributes", attributes},
      {"UnclosedComment", "<p>before</p><!--" + std::string(1 << 20, '-')},
      {"UnclosedSvg", "<p>before</p><svg>" + Repeat("<svg>", 10000)},
      {"LessThanSigns", std::string(1 << 20, '<')},
      {"Entities", Repeat("&amp;&#x1F600;&bogus;", 50000)},
      {"UnclosedAttribute", "<div class=\"" + std::string(1 << 20, 'x')},
      {"EndTagsOnly", Repeat("</div></p></li></td></span>", 50000)},
  };
}

TEST(HtmlHostileTest, FinishesQuicklyWithErrorOrText) {
  for (const HostileCase& c : HostileCases()) {
    auto start = std::chrono::steady_clock::now();
    Result<ExtractedArticle> got = ExtractArticle(c.html);
    std::string fragment = HtmlFragmentText(c.html);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0) << c.name;
    if (got.ok()) {
      EXPECT_FALSE(got->text.empty() && got->title.empty()) << c.name;
    } else {
      EXPECT_FALSE(got.status().message().empty()) << c.name;
    }
    BalancedHtml balanced = BalanceHtml(c.html, HtmlLimits{});
    EXPECT_LE(balanced.max_depth, HtmlLimits{}.max_depth) << c.name;
  }
}

TEST(HtmlHostileTest, SpecificOutcomes) {
  Result<ExtractedArticle> deep = ExtractArticle(Repeat("<div>", 100000) + "Deep inside.");
  ASSERT_TRUE(deep.ok()) << deep.status().message();
  EXPECT_EQ(deep->text, "Deep inside.");

  Result<ExtractedArticle> flat = ExtractArticle(std::string(1 << 20, 'a'));
  ASSERT_TRUE(flat.ok()) << flat.status().message();
  EXPECT_EQ(flat->text.size(), size_t{1} << 20);

  Result<ExtractedArticle> paragraphs = ExtractArticle(Repeat("<p>Para", 10000));
  ASSERT_TRUE(paragraphs.ok());  // one "Para" kept: repeats of a paragraph collapse
  EXPECT_EQ(paragraphs->text, "Para");

  Result<ExtractedArticle> junk = ExtractArticle(Junk(1 << 16, 7));
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(junk.status().message().find("not HTML text"), std::string::npos);
}

TEST(HtmlLimitsTest, OverLimitsIsAnError) {
  HtmlLimits small;
  small.max_bytes = 100;
  Result<ExtractedArticle> got = ExtractArticle(std::string(101, 'a'), small);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(got.status().message().find("max_bytes"), std::string::npos);
  EXPECT_EQ(HtmlFragmentText("<p>" + std::string(200, 'a') + "</p>", small), std::string(97, 'a'));
}

TEST(HtmlLimitsTest, NothingReadableIsAnError) {
  for (const char* html : {"", "   ", "<html><head><script>var a = 1;</script></head></html>"}) {
    Result<ExtractedArticle> got = ExtractArticle(html);
    ASSERT_FALSE(got.ok()) << html;
    EXPECT_EQ(got.status().code(), StatusCode::kNotFound) << html;
  }
}

struct FragmentCase {
  const char* name;
  std::string html;
  std::string want;
};

class HtmlFragmentTest : public testing::TestWithParam<FragmentCase> {};

TEST_P(HtmlFragmentTest, PlainText) {
  EXPECT_EQ(HtmlFragmentText(GetParam().html), GetParam().want);
}

INSTANTIATE_TEST_SUITE_P(
    Html, HtmlFragmentTest,
    testing::Values(
        FragmentCase{
            "FeedDescription",
            "<p>Troops &amp; police clashed with protesters in <a href=\"https://x.example/"
            "bamako\">Bamako</a> on Friday.</p><p>At least 3 people were injured.<br>A "
            "curfew was imposed.</p>Witnesses said shops stayed shut."
            "<script>var x = '<p>no</p>';</script><style>p { color: red }</style>",
            "Troops & police clashed with protesters in Bamako on Friday.\n\nAt least 3 "
            "people were injured.\n\nA curfew was imposed.\n\nWitnesses said shops stayed "
            "shut."},
        FragmentCase{"PlainText", "Rebels seized Gao.", "Rebels seized Gao."},
        FragmentCase{"EscapedMarkupStaysText", "&lt;b&gt;not bold&lt;/b&gt; 5 &lt; 6",
                     "<b>not bold</b> 5 < 6"},
        FragmentCase{"InlineJoins", "Ba<span>ma</span><b>ko</b>", "Bamako"},
        FragmentCase{"BlocksSeparate", "<div>one</div><div>two</div><ul><li>three<li>four</ul>",
                     "one\n\ntwo\n\nthree\n\nfour"},
        FragmentCase{"Whitespace", "&nbsp; a \n\t b&nbsp;", "a b"},
        FragmentCase{"NumericEntities", "caf&#233; &#x2014; Mali&#8217;s", "café — Mali’s"},
        FragmentCase{"Empty", "", ""}),
    [](const testing::TestParamInfo<FragmentCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace griot
