// Tagger: assigns each token a coarse part of speech (Tag), its lemma and its
// lexical flags.
//
// Design: no statistical model to download. Closed-class words come from the
// language's lexicon; open-class words get their possible parts of speech from
// WordNet's morphology, and a small set of left-to-right contextual rules picks
// one (a determiner or preposition before an ambiguous word makes it a noun, a
// subject before it makes it a verb, a form of "be" before a participle makes
// it passive, ...). This is enough to find verb groups, noun phrases and
// clause edges, which is all the coder needs, at millions of tokens a second.
#pragma once

#include <memory>
#include <memory_resource>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "griot/doc/document.h"
#include "griot/morph/wordnet.h"
#include "griot/syntax/lexicon.h"

namespace griot {

class Tagger {
 public:
  Tagger(const Lexicon* lexicon, const WordNet* wordnet) : lexicon_(lexicon), wordnet_(wordnet) {}

  // Tags and lemmatizes the tokens of every sentence of `doc`.
  void TagDocument(Document& doc) const;
  // Tags a bare token sequence as one sentence (knowledge-base phrases).
  void TagTokens(std::vector<Token>& tokens, uint32_t first, uint32_t last) const;

 private:
  // What WordNet's morphology says of one lower-case word form.
  struct Morphology {
    std::string noun, verb, adj;  // preferred lemmas; "" when impossible
    bool adv = false;
    const LexEntry* lex = nullptr;  // closed-class entry and flags, if listed
  };
  // Morphology of every token of [first, last) that needs one (null for the
  // others), memoized: morphy costs dozens of hash lookups per word, and
  // news reuses a small vocabulary. The cache is guarded so a Tagger can
  // serve several coding threads, and capped so hostile input cannot grow it
  // without bound. Its lock is taken once per sentence for the hits and once
  // for the misses, not per word: per-word locking bounced the lock's cache
  // line between coding threads and cost a fifth of the parallel speed-up.
  // Entries the full cache cannot take are appended to *overflow (owned one
  // by one, so earlier entries keep their address).
  void AnalyzeAll(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                  std::vector<const Morphology*>* out,
                  std::vector<std::unique_ptr<Morphology>>* overflow) const;
  Morphology Compute(std::string_view lower) const;
  static bool NeedsMorphology(const Token& t);

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static constexpr size_t kMaxCached = 300000;

  const Lexicon* lexicon_;
  const WordNet* wordnet_;
  // On lines of their own: the lock word is written by every reader, the
  // table's header is read by every lookup. The entries come from an arena
  // of their own: from the general heap they shared cache lines with the
  // short-lived allocations of whichever thread inserted them, and every
  // coding thread's reads missed as the other wrote next door.
  alignas(64) mutable std::shared_mutex cache_mutex_;
  mutable std::pmr::monotonic_buffer_resource cache_arena_;
  alignas(64) mutable std::pmr::unordered_map<std::pmr::string, Morphology, Hash, std::equal_to<>>
      cache_{&cache_arena_};
};

}  // namespace griot
