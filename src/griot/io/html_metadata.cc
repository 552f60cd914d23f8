// Title, date and URL of a page, from meta tags, JSON-LD and the article.
#include "griot/io/html_metadata.h"

#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace griot {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string IsoDate(int y, int m, int d) {
  if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// 1-12 for an English month name or its abbreviation ("Sept." too), else 0.
int MonthNumber(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  std::string w = AsciiLower(word);
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (kMonths[m].substr(0, w.size()) == w) return m + 1;
  }
  return 0;
}

// "May 14, 2024", "14th May 2024", "Tue, 14 May 2024 08:30:00 GMT".
std::string TextualDate(std::string_view s) {
  int year = 0, month = 0, day = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    bool digits = IsDigit(s[i]);
    while (j < s.size() &&
           (digits ? IsDigit(s[j]) : std::isalpha(static_cast<unsigned char>(s[j]))))
      ++j;
    if (j == i) {
      ++i;
      continue;
    }
    std::string_view word = s.substr(i, j - i);
    if (digits && word.size() == 4 && year == 0) {
      year = Number(word);
    } else if (digits && word.size() <= 2 && day == 0) {
      day = Number(word);
    } else if (!digits && month == 0) {
      month = MonthNumber(word);
    }
    i = j;
  }
  return month && day && year ? IsoDate(year, month, day) : "";
}

// False for JSON nested deeper than max_depth (the parser would recurse).
bool JsonDepthWithin(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

bool IsArticleType(const nlohmann::json& object) {
  auto type = object.find("@type");
  if (type == object.end()) return false;
  auto is_article = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s.ends_with("Posting") || s == "Report";
  };
  if (type->is_array()) {
    for (const auto& t : *type) {
      if (is_article(t)) return true;
    }
    return false;
  }
  return is_article(*type);
}

// datePublished from a JSON-LD block: an article's (NewsArticle, BlogPosting,
// ...) wins over any other object's. Walks @graph and nested arrays without
// recursion.
void JsonLdDates(std::string_view text, std::string* article_date, std::string* any_date) {
  if (!JsonDepthWithin(text, 64)) return;
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  } catch (const nlohmann::json::exception&) {
    return;
  }
  std::vector<const nlohmann::json*> stack = {&root};
  while (!stack.empty()) {
    const nlohmann::json* v = stack.back();
    stack.pop_back();
    if (v->is_object()) {
      auto date = v->find("datePublished");
      if (date != v->end() && date->is_string()) {
        std::string* slot = IsArticleType(*v) ? article_date : any_date;
        if (slot->empty()) *slot = date->get<std::string>();
      }
    }
    if (v->is_structured()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) {
        if (it->is_structured()) stack.push_back(&*it);
      }
    }
  }
}

bool EqualsLoose(std::string_view a, std::string_view b) {
  return !a.empty() && AsciiLower(CollapseWhitespace(a)) == AsciiLower(CollapseWhitespace(b));
}

// "Headline | Site" -> "Headline" when the <h1> or og:site_name confirms the
// split ("Site - Headline" likewise); otherwise the title as it is.
std::string StripSiteName(const std::string& title, const std::string& h1,
                          const std::string& site_name) {
  static constexpr std::string_view kSeparators[] = {" | ",  " - ",      " \u2013 ", " \u2014 ",
                                                     " :: ", " \u00B7 ", " \u00BB "};
  for (std::string_view sep : kSeparators) {
    for (size_t pos : {title.rfind(sep), title.find(sep)}) {
      if (pos == std::string::npos) continue;
      std::string_view head = std::string_view(title).substr(0, pos);
      std::string_view tail = std::string_view(title).substr(pos + sep.size());
      if (EqualsLoose(head, h1) || EqualsLoose(tail, site_name)) return std::string(head);
      if (EqualsLoose(tail, h1) || EqualsLoose(head, site_name)) return std::string(tail);
    }
  }
  return title;
}

// Date sources, most trusted first.
enum DateSource {
  kJsonLdArticle,
  kJsonLdAny,
  kArticlePublishedTime,
  kOgPublishedTime,
  kItempropDatePublished,
  kMetaDate,
  kPubdate,
  kDublinCore,
  kTimeDatetime,
  kTimeText,
  kDateSources
};

DateSource MetaDateSource(const std::string& key) {
  if (key == "article:published_time") return kArticlePublishedTime;
  if (key == "og:published_time" || key == "og:article:published_time") return kOgPublishedTime;
  if (key == "datepublished") return kItempropDatePublished;
  if (key == "date") return kMetaDate;
  if (key == "pubdate" || key == "publishdate" || key == "publish-date") return kPubdate;
  if (key == "dc.date" || key == "dc.date.issued" || key == "dcterms.date" ||
      key == "dcterms.issued" || key == "dc.date.created") {
    return kDublinCore;
  }
  return kDateSources;
}

}  // namespace

std::string NormalizeHtmlDate(std::string_view raw) {
  std::string collapsed = CollapseWhitespace(raw);
  std::string_view s = collapsed;
  if (s.size() >= 10 && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2)) &&
      AllDigits(s.substr(8, 2)) && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    std::string date =
        IsoDate(Number(s.substr(0, 4)), Number(s.substr(5, 2)), Number(s.substr(8, 2)));
    if (date.empty() || s[4] != '-' || s.size() < 16 || (s[10] != 'T' && s[10] != ' ') ||
        !AllDigits(s.substr(11, 2)) || s[13] != ':' || !AllDigits(s.substr(14, 2))) {
      return date;
    }
    // The time as found: digits, ':', '.' and a zone ("Z", "+01:00").
    size_t end = s.find_first_not_of("0123456789:.+-Z", 11);
    return date + "T" + std::string(s.substr(11, end == std::string_view::npos ? end : end - 11));
  }
  if (s.size() == 8 && AllDigits(s)) {
    return IsoDate(Number(s.substr(0, 4)), Number(s.substr(4, 2)), Number(s.substr(6, 2)));
  }
  // "14/05/2024" or "05/14/2024": only when the day cannot be the month.
  if (s.size() >= 8 && s.size() <= 10 &&
      (s.find('/') != std::string_view::npos || s.find('.') != std::string_view::npos)) {
    size_t a = s.find_first_of("/."), b = s.find_first_of("/.", a + 1);
    if (b != std::string_view::npos && AllDigits(s.substr(0, a)) &&
        AllDigits(s.substr(a + 1, b - a - 1)) && s.size() - b - 1 == 4 &&
        AllDigits(s.substr(b + 1))) {
      int x = Number(s.substr(0, a)), y = Number(s.substr(a + 1, b - a - 1));
      int year = Number(s.substr(b + 1));
      if (x > 12 || x == y) return IsoDate(year, y, x);
      if (y > 12) return IsoDate(year, x, y);
      return "";
    }
  }
  return TextualDate(s);
}

void ReadMetadata(const HtmlTree& tree, int article, ExtractedArticle* out) {
  std::string og_title, og_url, site_name, canonical, title, h1, article_h1;
  std::string dates[kDateSources];
  auto offer = [&dates](DateSource source, std::string_view value) {
    if (source < kDateSources && dates[source].empty()) dates[source] = CollapseWhitespace(value);
  };
  auto first = [](std::string* slot, std::string_view value) {
    if (slot->empty()) *slot = CollapseWhitespace(value);
  };
  // The <article> holding the article node, when there is one, also holds
  // its <h1> and <time> (the node itself may be just the body text).
  int scope = article;
  for (int up = article; up >= 0; up = tree[up].parent) {
    if (tree[up].tag == "article") {
      scope = up;
      break;
    }
  }
  for (int i = 0; i < static_cast<int>(tree.size()); ++i) {
    const HtmlNode& n = tree[i];
    if (n.is_text()) continue;
    bool in_article = i >= scope && i < tree[scope].end;
    std::string itemprop = AsciiLower(n.Attr("itemprop"));
    if (n.tag == "meta") {
      std::string key = AsciiLower(n.HasAttr("property") ? n.Attr("property") : n.Attr("name"));
      if (key.empty()) key = itemprop;
      std::string_view content = n.Attr("content");
      if (key == "og:title") first(&og_title, content);
      if (key == "og:url") first(&og_url, content);
      if (key == "og:site_name" || key == "application-name") first(&site_name, content);
      offer(MetaDateSource(key), content);
    } else if (n.tag == "link") {
      std::string rel = " " + AsciiLower(n.Attr("rel")) + " ";
      if (rel.find(" canonical ") != std::string::npos) first(&canonical, n.Attr("href"));
    } else if (n.tag == "title") {
      if (title.empty()) title = SubtreeText(tree, i);
    } else if (n.tag == "h1") {
      if (h1.empty()) h1 = SubtreeText(tree, i);
      if (in_article && article_h1.empty()) article_h1 = SubtreeText(tree, i);
    } else if (n.tag == "script") {
      std::string raw;
      for (int c = i + 1; c < n.end; ++c) raw += tree[c].text;
      JsonLdDates(raw, &dates[kJsonLdArticle], &dates[kJsonLdAny]);
    }
    // Subtree texts are read only while their slot is empty, so nested
    // elements cannot make this pass quadratic.
    DateSource marked = itemprop == "datepublished" ? kItempropDatePublished
                        : n.HasAttr("pubdate")      ? kPubdate
                                                    : kDateSources;
    if (n.tag != "meta" && marked != kDateSources && dates[marked].empty()) {
      std::string_view value = n.HasAttr("datetime") ? n.Attr("datetime") : n.Attr("content");
      offer(marked, value.empty() ? SubtreeText(tree, i) : std::string(value));
    }
    if (n.tag == "time" && in_article) {
      if (n.HasAttr("datetime")) offer(kTimeDatetime, n.Attr("datetime"));
      if (dates[kTimeText].empty()) offer(kTimeText, SubtreeText(tree, i));
    }
  }
  if (!article_h1.empty()) h1 = article_h1;
  out->url = canonical.empty() ? og_url : canonical;
  out->title = !og_title.empty() ? og_title
               : !title.empty()  ? StripSiteName(title, h1, site_name)
                                 : h1;
  out->date.clear();
  for (const std::string& raw : dates) {
    if (!raw.empty()) out->date = NormalizeHtmlDate(raw);
    if (!out->date.empty()) break;
  }
}

}  // namespace griot
