// Which class/id/role/aria-label values and which lines are page furniture.
#include "griot/io/html_boilerplate.h"

#include <gtest/gtest.h>

namespace griot {
namespace {

struct SignalCase {
  const char* attr;
  const char* value;
  bool furniture;
};

TEST(HtmlBoilerplateTest, Signals) {
  const SignalCase cases[] = {
      {"class", "share-buttons", true},
      {"class", "article__share", true},
      {"class", "relatedPosts", true},
      {"class", "GDPRConsent", true},
      {"class", "ad", true},
      {"class", "top ad-slot", true},
      {"class", "ads", true},
      {"class", "adsbygoogle", true},
      {"id", "div-gpt-ad-1", true},
      {"class", "comment-list", true},
      {"id", "disqus_thread", true},
      {"class", "post-tags", true},
      {"class", "tag-list", true},
      {"class", "author-bio", true},
      {"class", "nav-previous", true},
      {"class", "site-footer", true},
      {"class", "twitter-tweet", true},
      {"role", "navigation", true},
      {"role", "contentinfo", true},
      {"aria-label", "Breadcrumb", true},
      {"aria-label", "Share this article", true},
      {"class", "head", false},
      {"class", "shadow", false},
      {"class", "download", false},
      {"class", "masthead", false},
      {"class", "badge", false},
      {"class", "entry-content", false},
      {"class", "story-body", false},
      {"class", "has-comments", false},
      {"class", "layout-with-sidebar", false},
      {"class", "post type-post tag-mali tag-press-freedom category-sahel", false},
      {"class", "commentary", false},
      {"role", "main", false},
      {"aria-label", "Article body", false},
  };
  for (const SignalCase& c : cases) {
    HtmlNode n;
    n.tag = "div";
    n.attrs.emplace_back(c.attr, c.value);
    EXPECT_EQ(HasBoilerplateSignal(n), c.furniture) << c.attr << "=" << c.value;
  }
}

TEST(HtmlBoilerplateTest, NeverFurniture) {
  HtmlNode body;
  body.tag = "body";
  body.attrs.emplace_back("class", "single has-sidebar comments-open");
  EXPECT_FALSE(HasBoilerplateSignal(body));
  HtmlNode text;
  text.tag = "div";
  text.attrs = {{"class", "comment"}, {"itemprop", "articleBody"}};
  EXPECT_FALSE(HasBoilerplateSignal(text));
  HtmlNode hidden;
  hidden.tag = "div";
  hidden.attrs.emplace_back("hidden", "");
  EXPECT_TRUE(HasBoilerplateSignal(hidden));
}

TEST(HtmlBoilerplateTest, Lines) {
  const std::pair<const char*, bool> cases[] = {
      {"Leave a comment", true},
      {"Leave a Reply", true},
      {"Your email address will not be published. Required fields are marked *", true},
      {"Share this:", true},
      {"\xC2\xBB Read more: Junta suspends two broadcasters", true},
      {"Sign up for our newsletter", true},
      {"\xC2\xA9 2024 The Sahel Ledger. All rights reserved.", true},
      {"Photo: AFP", true},
      {"Follow us on X", true},
      {"Comments (3)", true},
      {"Advertisement", true},
      {"The comments by the minister angered the opposition.", false},
      {"More than 40 people were killed in the attack.", false},
      {"Readers in Bamako said the sign upset them.", false},
      {"Signs of unrest spread to Kayes.", false},
      {"", false},
      {"This report was filed from Niamey, where all rights reserved for the press under the "
       "2010 charter are now suspended by decree, lawyers said, adding that dozens of reporters "
       "had been summoned for questioning in the past month alone.",
       false},
  };
  for (const auto& [line, furniture] : cases) {
    EXPECT_EQ(IsBoilerplateLine(line), furniture) << line;
  }
}

}  // namespace
}  // namespace griot
