// Lexical pieces of the balancing pass; see html_lexer.h.
#include "griot/io/html_lexer.h"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

namespace griot::html_internal {
namespace {

// The canonical name of an attribute worth keeping, or "".
std::string_view KeptName(std::string_view raw) {
  static constexpr std::string_view kKept[] = {
      "class",   "id",  "role", "aria-label", "aria-hidden", "itemprop", "property", "name",
      "content", "rel", "href", "datetime",   "type",        "hidden",   "style",    "pubdate"};
  if (raw.size() > 11) return {};
  for (std::string_view k : kKept) {
    if (EqualsIgnoreCase(raw, k)) return k;
  }
  return {};
}

}  // namespace

Kind KindOf(std::string_view name) {
  static const std::unordered_map<std::string_view, Kind> kKinds = [] {
    std::unordered_map<std::string_view, Kind> m;
    auto set = [&m](std::initializer_list<std::string_view> names, Kind k) {
      for (std::string_view n : names) m.emplace(n, k);
    };
    set({"div",     "section", "article",    "main",    "nav",        "aside",
         "header",  "footer",  "blockquote", "figure",  "figcaption", "address",
         "details", "summary", "dialog",     "hgroup",  "pre",        "listing",
         "center",  "form",    "fieldset",   "marquee", "search"},
        Kind::kBlock);
    set({"ul", "ol", "dl", "menu", "dir"}, Kind::kList);
    set({"p"}, Kind::kParagraph);
    set({"h1", "h2", "h3", "h4", "h5", "h6"}, Kind::kHeading);
    set({"li"}, Kind::kListItem);
    set({"dd", "dt"}, Kind::kDefItem);
    set({"table"}, Kind::kTable);
    set({"thead", "tbody", "tfoot"}, Kind::kTableSection);
    set({"tr"}, Kind::kTableRow);
    set({"td", "th"}, Kind::kTableCell);
    set({"b",     "i",    "em",   "strong", "u",   "s",    "strike", "font",    "big",
         "small", "tt",   "code", "nobr",   "q",   "cite", "abbr",   "acronym", "dfn",
         "kbd",   "samp", "var",  "sub",    "sup", "mark", "ins",    "del",     "bdi",
         "bdo",   "ruby", "rb",   "rt",     "rp",  "rtc"},
        Kind::kFormatting);
    set({"br"}, Kind::kBreak);
    set({"hr"}, Kind::kRule);
    set({"meta", "link"}, Kind::kHeadVoid);
    set({"img", "image", "input", "wbr", "embed", "param", "source", "track", "area", "col", "base",
         "basefont", "bgsound", "keygen", "isindex", "frame"},
        Kind::kDropVoid);
    set({"title"}, Kind::kTitle);
    set({"script"}, Kind::kScript);
    set({"style", "iframe", "noscript", "textarea", "xmp", "noembed", "noframes"}, Kind::kRawText);
    set({"plaintext"}, Kind::kPlaintext);
    set({"svg", "math", "select", "datalist", "template", "object", "applet", "audio", "video",
         "canvas"},
        Kind::kSubtree);
    set({"html", "head", "body", "caption", "colgroup", "frameset", "option", "optgroup"},
        Kind::kIgnored);
    return m;
  }();
  auto it = kKinds.find(name);
  return it == kKinds.end() ? Kind::kInline : it->second;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

bool IsTablePart(Kind k) {
  return k == Kind::kTable || k == Kind::kTableSection || k == Kind::kTableRow ||
         k == Kind::kTableCell;
}
int TableLevel(Kind k) {
  return k == Kind::kTableSection ? 1 : k == Kind::kTableRow ? 2 : k == Kind::kTableCell ? 3 : 0;
}

size_t ScanAttributes(std::string_view s, size_t i, std::vector<KeptAttr>* attrs,
                      bool* self_closing) {
  bool slash = false;
  while (true) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) slash = s[i++] == '/';
    if (i >= s.size()) return kNpos;
    if (s[i] == '>') {
      if (self_closing) *self_closing = slash;
      return i + 1;
    }
    slash = false;
    size_t name_start = i++;  // a leading '=' belongs to the name
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    std::string_view name = s.substr(name_start, i - name_start);
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string_view value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i >= s.size()) return kNpos;
      if (s[i] == '"' || s[i] == '\'') {
        size_t close = s.find(s[i], i + 1);
        if (close == kNpos) return kNpos;
        value = s.substr(i + 1, close - i - 1);
        i = close + 1;
      } else if (s[i] != '>') {
        size_t start = i;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
        value = s.substr(start, i - start);
      }
    }
    if (attrs == nullptr) continue;
    std::string_view kept = KeptName(name);
    if (kept.empty()) continue;
    bool seen = std::any_of(attrs->begin(), attrs->end(),
                            [&](const KeptAttr& a) { return a.name == kept; });
    if (!seen) attrs->push_back({kept, value});  // the first of duplicates wins, as in HTML
  }
}

std::string TagName(std::string_view s, size_t i, size_t* end) {
  size_t j = i;
  while (j < s.size() && !IsSpace(s[j]) && s[j] != '/' && s[j] != '>') ++j;
  *end = j;
  std::string name;
  for (size_t k = i; k < j && name.size() < 40; ++k) {
    char c = Lower(s[k]);
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    name += ok ? c : '-';
  }
  return name;
}

size_t CommentEnd(std::string_view s, size_t k) {
  if (k < s.size() && s[k] == '>') return k + 1;  // <!-->
  if (s.compare(k, 2, "->") == 0) return k + 2;   // <!--->
  for (size_t p = s.find("--", k); p != kNpos; p = s.find("--", p + 1)) {
    if (p + 2 < s.size() && s[p + 2] == '>') return p + 3;
    if (s.compare(p + 2, 2, "!>") == 0) return p + 4;
  }
  return s.size();
}

// True when s[p] starts "</name" followed by a tag-name terminator.
bool IsEndTagOf(std::string_view s, size_t p, std::string_view name) {
  if (p + 2 + name.size() > s.size() || s[p + 1] != '/') return false;
  if (!EqualsIgnoreCase(s.substr(p + 2, name.size()), name)) return false;
  size_t q = p + 2 + name.size();
  return q == s.size() || IsSpace(s[q]) || s[q] == '/' || s[q] == '>';
}

size_t RawTextEnd(std::string_view s, size_t i, std::string_view name, std::string_view* content) {
  for (size_t p = s.find('<', i); p != kNpos; p = s.find('<', p + 1)) {
    if (!IsEndTagOf(s, p, name)) continue;
    *content = s.substr(i, p - i);
    size_t after = ScanAttributes(s, p + 2 + name.size(), nullptr, nullptr);
    return after == kNpos ? s.size() : after;
  }
  *content = s.substr(i);
  return s.size();
}

size_t SubtreeEnd(std::string_view s, size_t i, std::string_view name) {
  int open = 1;
  size_t p = s.find('<', i);
  while (p != kNpos) {
    if (s.compare(p, 4, "<!--") == 0) {
      p = s.find('<', CommentEnd(s, p + 4));
      continue;
    }
    bool end = IsEndTagOf(s, p, name);
    bool start = !end && p + 1 + name.size() <= s.size() &&
                 EqualsIgnoreCase(s.substr(p + 1, name.size()), name) &&
                 (p + 1 + name.size() == s.size() || IsSpace(s[p + 1 + name.size()]) ||
                  s[p + 1 + name.size()] == '>' || s[p + 1 + name.size()] == '/');
    if (!end && !start) {
      p = s.find('<', p + 1);
      continue;
    }
    bool self_closing = false;
    size_t after = ScanAttributes(s, p + (end ? 2 : 1) + name.size(), nullptr, &self_closing);
    if (after == kNpos) return s.size();
    if (end && --open == 0) return after;
    if (start && !self_closing) ++open;
    p = s.find('<', after);
  }
  return s.size();
}

void AppendReplacing(std::string* out, std::string_view s, char from, std::string_view to) {
  for (size_t p = s.find(from); p != kNpos; p = s.find(from)) {
    out->append(s.substr(0, p));
    out->append(to);
    s.remove_prefix(p + 1);
  }
  out->append(s);
}

}  // namespace griot::html_internal
