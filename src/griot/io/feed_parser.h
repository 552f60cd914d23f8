// RSS 2.0, RSS 1.0 (RDF) and Atom feeds as a list of items.
//
//   if (!LooksLikeFeed(first_bytes)) return TreatAsHtml(bytes);
//   Result<std::vector<FeedItem>> items = ParseFeed(bytes);
//   if (!items.ok()) return items.status();
//   for (const FeedItem& item : *items) Code(item.title, item.html, item.date, item.link);
//
// Why this shape: feeds are outside input and often broken (unclosed tags,
// HTML entities with no DTD, a cut-off download), so libxml2 parses them in
// recover mode and a damaged feed still gives the items before the damage.
// Feeds are also hostile input: entities are never expanded (the parser runs
// without XML_PARSE_NOENT, and our text extraction copies entity references
// as "&name;" instead of following them), so an entity bomb costs its own
// size; nothing is fetched from the network; documents over the byte limit
// are refused before parsing; and each parse has its own libxml2 context and
// error handler, so nothing is printed and no global setting changes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct FeedItem {
  std::string title;
  std::string link;
  std::string date;  // ISO "YYYY-MM-DD[THH:MM:SS[Z]]" (offsets folded into UTC), or "" if missing
                     // or unreadable
  std::string id;    // guid / rdf:about / atom:id, else the link
  // content:encoded / atom:content, else description / summary: HTML or
  // text, as the feed has it (escaped or CDATA HTML comes back as HTML).
  std::string html;
  uint32_t index = 0;  // position of the item in the feed (0-based)
};

struct FeedLimits {
  size_t max_bytes = 32 << 20;
  size_t max_items = 100000;
};

// Ok with the items (possibly none) of a feed; an error for a document that
// is not RSS/RDF/Atom at all, or that is over the limits.
Result<std::vector<FeedItem>> ParseFeed(std::string_view xml, const FeedLimits& limits = {});

// True when the bytes look like an RSS/RDF/Atom feed: sniffs the root element
// in the first 8 KB without parsing the document. UTF-8 or ASCII-compatible
// encodings only (a UTF-16 feed gives false).
bool LooksLikeFeed(std::string_view head);

}  // namespace griot
