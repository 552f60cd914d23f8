// Abbreviations that end in a period but do not end a sentence.
//
// Language data: loaded from kb/<lang>/abbreviations.txt
// (header `griot-kb abbreviations 1`, one abbreviation per line, e.g. "Gen.",
// "U.S.", "Jan."; a trailing `| title` marks words that precede a name and so
// never end a sentence, e.g. "Mr. | title").
#pragma once

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
  // first, then lower-cased.
  bool Contains(std::string_view word) const;
  // Titles ("Mr.", "Gen.") always precede a name, so never end a sentence.
  bool IsTitle(std::string_view word) const;

 private:
  std::unordered_set<std::string> all_;
  std::unordered_set<std::string> titles_;
};

}  // namespace griot
