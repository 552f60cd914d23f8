#include "griot/io/feed_parser.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include <algorithm>
#include <climits>
#include <iterator>
#include <memory>

#include "griot/io/rfc_date.h"

namespace griot {
namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kRss1Ns = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss090Ns = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kXhtmlNs = "http://www.w3.org/1999/xhtml";

std::string_view Str(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : "";
}

// An element's name with its namespace as the conventional prefix: "item",
// "content:encoded", "atom:entry". RSS 0.90/1.0 elements get no prefix, like
// RSS 2.0's. Recover mode leaves an element whose prefix was never declared
// without a namespace and named "content:encoded", which then matches too.
std::string Key(const xmlNode* n) {
  struct Prefix {
    std::string_view ns, prefix;
  };
  static constexpr Prefix kPrefixes[] = {
      {kRss1Ns, ""},    {kRss090Ns, ""},          {kAtomNs, "atom:"}, {kAtom03Ns, "atom:"},
      {kRdfNs, "rdf:"}, {kContentNs, "content:"}, {kDcNs, "dc:"},     {kXhtmlNs, "xhtml:"}};
  std::string_view local = Str(n->name);
  if (n->ns == nullptr || n->ns->href == nullptr) return std::string(local);
  std::string_view ns = Str(n->ns->href);
  for (const Prefix& p : kPrefixes) {
    if (ns == p.ns) return std::string(p.prefix) + std::string(local);
  }
  return "?:" + std::string(local);  // a namespace we do not read
}

std::string Trimmed(std::string s) {
  const char* kSpace = " \t\r\n";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

// The text under a node. Entity references are copied as "&name;", never
// expanded: that is what keeps an entity bomb at its own size.
void AppendText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n; c != nullptr; c = c->next) {
    switch (c->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        out->append(Str(c->content));
        break;
      case XML_ENTITY_REF_NODE:
        out->append("&").append(Str(c->name)).append(";");
        break;
      case XML_ELEMENT_NODE:
        AppendText(c->children, out);
        break;
      default:
        break;
    }
  }
}

std::string Text(const xmlNode* n) {
  std::string out;
  AppendText(n->children, &out);
  return Trimmed(std::move(out));
}

// An attribute's text, read from its child nodes for the same reason as Text().
std::string Attr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (Str(a->name) == name) {
      std::string out;
      AppendText(a->children, &out);
      return Trimmed(std::move(out));
    }
  }
  return "";
}

// The content of a node as HTML: its text when it holds only text (escaped
// or CDATA HTML), else its children serialized (raw XHTML in the feed).
std::string Markup(xmlDoc* doc, const xmlNode* n) {
  bool has_elements = false;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    has_elements |= c->type == XML_ELEMENT_NODE;
  if (!has_elements) return Text(n);
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buf(xmlBufferCreate(), &xmlBufferFree);
  if (!buf) return Text(n);
  std::string out;
  for (xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_CDATA_SECTION_NODE) {
      out.append(Str(c->content));
    } else if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE ||
               c->type == XML_ENTITY_REF_NODE) {
      xmlBufferEmpty(buf.get());
      if (xmlNodeDump(buf.get(), doc, c, 0, 0) >= 0) out.append(Str(xmlBufferContent(buf.get())));
    }
  }
  return Trimmed(std::move(out));
}

// Atom content: type="xhtml" wraps the XHTML in a <div> that is not part of
// it; content with a src attribute lives elsewhere and counts as missing.
std::string AtomContent(xmlDoc* doc, const xmlNode* n) {
  if (!Attr(n, "src").empty()) return "";
  if (Attr(n, "type") == "xhtml") {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && Str(c->name) == "div") return Markup(doc, c);
    }
  }
  return Markup(doc, n);
}

void SetIfEmpty(std::string* field, std::string value) {
  if (field->empty()) *field = std::move(value);
}

FeedItem RssItem(xmlDoc* doc, const xmlNode* item) {
  FeedItem out;
  std::string pub_date, dc_date, encoded, description;
  bool permalink = true;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string key = Key(c);
    if (key == "title") {
      SetIfEmpty(&out.title, Text(c));
    } else if (key == "link") {
      SetIfEmpty(&out.link, Text(c));
    } else if (key == "guid") {
      SetIfEmpty(&out.id, Text(c));
      permalink = Attr(c, "isPermaLink") != "false";
    } else if (key == "pubDate") {
      SetIfEmpty(&pub_date, Text(c));
    } else if (key == "dc:date") {
      SetIfEmpty(&dc_date, Text(c));
    } else if (key == "content:encoded") {
      SetIfEmpty(&encoded, Markup(doc, c));
    } else if (key == "description") {
      SetIfEmpty(&description, Markup(doc, c));
    }
  }
  SetIfEmpty(&out.id, Attr(item, "about"));  // rdf:about of RSS 1.0 items
  // An RSS 2.0 guid is a permalink unless it says otherwise.
  if (permalink && (out.id.starts_with("http://") || out.id.starts_with("https://"))) {
    SetIfEmpty(&out.link, out.id);
  }
  out.date = NormalizeInternetDate(pub_date.empty() ? dc_date : pub_date);
  out.html = encoded.empty() ? std::move(description) : std::move(encoded);
  return out;
}

FeedItem AtomEntry(xmlDoc* doc, const xmlNode* entry) {
  FeedItem out;
  std::string alternate, any_link, published, updated, content, summary;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string key = Key(c);
    if (key.starts_with("atom:")) key.erase(0, 5);  // a feed without the namespace is still read
    if (key == "title") {
      SetIfEmpty(&out.title, Text(c));
    } else if (key == "link") {
      std::string rel = Attr(c, "rel");
      if (rel.empty() || rel == "alternate") SetIfEmpty(&alternate, Attr(c, "href"));
      SetIfEmpty(&any_link, Attr(c, "href"));
    } else if (key == "id") {
      SetIfEmpty(&out.id, Text(c));
    } else if (key == "published" || key == "issued") {
      SetIfEmpty(&published, Text(c));
    } else if (key == "updated" || key == "modified") {
      SetIfEmpty(&updated, Text(c));
    } else if (key == "content") {
      SetIfEmpty(&content, AtomContent(doc, c));
    } else if (key == "summary") {
      SetIfEmpty(&summary, AtomContent(doc, c));
    }
  }
  out.link = alternate.empty() ? any_link : alternate;
  out.date = NormalizeInternetDate(published.empty() ? updated : published);
  out.html = content.empty() ? std::move(summary) : std::move(content);
  return out;
}

bool IsNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }

// Feeds written by HTML tools use HTML entities (&nbsp;, &eacute;) that XML
// does not know, and bare '&' ("R&D"); recover mode drops both, losing
// letters of names. This rewrites known HTML 4 entities as character
// references, which work in any document encoding, and escapes every other
// '&' that does not start a reference XML knows — outside CDATA sections,
// comments and processing instructions. A document that declares entities of
// its own is left alone, and so is UTF-16, where '&' is not a byte of its
// own. False when nothing changed (the common case: then nothing is copied).
bool RewriteHtmlEntities(std::string_view xml, std::string* out) {
  if (xml.find("<!ENTITY") != std::string_view::npos) return false;
  if (xml.substr(0, 4).find('\0') != std::string_view::npos) return false;
  static constexpr std::string_view kXmlEntities[] = {"amp", "lt", "gt", "quot", "apos"};
  size_t copied = 0;  // xml[0, copied) is in *out
  size_t i = 0;
  while ((i = xml.find_first_of("&<", i)) != std::string_view::npos) {
    if (xml[i] == '<') {
      std::string_view rest = xml.substr(i);
      std::string_view end = rest.starts_with("<![CDATA[") ? "]]>"
                             : rest.starts_with("<!--")    ? "-->"
                             : rest.starts_with("<?")      ? "?>"
                                                           : "";
      if (end.empty()) {  // a tag: '&' in its attribute values needs the same care
        ++i;
        continue;
      }
      size_t at = xml.find(end, i + 1);
      i = at == std::string_view::npos ? xml.size() : at + end.size();
      continue;
    }
    size_t j = i + 1;
    while (j < xml.size() && IsNameChar(xml[j])) ++j;
    std::string_view name = xml.substr(i + 1, j - i - 1);
    bool reference = j < xml.size() && xml[j] == ';' && !name.empty() && IsNameStart(name[0]);
    bool keep = (i + 1 < xml.size() && xml[i + 1] == '#') ||
                (reference && std::find(std::begin(kXmlEntities), std::end(kXmlEntities), name) !=
                                  std::end(kXmlEntities));
    if (!keep) {
      out->append(xml.substr(copied, i - copied));
      const htmlEntityDesc* html = nullptr;
      if (reference) {
        html = htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(name).c_str()));
      }
      if (html != nullptr) {
        out->append("&#").append(std::to_string(html->value)).append(";");
        copied = j + 1;
      } else {
        out->append("&amp;");
        copied = i + 1;
      }
    }
    i = j;
  }
  if (copied == 0) return false;
  out->append(xml.substr(copied));
  return true;
}

// libxml2 reports through this instead of printing; what matters is kept in
// ctxt->lastError. (The callback's signature gained a const in 2.12.)
#if LIBXML_VERSION >= 21200
void IgnoreXmlError(void*, const xmlError*) {}
#else
void IgnoreXmlError(void*, xmlErrorPtr) {}
#endif

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

}  // namespace

Result<std::vector<FeedItem>> ParseFeed(std::string_view xml, const FeedLimits& limits) {
  if (xml.size() > limits.max_bytes || xml.size() > static_cast<size_t>(INT_MAX)) {
    return InvalidArgument("feed of " + std::to_string(xml.size()) +
                           " bytes is over the limit of " + std::to_string(limits.max_bytes) +
                           " bytes (FeedLimits::max_bytes)");
  }
  // xmlInitParser is not safe to race on first use; a function-local static runs it once.
  static const bool initialized = (xmlInitParser(), true);
  (void)initialized;

  std::string rewritten;
  if (RewriteHtmlEntities(xml, &rewritten)) xml = rewritten;

  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return Internal("libxml2: cannot allocate a parser context");
  ctxt->sax->serror = &IgnoreXmlError;  // this context's own handler: no printing, no global state
  const int options = XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    std::string why =
        ctxt->lastError.message ? Trimmed(ctxt->lastError.message) : "no root element";
    return InvalidArgument("not an RSS, RDF or Atom feed: the document is not XML (" + why + ")");
  }

  const std::string root_key = Key(root);
  const bool atom = root_key == "atom:feed" || root_key == "feed";
  if (!atom && root_key != "rss" && root_key != "rdf:RDF") {
    return InvalidArgument("not an RSS, RDF or Atom feed: the root element is <" +
                           std::string(Str(root->name)) + ">");
  }
  const std::string item_key = atom ? "entry" : "item";

  // Items in document order. The walk goes into items too, because recover
  // mode nests the items that follow an unclosed <item> inside it; it skips
  // XHTML, where an element named "item" would be content, not an item.
  std::vector<FeedItem> items;
  const xmlNode* n = root->children;
  while (n != nullptr) {
    bool descend = n->type == XML_ELEMENT_NODE;
    if (descend) {
      std::string key = Key(n);
      if (atom && key.starts_with("atom:")) key.erase(0, 5);
      if (key == item_key) {
        if (items.size() >= limits.max_items) {
          return InvalidArgument("feed has more than " + std::to_string(limits.max_items) +
                                 " items (FeedLimits::max_items)");
        }
        items.push_back(atom ? AtomEntry(doc.get(), n) : RssItem(doc.get(), n));
        items.back().index = static_cast<uint32_t>(items.size() - 1);
        SetIfEmpty(&items.back().id, items.back().link);
      }
      descend = !key.starts_with("xhtml:") && n->children != nullptr;
    }
    if (descend) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) n = n->parent == root ? nullptr : n->parent;
    if (n != nullptr) n = n->next;
  }
  return items;
}

bool LooksLikeFeed(std::string_view head) {
  head = head.substr(0, 8192);
  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  auto skip_past = [&](std::string_view end) {
    size_t at = head.find(end, i);
    i = at == std::string_view::npos ? head.size() : at + end.size();
  };
  while (true) {
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
      ++i;
    std::string_view rest = head.substr(i);
    if (rest.starts_with("<?")) {
      skip_past("?>");
    } else if (rest.starts_with("<!--")) {
      skip_past("-->");
    } else if (rest.starts_with("<!")) {  // DOCTYPE, perhaps with an internal subset in [...]
      size_t bracket = rest.find('['), close = rest.find('>');
      if (bracket != std::string_view::npos && bracket < close) skip_past("]");
      skip_past(">");
    } else {
      break;
    }
  }
  std::string_view rest = head.substr(i);
  if (!rest.starts_with("<")) return false;
  size_t end = rest.find_first_of(" \t\r\n/>", 1);
  std::string_view name =
      rest.substr(1, end == std::string_view::npos ? std::string_view::npos : end - 1);
  if (size_t colon = name.find(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  auto mentions = [&](std::string_view ns) { return head.find(ns) != std::string_view::npos; };
  if (name == "rss") return true;
  if (name == "RDF") return mentions(kRss1Ns) || mentions(kRss090Ns);
  if (name == "feed") return mentions(kAtomNs) || mentions(kAtom03Ns);
  return false;
}

}  // namespace griot
