// The English front end: ICU normalization, rule-based tokenizer and
// sentence splitter, WordNet morphology, lexicon-driven tagger and chunker.
#include <memory>

#include "griot/morph/wordnet.h"
#include "griot/syntax/chunker.h"
#include "griot/syntax/lexicon.h"
#include "griot/syntax/tagger.h"
#include "griot/text/abbreviations.h"
#include "griot/text/front_end.h"
#include "griot/text/normalizer.h"
#include "griot/text/sentence_splitter.h"
#include "griot/text/tokenizer.h"

namespace griot {
namespace {

class EnglishFrontEnd : public FrontEnd {
 public:
  EnglishFrontEnd(Abbreviations abbreviations, Lexicon lexicon, WordNet wordnet)
      : abbreviations_(std::move(abbreviations)),
        lexicon_(std::move(lexicon)),
        wordnet_(std::move(wordnet)),
        tokenizer_(&abbreviations_),
        splitter_(&abbreviations_),
        tagger_(&lexicon_, &wordnet_) {}

  std::string Language() const override { return "en"; }

  Status Analyze(Document& doc, uint32_t max_sentence_tokens) const override {
    Result<std::string> text = normalizer_.Normalize(doc.text);
    if (!text.ok()) return text.status();
    doc.text = std::move(*text);
    doc.tokens.clear();
    doc.sentences.clear();
    tokenizer_.Tokenize(doc);
    splitter_.Split(doc, max_sentence_tokens);
    tagger_.TagDocument(doc);
    chunker_.ChunkDocument(doc);
    return Status::Ok();
  }

  std::vector<Token> AnalyzePhrase(std::string_view phrase) const override {
    Document d;
    d.text = std::string(phrase);
    Result<std::string> text = normalizer_.Normalize(d.text);
    if (text.ok()) d.text = std::move(*text);
    tokenizer_.Tokenize(d);
    tagger_.TagTokens(d.tokens, 0, static_cast<uint32_t>(d.tokens.size()));
    return std::move(d.tokens);
  }

  const FunctionWords& words() const override { return lexicon_.words(); }

 private:
  Abbreviations abbreviations_;
  Lexicon lexicon_;
  WordNet wordnet_;
  Normalizer normalizer_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
  Tagger tagger_;
  Chunker chunker_;
};

}  // namespace

Result<std::unique_ptr<FrontEnd>> CreateEnglishFrontEnd(const std::string& kb_dir,
                                                        const std::string& wordnet_dir) {
  Result<Abbreviations> abbreviations = Abbreviations::Load(kb_dir + "/abbreviations.txt");
  if (!abbreviations.ok()) return abbreviations.status();
  Result<Lexicon> lexicon = Lexicon::Load(kb_dir + "/lexicon.txt");
  if (!lexicon.ok()) return lexicon.status();
  Result<WordNet> wordnet = WordNet::Load(wordnet_dir);
  if (!wordnet.ok()) return wordnet.status();
  return std::unique_ptr<FrontEnd>(new EnglishFrontEnd(
      std::move(*abbreviations), std::move(*lexicon), std::move(*wordnet)));
}

}  // namespace griot
