// WARC records: lengths, headers, chunked payloads, resynchronisation.
#include "griot/io/warc_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  griot::WarcParser parser(std::string_view(reinterpret_cast<const char*>(data), size), 1 << 20);
  griot::WarcRecord rec;
  for (int i = 0; i < 10000 && parser.Next(&rec); ++i) {
  }
  return 0;
}
