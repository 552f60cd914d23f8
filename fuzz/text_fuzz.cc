// The front of the pipeline on arbitrary text: normalizer, tokenizer and
// sentence splitter (with the shipped abbreviations).
#include "griot/doc/document.h"
#include "griot/text/abbreviations.h"
#include "griot/text/normalizer.h"
#include "griot/text/sentence_splitter.h"
#include "griot/text/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const griot::Result<griot::Abbreviations> abbreviations =
      griot::Abbreviations::Load(GRIOT_SOURCE_DIR "/kb/en/abbreviations.txt");
  if (!abbreviations.ok()) return 0;
  griot::Result<std::string> text =
      griot::Normalizer().Normalize(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!text.ok()) return 0;
  griot::Document doc;
  doc.text = std::move(*text);
  griot::Tokenizer(&*abbreviations).Tokenize(doc);
  griot::SentenceSplitter(&*abbreviations, 200).Split(doc);
  return 0;
}
