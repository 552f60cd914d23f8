// Abbreviations that end in a period but do not end a sentence.
//
// Language data: loaded from kb/<lang>/abbreviations.txt
// (header `griot-kb abbreviations 1`, one abbreviation per line, e.g. "Gen.",
// "U.S.", "Jan."; a trailing `| title` marks words that precede a name and so
// never end a sentence, e.g. "Mr. | title").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "griot/util/status.h"

namespace griot {

class Abbreviations {
 public:
  static Result<Abbreviations> Load(const std::string& path);
  static Result<Abbreviations> Parse(std::string_view content, const std::string& name);

  // `word` includes its final period, e.g. "Gen." or "U.S.". Case-sensitive
  // first, then lower-cased: an entry written in lower case ("vs.", "a.m.")
  // also matches "Vs." and "A.M.", while "No." does not match "no.".
  bool Contains(std::string_view word) const;
  // Titles ("Mr.", "Gen.") always precede a name, so never end a sentence.
  bool IsTitle(std::string_view word) const;

 private:
  // Transparent hashing: lookups take string_view without allocating.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
  Set all_;
  Set titles_;
};

}  // namespace griot
