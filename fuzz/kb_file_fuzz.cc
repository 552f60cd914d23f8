// Knowledge-base files as analysts edit them: header, fields, lists, examples.
#include "griot/kb/kb_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view content(reinterpret_cast<const char*>(data), size);
  for (const char* kind : {"patterns", "people", "countries"}) {
    auto file = griot::ParseKbFile(content, "fuzz.txt", kind);
    if (!file.ok()) continue;
    for (const auto& line : file->lines) {
      for (const auto& field : line.fields) {
        (void)griot::SplitList(field);
        (void)griot::IsDatePrefix(field);
      }
    }
  }
  return 0;
}
