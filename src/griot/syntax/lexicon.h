// Lexicon: the closed-class words of a language and the lexical flags the
// coder relies on (reporting verbs, hazards, locative prepositions...).
// Loaded from kb/<lang>/lexicon.txt (`griot-kb lexicon 1`, `word | TAG | flags`).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "griot/doc/document.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

struct LexEntry {
  Tag tag = Tag::kUnknown;
  uint32_t flags = 0;
};

class Lexicon {
 public:
  static Result<Lexicon> Load(const std::string& path);

  // Looks up a lower-cased word form; nullptr when absent.
  const LexEntry* Find(std::string_view lower) const;
  // The words flagged agentive, genitive and object-prep (in file order).
  const FunctionWords& words() const { return words_by_role_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, LexEntry, Hash, std::equal_to<>> words_;
  FunctionWords words_by_role_;
};

}  // namespace griot
