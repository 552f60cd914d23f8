// Page furniture by tag, by class/id/role/aria-label words, and by line.
#include "griot/io/html_boilerplate.h"

#include <string>
#include <vector>

namespace griot {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

// Lowercase words of a class or id token: "relatedPosts" -> related, posts;
// "GDPRConsent" -> gdpr, consent; "ad300x250" -> ad, x.
std::vector<std::string> Words(std::string_view token) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (!IsLetter(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    if (!word.empty() && IsUpper(c) && IsLower(token[i - 1])) {
      words.push_back(std::move(word));
      word.clear();
    } else if (word.size() >= 2 && IsLower(c) && IsUpper(token[i - 1]) && IsUpper(token[i - 2])) {
      char last = word.back();  // "GDPRC|onsent": the capital starts the next word
      word.pop_back();
      words.push_back(std::move(word));
      word.assign(1, last);
    }
    word += ToLower(c);
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsSignalWord(const std::vector<std::string>& words, size_t k) {
  static constexpr std::string_view kPrefixes[] = {
      "nav",          "menu",     "breadcrumb", "cookie",  "consent",   "banner",     "share",
      "sharing",      "social",   "follow",     "related", "recommend", "newsletter", "subscribe",
      "subscription", "comment",  "byline",     "author",  "promo",     "advert",     "ads",
      "sidebar",      "footer",   "popup",      "modal",   "sponsor",   "outbrain",   "taboola",
      "disqus",       "biograph", "twitter",    "tweet",   "instagram", "facebook",   "whatsapp"};
  const std::string& w = words[k];
  if (w == "ad" || w == "bio") return true;
  if (w == "tag" || w == "tags") {  // "post-tags", "tag-list"; not WordPress's "tag-mali"
    if (k + 1 == words.size()) return true;
    const std::string& next = words[k + 1];
    return next == "list" || next == "cloud" || next == "links" || next == "box";
  }
  if (StartsWith(w, "commentar")) return false;  // "commentary" is an article genre
  for (std::string_view p : kPrefixes) {
    if (StartsWith(w, p)) return true;
  }
  return false;
}

// True when a class/id token or an aria-label names furniture.
bool TokenSignals(std::string_view token) {
  std::vector<std::string> words = Words(token);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (w == "has" || w == "with" || w == "no" || w == "is" || w == "show") return false;
    if (IsSignalWord(words, k)) return true;
  }
  return false;
}

bool AnyTokenSignals(std::string_view value) {
  size_t i = 0;
  while (i < value.size()) {
    size_t j = value.find_first_of(" \t\n\r\f", i);
    if (j == std::string_view::npos) j = value.size();
    if (j > i && TokenSignals(value.substr(i, j - i))) return true;
    i = j + 1;
  }
  return false;
}

}  // namespace

bool IsBoilerplateTag(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "nav",    "aside",    "footer", "form",     "button",   "figcaption", "script",
      "style",  "title",    "head",   "noscript", "template", "iframe",     "svg",
      "select", "textarea", "label",  "input",    "dialog",   "search",     "menu"};
  for (std::string_view t : kTags) {
    if (tag == t) return true;
  }
  return false;
}

bool HasBoilerplateSignal(const HtmlNode& e) {
  if (e.tag == "html" || e.tag == "body") return false;
  if (e.Attr("itemprop").find("articleBody") != std::string_view::npos) return false;
  if (e.HasAttr("hidden")) return true;
  static constexpr std::string_view kRoles[] = {
      "navigation", "banner",      "contentinfo", "complementary", "search",
      "dialog",     "alertdialog", "menu",        "menubar",       "toolbar"};
  std::string role = AsciiLower(e.Attr("role"));
  for (std::string_view r : kRoles) {
    if (role == r) return true;
  }
  return AnyTokenSignals(e.Attr("class")) || AnyTokenSignals(e.Attr("id")) ||
         AnyTokenSignals(e.Attr("aria-label"));
}

bool IsBoilerplateLine(std::string_view text) {
  if (text.size() > 200) return false;
  std::string line = AsciiLower(text);
  size_t start = 0;
  // Skip what leads into the words ("» Read more", "- Share this", "2024 ©"),
  // keeping "(c)" and "©" themselves.
  while (start < line.size() && !IsLetter(line[start]) && line[start] != '(' &&
         line.compare(start, 2, "\xC2\xA9") != 0) {
    ++start;
  }
  std::string_view s = std::string_view(line).substr(start);
  static constexpr std::string_view kContains[] = {
      "all rights reserved", "your email address will not be published",
      "required fields are marked", "we use cookies", "uses cookies"};
  for (std::string_view c : kContains) {
    if (s.find(c) != std::string_view::npos) return true;
  }
  static constexpr std::string_view kPrefixes[] = {
      "leave a comment", "leave a reply", "post a comment",
      "add a comment",   "share this",    "share on ",
      "share via",       "read more",     "read also",
      "also read",       "see also:",     "sign up",
      "subscribe to",    "subscribe now", "photo:",
      "photo credit",    "photograph:",   "image:",
      "picture:",        "follow us",     "click here",
      "copyright",       "\xC2\xA9",      "(c) ",
      "cookie",          "accept all",    "you may also like",
      "posted in",       "filed under",   "tags:",
      "topics:",         "related:",      "related articles",
      "related stories", "back to top",   "skip to",
      "advertisement"};
  for (std::string_view p : kPrefixes) {
    if (!StartsWith(s, p)) continue;
    // A word must end where the phrase does: "sign up" but not "sign upgrades".
    if (s.size() == p.size() || !IsLetter(p.back()) || !IsLetter(s[p.size()])) return true;
  }
  // Whole lines, ignoring a trailing count or punctuation: "Comments (3)".
  size_t end = s.size();
  while (end > 0 && !IsLetter(s[end - 1])) --end;
  std::string_view bare = s.substr(0, end);
  static constexpr std::string_view kLines[] = {
      "comments", "share", "related", "sponsored", "recommended", "most read", "more", "print",
      "email",    "tags",  "topics",  "menu",      "search",      "home",      "next", "previous"};
  for (std::string_view l : kLines) {
    if (bare == l) return true;
  }
  return false;
}

}  // namespace griot
