// DateResolver: finds time expressions in each sentence and dates events.
//
//   Result<DateResolver> dates = DateResolver::Load("kb/en", front_end);
//   dates->Annotate(doc);  // fills Sentence::times of the sentences that hold
//                          // events (needs doc.date for relative words)
//   dates->Assign(doc);    // sets Event::date and Event::date_granularity
//
// Language data (weekday and month names, "yesterday", "last week", ...) comes
// from kb/<lang>/dates.txt; the rules here are language-independent.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "griot/doc/document.h"
#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

class DateResolver {
 public:
  static Result<DateResolver> Load(const std::string& kb_dir, const FrontEnd& front_end);
  void Annotate(Document& doc) const;
  void Assign(Document& doc) const;

 private:
  // What a dates.txt word or phrase is.
  enum class Word : uint8_t { kMonth, kWeekday, kRelative, kLast, kNext, kYearCue, kIgnore, kQualifier, kLink };
  enum class Unit : uint8_t { kDay, kWeek, kMonth, kYear };
  struct Entry {
    Word word = Word::kMonth;
    int value = 0;  // month 1-12, ISO weekday 1-7, or the relative offset
    Unit unit = Unit::kDay;
    bool strict = false;  // month name that is also a common word ("May")
  };
  struct Found;

  const Entry* Single(const Token& t) const;
  const Entry* Single(std::string_view lower) const;
  bool MonthAccepted(const Document& doc, const Sentence& s, uint32_t i, const Entry& e) const;
  int DayNumber(std::string_view lower) const;  // 1-31 with an optional ordinal suffix, else 0
  Found MatchAt(const Document& doc, const Sentence& s, uint32_t i, const int64_t* today) const;
  Found ExplicitDate(const Document& doc, const Sentence& s, uint32_t i) const;

  PhraseTrie trie_;              // keyed by Token::lower; value = index in entries_
  std::vector<Entry> entries_;
  std::vector<std::string> ordinal_suffixes_;  // "th" in "12th May"
};

}  // namespace griot
