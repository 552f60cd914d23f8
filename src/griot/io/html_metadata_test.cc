// Title, date and URL from small page snippets, and date normalization.
#include "griot/io/html_metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "griot/io/html_extractor.h"

namespace griot {
namespace {

const char kBody[] =
    "<p>Soldiers detained the mayor of Gao on Monday after a dispute over the town's budget.</p>";

struct MetaCase {
  const char* name;
  std::string html;
  std::string title;
  std::string date;
  std::string url;
};

class HtmlMetadataTest : public testing::TestWithParam<MetaCase> {};

TEST_P(HtmlMetadataTest, Extracts) {
  const MetaCase& c = GetParam();
  // Snippets with an <article> bring their own text.
  bool has_article = c.html.find("<article") != std::string::npos;
  Result<ExtractedArticle> got = ExtractArticle(has_article ? c.html : c.html + kBody);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->title, c.title);
  EXPECT_EQ(got->date, c.date);
  EXPECT_EQ(got->url, c.url);
}

std::string JsonLd(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

INSTANTIATE_TEST_SUITE_P(
    Html, HtmlMetadataTest,
    testing::Values(
        // Titles.
        MetaCase{"OgTitleWins",
                 "<title>Gao mayor held | Sahel Ledger</title><meta property=\"og:title\" "
                 "content=\"Gao mayor detained by soldiers\"><h1>Gao mayor held</h1>",
                 "Gao mayor detained by soldiers", "", ""},
        MetaCase{"SuffixConfirmedByH1",
                 "<title>Gao mayor held | Sahel Ledger</title><h1>Gao mayor held</h1>",
                 "Gao mayor held", "", ""},
        MetaCase{
            "SuffixConfirmedBySiteName",
            "<title>Gao mayor held - Wire</title><meta property=\"og:site_name\" content=\"Wire\">",
            "Gao mayor held", "", ""},
        MetaCase{"PrefixSiteName", "<title>Wire | Gao mayor held</title><h1>Gao mayor held</h1>",
                 "Gao mayor held", "", ""},
        MetaCase{"UnconfirmedSuffixKept", "<title>Gao talks - what next</title>",
                 "Gao talks - what next", "", ""},
        MetaCase{"FirstH1WithoutTitle", "<h1>Gao <em>mayor</em> held</h1><h1>Second</h1>",
                 "Gao mayor held", "", ""},
        MetaCase{"EntitiesDecoded", "<title>Mali&#8217;s junta &amp; the press</title>",
                 "Mali\u2019s junta & the press", "", ""},
        // Dates.
        MetaCase{"JsonLdNewsArticle",
                 "<title>t</title>" +
                     JsonLd(R"({"@type":"NewsArticle","datePublished":"2024-05-14T08:30:00Z"})"),
                 "t", "2024-05-14T08:30:00Z", ""},
        MetaCase{
            "JsonLdArticleBeatsWebPage",
            "<title>t</title>" +
                JsonLd(
                    R"({"@graph":[{"@type":"WebPage","datePublished":"2024-05-01"},)"
                    R"({"@type":["Thing","ReportageNewsArticle"],"datePublished":"2024-05-14"}]})"),
            "t", "2024-05-14", ""},
        MetaCase{
            "JsonLdTopLevelArray",
            "<title>t</title>" +
                JsonLd(
                    R"([{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"May 14, 2024"}])"),
            "t", "2024-05-14", ""},
        MetaCase{
            "JsonLdBeatsMeta",
            "<title>t</title><meta property=\"article:published_time\" content=\"2024-01-01\">" +
                JsonLd(R"({"@type":"NewsArticle","datePublished":"2024-05-14"})"),
            "t", "2024-05-14", ""},
        MetaCase{"BrokenJsonLdFallsBack",
                 "<title>t</title>" + JsonLd(R"({"@type":"NewsArticle","datePublished":)") +
                     "<meta name=\"date\" content=\"14 May 2024\">",
                 "t", "2024-05-14", ""},
        MetaCase{"DeepJsonLdIgnored", "<title>t</title>" + JsonLd(std::string(100000, '[')), "t",
                 "", ""},
        MetaCase{
            "ArticlePublishedTime",
            "<title>t</title><meta property=\"article:published_time\" content=\"May 14, 2024\">",
            "t", "2024-05-14", ""},
        MetaCase{
            "OgPublishedTime",
            "<title>t</title><meta property=\"og:published_time\" content=\"2024-05-14 08:30:00\">",
            "t", "2024-05-14T08:30:00", ""},
        MetaCase{"ItempropDatePublished",
                 "<title>t</title><meta itemprop=\"datePublished\" content=\"2024/05/14\">", "t",
                 "2024-05-14", ""},
        MetaCase{"MetaNameDate", "<title>t</title><meta name=\"date\" content=\"14 May 2024\">",
                 "t", "2024-05-14", ""},
        MetaCase{"Pubdate", "<title>t</title><meta name=\"pubdate\" content=\"20240514\">", "t",
                 "2024-05-14", ""},
        MetaCase{"DublinCore",
                 "<title>t</title><meta name=\"DC.date.issued\" content=\"2024-05-14\">", "t",
                 "2024-05-14", ""},
        MetaCase{
            "TimeInArticle",
            "<title>t</title><article><time datetime=\"2024-05-14T08:30:00Z\">14 May</time>"
            "<p>Soldiers detained the mayor of Gao on Monday after a long dispute.</p></article>",
            "t", "2024-05-14T08:30:00Z", ""},
        MetaCase{
            "TimeTextInArticle",
            "<title>t</title><article><time>Tue, 14 May 2024 08:30:00 GMT</time>"
            "<p>Soldiers detained the mayor of Gao on Monday after a long dispute.</p></article>",
            "t", "2024-05-14", ""},
        MetaCase{
            "TimeOutsideArticleIgnored",
            "<title>t</title><div><time datetime=\"2023-01-01\">old</time></div><article>"
            "<p>Soldiers detained the mayor of Gao on Monday after a long dispute.</p></article>",
            "t", "", ""},
        MetaCase{"UnreadableDateIgnored",
                 "<title>t</title><meta name=\"date\" content=\"last Tuesday\">", "t", "", ""},
        // URLs.
        MetaCase{"CanonicalBeatsOgUrl",
                 "<title>t</title><meta property=\"og:url\" content=\"https://a.example/og\">"
                 "<link rel=\"canonical\" href=\"https://a.example/canonical\">",
                 "t", "", "https://a.example/canonical"},
        MetaCase{"OgUrl",
                 "<title>t</title><meta property=\"og:url\" content=\"https://a.example/og\">", "t",
                 "", "https://a.example/og"},
        MetaCase{"UrlEntities",
                 "<title>t</title><link rel=\"canonical\" href=\"https://a.example/?a=1&amp;b=2\">",
                 "t", "", "https://a.example/?a=1&b=2"}),
    [](const testing::TestParamInfo<MetaCase>& info) { return std::string(info.param.name); });

struct DateCase {
  const char* raw;
  const char* want;
};

TEST(HtmlDateTest, Normalizes) {
  const DateCase cases[] = {
      {"2024-05-14T08:30:00Z", "2024-05-14T08:30:00Z"},
      {"2024-05-14", "2024-05-14"},
      {" 2024-05-14T08:30:00.000+01:00 ", "2024-05-14T08:30:00.000+01:00"},
      {"2024-05-14 08:30:00", "2024-05-14T08:30:00"},
      {"2024-05-14T", "2024-05-14"},
      {"May 14, 2024", "2024-05-14"},
      {"14 May 2024", "2024-05-14"},
      {"14th May, 2024", "2024-05-14"},
      {"Tue, 14 May 2024 08:30:00 GMT", "2024-05-14"},
      {"Sept. 3, 2024", "2024-09-03"},
      {"Published: 29 February 2024, 10:00", "2024-02-29"},
      {"2024/05/14", "2024-05-14"},
      {"2024.05.14", "2024-05-14"},
      {"20240514", "2024-05-14"},
      {"14/05/2024", "2024-05-14"},
      {"05/14/2024", "2024-05-14"},
      {"05/06/2024", ""},  // day and month cannot be told apart
      {"2024-02-30", ""},
      {"2023-02-29", ""},
      {"2024-13-01", ""},
      {"May 2024", ""},
      {"14 May", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const DateCase& c : cases) {
    EXPECT_EQ(NormalizeHtmlDate(c.raw), c.want) << c.raw;
  }
}

}  // namespace
}  // namespace griot
