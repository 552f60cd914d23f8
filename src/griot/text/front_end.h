// FrontEnd: everything language-specific that turns text into analysed
// tokens. The coder only sees the Document it fills, so a second language
// (French next) plugs in as another FrontEnd plus its own kb/<lang>/ files.
//
//   Result<std::unique_ptr<FrontEnd>> fe = CreateEnglishFrontEnd("kb/en", "/usr/share/wordnet");
//   GRIOT_RETURN_IF_ERROR((*fe)->Analyze(doc));   // doc.text -> tokens, sentences, chunks
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "griot/doc/document.h"
#include "griot/util/status.h"

namespace griot {

// Function words the coder needs as strings (they meet the prepositions of
// pattern files), taken from the language's lexicon flags.
struct FunctionWords {
  std::string agentive;             // the doer of a passive: "by"
  std::string genitive;             // "the arrest of X"
  std::string object_prepositions;  // tried in order after a multi-word trigger, comma-separated
};

class FrontEnd {
 public:
  virtual ~FrontEnd() = default;
  virtual std::string Language() const = 0;
  // Normalizes doc.text in place, then tokenizes, splits sentences (none
  // longer than max_sentence_tokens: longer ones are cut, so no later stage
  // sees an unbounded sentence), tags, lemmatizes and chunks. Fails (and
  // leaves the document unanalysed) on invalid UTF-8.
  virtual Status Analyze(Document& doc, uint32_t max_sentence_tokens = 200) const = 0;
  // Analyses a knowledge-base phrase exactly as running text is analysed, so
  // dictionary entries and text meet on the same token and lemma forms.
  virtual std::vector<Token> AnalyzePhrase(std::string_view phrase) const = 0;
  virtual const FunctionWords& words() const = 0;
};

Result<std::unique_ptr<FrontEnd>> CreateEnglishFrontEnd(const std::string& kb_dir,
                                                        const std::string& wordnet_dir);

}  // namespace griot
