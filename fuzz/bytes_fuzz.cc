// Raw input bytes: decompression (gzip, zstd), encoding detection and
// conversion, format sniffing, and every reader behind OpenBytes.
#include "griot/io/decompress.h"
#include "griot/io/encoding.h"
#include "griot/io/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto utf8 = griot::ToUtf8(bytes, griot::DeclaredCharset(bytes));
  (void)utf8;
  griot::DecompressResult d =
      griot::DecompressPartial(bytes, griot::DetectCompression(bytes), 1 << 20);
  (void)d;
  auto reader = griot::OpenBytes("fuzz", std::move(bytes));
  if (reader.ok()) {
    griot::InputRecord rec;
    for (int i = 0; i < 10000 && (*reader)->Next(&rec); ++i) {
    }
  }
  return 0;
}
