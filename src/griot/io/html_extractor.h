// HTML article extraction: a news page in, its title, date, URL and clean
// article text out.
//
//   Result<ExtractedArticle> a = ExtractArticle(page_utf8);
//   if (!a.ok()) return a.status();        // over HtmlLimits, or nothing readable
//   doc.title = a->title; doc.date = a->date; doc.text = a->text;
//
//   std::string blurb = HtmlFragmentText(feed_item_description);
//
// Design. Three passes, each linear in the input and none recursive:
//
//  1. Balance (html_balance.cc). A small tokenizer and tree builder of our own
//     turns the page into an explicit, well-nested stream of <div> and <span>
//     elements that carry the original tag name (data-t="article"). It applies
//     the HTML rules that matter for text (implied </p>, </li>, </td>, void and
//     raw-text elements), drops inline formatting tags, comments, scripts other
//     than JSON-LD, and whole subtrees of svg, math, select, template, audio,
//     video, and flattens elements nested deeper than HtmlLimits::max_depth
//     into their ancestor (past 262,144 elements, further tags are dropped
//     and their text kept). Why not hand the page to gumbo directly: gumbo
//     0.10.1 (Debian) is quadratic on hostile nesting (10,000 nested <div>s
//     take 2 s; 10,000 `<b id=N><p>` take 120 s and build 50 million nodes,
//     as every <p> re-opens every earlier <b>) and frees its tree recursively.
//     On a balanced div/span stream none of its special rules fire, so the
//     tree it builds is exactly the one we describe, depth-bounded.
//  2. Parse (html_tree.cc). Gumbo decodes entities and invalid UTF-8 and
//     builds that tree; we copy it into a flat pre-order array (HtmlTree),
//     where every subtree is an index range and sums run in one reverse pass.
//  3. Extract (this file's .cc, html_boilerplate.cc, html_metadata.cc).
//     Elements that are page furniture are pruned by tag (nav, aside, footer,
//     form, button, figcaption, a <header> outside the article) and by
//     class/id/role/aria-label words (nav, menu, breadcrumb, cookie, share,
//     related, newsletter, comment, byline, author, ad/ads, sidebar, ...).
//     The article node is the fullest [itemprop=articleBody], else
//     <article>, else <main>/role=main, if it holds at least half the
//     paragraph text of the readability-style winner; otherwise that winner:
//     each paragraph of 25+ characters scores its non-link text length (its
//     length times 1 - link density), full to its parent and half to its
//     grandparent, a fifth when it sits inside furniture. So related-story
//     cards marked up as <article> do not beat an unmarked story.
//     Inside the article node we keep p, h2-h4, li and blockquote texts that
//     are not link-dominated (link text > 50%) and not furniture lines
//     ("Leave a comment", "Share this", "All rights reserved", ...); a
//     paragraph equal to the one before it is dropped. A page with no such
//     blocks (old <br><br> layouts) falls back to the text flow between
//     block boundaries.
//
// Metadata: title from og:title, else <title> (a " | Site" suffix removed
// when the <h1> or og:site_name confirms it), else the first <h1> (the
// article's own before the page's, so a logo in <h1> does not win); date from
// JSON-LD datePublished, meta article:published_time, og:published_time,
// itemprop=datePublished, name=date, pubdate, DC.date, then the article's
// <time>, normalized to ISO ("May 14, 2024" -> "2024-05-14"); URL from
// <link rel=canonical>, else og:url.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

struct HtmlLimits {
  size_t max_bytes =
      8 << 20;          // larger input is an error (ExtractArticle) or cut (HtmlFragmentText)
  int max_depth = 400;  // deeper elements are flattened into their ancestor at this depth
};

struct ExtractedArticle {
  std::string title;  // og:title, else <title> without a confirmed site suffix, else the first <h1>
  std::string date;   // "YYYY-MM-DD", optionally "THH:MM:SS..." as found in ISO form; "" if none
  std::string url;    // <link rel="canonical">, else og:url, else ""
  std::string text;   // the article's paragraphs, separated by "\n\n"
};

// html must be UTF-8 (the caller converts encodings). Errors only for input
// over the limits, input that is not text (binary), or a page with neither a
// title nor any readable text.
Result<ExtractedArticle> ExtractArticle(std::string_view html, const HtmlLimits& limits = {});

// Plain text of an HTML fragment (feed descriptions): tags dropped, entities
// decoded, block elements and <br> become paragraph breaks ("\n\n"), scripts
// and styles dropped. Input over limits.max_bytes is cut at that size.
std::string HtmlFragmentText(std::string_view html, const HtmlLimits& limits = {});

}  // namespace griot
