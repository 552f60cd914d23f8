// WordNet morphology (the "morphy" algorithm) over WordNet's own database.
//
//   Result<WordNet> wn = WordNet::Load("/usr/share/wordnet");
//   wn->BaseForms("fled", WnPos::kVerb)      -> {"flee"}
//   wn->BaseForms("detains", WnPos::kVerb)   -> {"detain"}
//   wn->BaseForms("soldiers", WnPos::kNoun)  -> {"soldier"}
//   wn->Contains("arrest", WnPos::kNoun)     -> true
//
// Loads index.{noun,verb,adj,adv} (lemma lists only) and {noun,verb,adj,adv}.exc
// (irregular forms). BaseForms follows WordNet's morphy: the exception list
// first, then the word itself if it is a lemma, then the detachment rules
// (e.g. verbs: -s, -ies>y, -es>e, -es, -ed>e, -ed, -ing>e, -ing; nouns: -s,
// -ses>s, -xes>x, -zes>z, -ches>ch, -shes>sh, -men>man, -ies>y), keeping only
// candidates present in the index. Multiword lemmas use "_" in WordNet files
// and are exposed with spaces. BaseForms lower-cases ASCII letters of `word`
// and accepts "_" or " " in multiword input; a multiword verb or noun with no
// answer is retried on its head ("carried out" -> "carry out"). Immutable
// after Load: safe to share across threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "griot/util/status.h"

namespace griot {

enum class WnPos : uint8_t { kNoun = 0, kVerb = 1, kAdj = 2, kAdv = 3 };

class WordNet {
 public:
  // `dir` holds WordNet's dict files (Debian's wordnet-base: /usr/share/wordnet).
  static Result<WordNet> Load(const std::string& dir);

  std::vector<std::string> BaseForms(std::string_view word, WnPos pos) const;
  bool Contains(std::string_view lemma, WnPos pos) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
  using Map = std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>>;
  Set index_[4];
  Map exceptions_[4];
};

}  // namespace griot
