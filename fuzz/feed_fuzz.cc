// RSS, RDF and Atom feeds through libxml2 (no entity expansion, no network).
#include "griot/io/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  (void)griot::LooksLikeFeed(xml);
  auto items = griot::ParseFeed(xml);
  (void)items;
  return 0;
}
