// Internal to the HTML extractor: what counts as page furniture (navigation,
// sharing, related links, comments, cookie notices, ads) rather than article.
//
//   if (IsBoilerplateTag(n.tag) || HasBoilerplateSignal(n)) /* skip the subtree */;
//   if (IsBoilerplateLine("Leave a comment")) /* drop the paragraph */;
#pragma once

#include <string_view>

#include "griot/io/html_tree.h"

namespace griot {

// Elements never part of article text: nav, aside, footer, form, button,
// figcaption, script, style, title, ... (<header> is decided by the caller).
bool IsBoilerplateTag(std::string_view tag);

// True when an element is hidden or its role, class, id or aria-label names
// furniture. Class and id tokens are split into words at '-', '_', digits and
// camelCase humps, so "article__share-bar" and "relatedPosts" match while
// "head", "shadow" and "download" do not contain the word "ad". Words after
// a state modifier ("has-comments", "with-sidebar") do not count, nor do
// WordPress taxonomy classes ("tag-mali"). <html>, <body> and
// itemprop=articleBody never match.
bool HasBoilerplateSignal(const HtmlNode& element);

// True for a short line that is furniture wherever it stands: "Leave a
// comment", "Your email address will not be published", "Share this",
// "Read more", "Sign up ...", "All rights reserved", "Photo: ...", "Follow
// us", "Comments (3)". Lines over 200 bytes are never furniture.
bool IsBoilerplateLine(std::string_view collapsed_text);

}  // namespace griot
