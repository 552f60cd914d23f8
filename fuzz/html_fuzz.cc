// Web pages and feed fragments: the balancing pre-pass, gumbo, boilerplate
// rules and metadata.
#include "griot/io/html_extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto article = griot::ExtractArticle(html);
  (void)article;
  std::string text = griot::HtmlFragmentText(html);
  (void)text;
  return 0;
}
