// Internal to the HTML extractor: a page's title, publication date and URL.
//
//   ReadMetadata(tree, article_node, &extracted);  // fills title, date and url
//   NormalizeHtmlDate("May 14, 2024") == "2024-05-14"
#pragma once

#include <string>
#include <string_view>

#include "griot/io/html_extractor.h"
#include "griot/io/html_tree.h"

namespace griot {

// Fills out->title, out->date and out->url (sources and their order: see
// html_extractor.h). `article` is the chosen article node: the <h1> in it
// (or in the <article> around it) is preferred for the title, and the first
// <time> there is the last date source.
void ReadMetadata(const HtmlTree& tree, int article, ExtractedArticle* out);

// An ISO date ("2024-05-14", with "THH:MM..." kept when the input is ISO
// with a time) from ISO, "2024/05/14", "20240514", "May 14, 2024",
// "14 May 2024", "Tue, 14 May 2024 08:30:00 GMT" and unambiguous
// "14/05/2024"; "" for anything else.
std::string NormalizeHtmlDate(std::string_view s);

}  // namespace griot
