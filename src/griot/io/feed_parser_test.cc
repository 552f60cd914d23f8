// Feeds written for these tests; the news in them is invented.
#include "griot/io/feed_parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace griot {
namespace {

const char kRss2[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Kandria Daily</title>
  <link>https://kandria.example/</link>
  <atom:link href="https://kandria.example/feed" rel="self"/>
  <description>Invented news for tests</description>
  <item>
    <title>Floods close the river port</title>
    <link>https://kandria.example/2024/05/floods</link>
    <guid isPermaLink="false">kd-1001</guid>
    <pubDate>Tue, 14 May 2024 10:30:00 +0200</pubDate>
    <description><![CDATA[<p>Short: the port is <b>closed</b>.</p>]]></description>
    <content:encoded><![CDATA[<p>Flooding closed the river port of Kandria on Monday, officials said.</p>]]></content:encoded>
  </item>
  <item>
    <title>Talks &amp; tensions in Velmora</title>
    <link>https://kandria.example/2024/05/talks</link>
    <dc:date>2024-05-15T09:00:00-05:00</dc:date>
    <description>&lt;p&gt;Negotiators met again in Velmora.&lt;/p&gt;</description>
  </item>
  <item>
    <title> Minister P&eacute;rez resigns </title>
    <guid>https://kandria.example/2024/05/minister</guid>
    <pubDate>sometime last week</pubDate>
    <description>The minister stepped down&#8230; on&nbsp;Friday after R&D cuts &madeup; &#x263A;</description>
  </item>
  <item>
    <title>Curfew lifted</title>
    <guid isPermaLink="false">https://cms.kandria.example/node/77</guid>
  </item>
</channel>
</rss>
)";

const char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Velmora Wire</title>
  <id>urn:uuid:feed-velmora</id>
  <updated>2024-05-16T12:00:00Z</updated>
  <entry>
    <title>Border crossing reopens</title>
    <link rel="edit" href="https://velmora.example/edit/1"/>
    <link rel="alternate" type="text/html" href="https://velmora.example/border"/>
    <id>tag:velmora.example,2024:1</id>
    <published>2024-05-16T08:00:00+03:00</published>
    <updated>2024-05-16T11:00:00Z</updated>
    <summary>Crossing reopens.</summary>
    <content type="html">&lt;p&gt;The northern crossing reopened after &lt;em&gt;three&lt;/em&gt; weeks.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="text">Farmers protest fuel prices</title>
    <link href="https://velmora.example/farmers?page=1&ref=feed"/>
    <id>tag:velmora.example,2024:2</id>
    <updated>2024-05-16T09:30:00Z</updated>
    <summary type="html"><![CDATA[<p>Hundreds of farmers drove tractors into the capital.</p>]]></summary>
  </entry>
  <entry>
    <title>Court rules on election appeal</title>
    <link href="https://velmora.example/court"/>
    <id>tag:velmora.example,2024:3</id>
    <updated>2024-05-16T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The court <b>rejected</b> the appeal.</p></div></content>
  </entry>
</feed>
)";

const char kRdf[] = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gazette.example/">
    <title>Harbour Gazette</title>
    <link>https://gazette.example/</link>
    <description>Invented news for tests</description>
    <items><rdf:Seq>
      <rdf:li rdf:resource="https://gazette.example/strike"/>
      <rdf:li rdf:resource="https://gazette.example/ferry"/>
    </rdf:Seq></items>
  </channel>
  <item rdf:about="https://gazette.example/strike">
    <title>Strike at the shipyard</title>
    <link>https://gazette.example/strike</link>
    <description>Workers walked out over pay.</description>
    <dc:date>2024-05-17</dc:date>
  </item>
  <item rdf:about="urn:gazette:ferry">
    <title>Ferry service suspended</title>
    <link>https://gazette.example/ferry</link>
    <dc:date>2024-05-17T06:45:00+01:00</dc:date>
  </item>
</rdf:RDF>
)";

struct WantItem {
  std::string title, link, date, id, html;
};

struct FeedCase {
  const char* name;
  std::string xml;
  std::vector<WantItem> want;
};

TEST(FeedParser, ReadsRssRdfAndAtom) {
  const FeedCase cases[] = {
      {"rss2",
       kRss2,
       {{"Floods close the river port", "https://kandria.example/2024/05/floods",
         "2024-05-14T08:30:00Z", "kd-1001",
         "<p>Flooding closed the river port of Kandria on Monday, officials said.</p>"},
        {"Talks & tensions in Velmora", "https://kandria.example/2024/05/talks",
         "2024-05-15T14:00:00Z", "https://kandria.example/2024/05/talks",
         "<p>Negotiators met again in Velmora.</p>"},
        {"Minister P\xC3\xA9rez resigns", "https://kandria.example/2024/05/minister", "",
         "https://kandria.example/2024/05/minister",
         "The minister stepped down\xE2\x80\xA6 on\xC2\xA0"
         "Friday after R&D cuts &madeup; \xE2\x98\xBA"},
        {"Curfew lifted", "", "", "https://cms.kandria.example/node/77", ""}}},
      {"atom",
       kAtom,
       {{"Border crossing reopens", "https://velmora.example/border", "2024-05-16T05:00:00Z",
         "tag:velmora.example,2024:1",
         "<p>The northern crossing reopened after <em>three</em> weeks.</p>"},
        {"Farmers protest fuel prices", "https://velmora.example/farmers?page=1&ref=feed",
         "2024-05-16T09:30:00Z", "tag:velmora.example,2024:2",
         "<p>Hundreds of farmers drove tractors into the capital.</p>"},
        {"Court rules on election appeal", "https://velmora.example/court", "2024-05-16T10:00:00Z",
         "tag:velmora.example,2024:3", "<p>The court <b>rejected</b> the appeal.</p>"}}},
      {"rdf",
       kRdf,
       {{"Strike at the shipyard", "https://gazette.example/strike", "2024-05-17",
         "https://gazette.example/strike", "Workers walked out over pay."},
        {"Ferry service suspended", "https://gazette.example/ferry", "2024-05-17T05:45:00Z",
         "urn:gazette:ferry", ""}}},
      {"empty channel", R"(<rss version="2.0"><channel><title>Quiet</title></channel></rss>)", {}},
  };
  for (const FeedCase& c : cases) {
    SCOPED_TRACE(c.name);
    Result<std::vector<FeedItem>> items = ParseFeed(c.xml);
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_EQ(items->size(), c.want.size());
    for (size_t i = 0; i < c.want.size(); ++i) {
      const FeedItem& got = (*items)[i];
      const WantItem& want = c.want[i];
      EXPECT_EQ(got.index, i);
      EXPECT_EQ(got.title, want.title);
      EXPECT_EQ(got.link, want.link);
      EXPECT_EQ(got.date, want.date);
      EXPECT_EQ(got.id, want.id);
      EXPECT_EQ(got.html, want.html);
    }
  }
}

// The declared encoding is honoured, and the entity rewrite leaves UTF-16 alone.
TEST(FeedParser, ReadsOtherEncodings) {
  std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item>"
      "<title>Caf\xE9 owners strike &amp; march</title></item></channel></rss>";
  std::string ascii =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><item>"
      "<title>R&amp;D budget cut</title></item></channel></rss>";
  std::string utf16 = "\xFF\xFE";  // little-endian byte order mark
  for (char c : ascii) utf16 += std::string{c, '\0'};
  struct Case {
    const char* name;
    std::string xml, title;
  };
  const Case cases[] = {{"latin-1", latin1, "Caf\xC3\xA9 owners strike & march"},
                        {"utf-16", utf16, "R&D budget cut"}};
  for (const Case& c : cases) {
    Result<std::vector<FeedItem>> items = ParseFeed(c.xml);
    ASSERT_TRUE(items.ok()) << c.name << ": " << items.status().message();
    ASSERT_EQ(items->size(), 1u) << c.name;
    EXPECT_EQ((*items)[0].title, c.title) << c.name;
  }
}

// Recover mode: the items before the damage survive, and an unclosed <item>
// does not swallow the item after it.
TEST(FeedParser, BrokenFeedsKeepTheGoodItems) {
  struct Case {
    const char* name;
    const char* xml;
    std::vector<std::string> titles;  // at least these, in this order, first
  };
  const Case cases[] = {
      {"cut off",
       R"(<rss version="2.0"><channel><title>Broken</title>
<item><title>First good item</title><link>https://broken.example/1</link><description>One.</description></item>
<item><title>Second good item</title><link>https://broken.example/2</link><description>Two <b>bold</description></item>
<item><title>Third item cut o)",
       {"First good item", "Second good item"}},
      {"unclosed item",
       R"(<rss version="2.0"><channel>
<item><title>Alpha</title><link>https://broken.example/a</link>
<item><title>Beta</title><link>https://broken.example/b</link></item>
</channel></rss>)",
       {"Alpha", "Beta"}},
      {"undeclared prefix",
       R"(<rss version="2.0"><channel>
<item><title>Gamma</title><content:encoded><![CDATA[<p>Gamma in full.</p>]]></content:encoded></item>
</channel></rss>)",
       {"Gamma"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ::testing::internal::CaptureStderr();
    Result<std::vector<FeedItem>> items = ParseFeed(c.xml);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << "libxml2 must not print";
    ASSERT_TRUE(items.ok()) << items.status().message();
    ASSERT_GE(items->size(), c.titles.size());
    for (size_t i = 0; i < c.titles.size(); ++i) EXPECT_EQ((*items)[i].title, c.titles[i]);
  }
  Result<std::vector<FeedItem>> cut = ParseFeed(cases[0].xml);
  EXPECT_EQ((*cut)[0].link, "https://broken.example/1");
  EXPECT_EQ((*cut)[0].html, "One.");
  Result<std::vector<FeedItem>> prefix = ParseFeed(cases[2].xml);
  EXPECT_EQ((*prefix)[0].html, "<p>Gamma in full.</p>");
}

TEST(FeedParser, EntityBombIsNotExpanded) {
  std::string dtd = "<!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) dtd += "&lol" + std::to_string(i - 1) + ";";
    dtd += "\">\n";
  }
  const std::string bodies[] = {
      "<rss version=\"2.0\"><channel><item><title>&lol9;</title><link>https://bomb.example/</link>"
      "<description>&lol9;&lol9;</description></item></channel></rss>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title><link href=\"&lol9;\"/>"
      "<content type=\"xhtml\"><div "
      "xmlns=\"http://www.w3.org/1999/xhtml\"><p>&lol9;</p></div></content>"
      "</entry></feed>",
  };
  for (const std::string& body : bodies) {
    std::string root = body.substr(1, body.find_first_of(" >") - 1);
    std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n" + dtd + "]>\n" + body;
    auto start = std::chrono::steady_clock::now();
    Result<std::vector<FeedItem>> items = ParseFeed(xml);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 2.0) << root;
    if (!items.ok()) continue;  // refusing the bomb is as good as not expanding it
    for (const FeedItem& item : *items) {
      EXPECT_LT(item.title.size() + item.link.size() + item.html.size() + item.id.size(), 1000u)
          << root;
    }
  }
}

TEST(FeedParser, RejectsWhatIsNotAFeed) {
  struct Case {
    const char* name;
    std::string xml;
    FeedLimits limits;
    const char* error;
  };
  const std::string three_items = "<rss><channel><item/><item/><item/></channel></rss>";
  const Case cases[] = {
      {"xhtml",
       "<?xml version=\"1.0\"?><html><body><p>Not a feed.</p></body></html>",
       {},
       "root element is <html>"},
      {"svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>",
       {},
       "root element is <svg>"},
      {"plain text", "The port closed on Monday.", {}, "not XML"},
      {"empty", "", {}, "not XML"},
      {"json", "{\"rss\": true}", {}, "not XML"},
      {"over max_bytes", kRss2, {100, 100000}, "max_bytes"},
      {"over max_items", three_items, {1 << 20, 2}, "max_items"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Result<std::vector<FeedItem>> items = ParseFeed(c.xml, c.limits);
    ASSERT_FALSE(items.ok());
    EXPECT_NE(items.status().message().find(c.error), std::string::npos)
        << items.status().message();
  }
  EXPECT_TRUE(ParseFeed(three_items, {1 << 20, 3}).ok());
}

TEST(FeedParser, LooksLikeFeed) {
  struct Case {
    std::string head;
    bool feed;
  };
  const Case cases[] = {
      {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", true},
      {"\xEF\xBB\xBF<rss version=\"2.0\">", true},
      {"<!-- made by hand -->\n<?xml-stylesheet href=\"feed.xsl\"?>\n<rss>", true},
      {"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
       "\"rss-0.91.dtd\">\n<rss version=\"0.91\">",
       true},
      {"<!DOCTYPE rss [<!ENTITY x \"<html>\">]>\n<rss>", true},
      {"<rss", true},
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">", true},
      {"<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">", true},
      {"<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">", true},
      {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
       "xmlns=\"http://purl.org/rss/1.0/\">",
       true},
      {"<feed>", false},
      {"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description/>",
       false},
      {"<!DOCTYPE html>\n<html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
       "href=\"/rss\">",
       false},
      {"<?xml version=\"1.0\"?><rssfeed>", false},
      {"<?xml version=\"1.0\"?><sitemap>", false},
      {"{\"rss\": true}", false},
      {"The port closed on Monday.", false},
      {"", false},
      {"<?xml version=\"1.0\"?>", false},
  };
  for (const Case& c : cases) EXPECT_EQ(LooksLikeFeed(c.head), c.feed) << c.head;
}

// Each parse owns its libxml2 context, so parses may run on several threads.
TEST(FeedParser, ParsesOnSeveralThreads) {
  std::vector<size_t> counts(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([t, &counts] {
      for (int i = 0; i < 50; ++i) {
        Result<std::vector<FeedItem>> items = ParseFeed(t % 2 ? kAtom : kRss2);
        counts[t] += items.ok() ? items->size() : 1000;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t t = 0; t < counts.size(); ++t)
    EXPECT_EQ(counts[t], t % 2 ? 150u : 200u);  // 3 or 4 items
}

}  // namespace
}  // namespace griot
