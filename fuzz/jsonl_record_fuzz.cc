// One JSONL input line: the fast flat parser and its library fallback.
#include "griot/io/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  griot::InputRecord rec;
  griot::ParseJsonRecord(std::string_view(reinterpret_cast<const char*>(data), size), &rec);
  return 0;
}
