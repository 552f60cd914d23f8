#include "griot/kb/actor_words.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

bool OneWord(std::string_view w) {
  return !w.empty() && std::none_of(w.begin(), w.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
}

}  // namespace

Result<ActorWords> ActorWords::Load(const std::string& path, const FrontEnd& front_end) {
  Result<KbFile> file = ReadKbFile(path, "actor-words");
  if (!file.ok()) return file.status();
  ActorWords words;
  std::vector<std::pair<const KbLine*, std::string>> offices;  // resolved once every stem is known
  for (const KbLine& l : file->lines) {
    if (l.fields.size() != 2) return file->Error(l, "expected 'KIND | word; word; ...'");
    const std::string& kind = l.fields[0];
    std::vector<std::string> items = SplitList(l.fields[1]);
    if (items.empty()) return file->Error(l, "no words after '" + kind + " |'");
    if (kind == "connector") {
      for (const std::string& w : items) {
        // Compared with the text's lower-cased tokens as they are.
        if (!OneWord(w) || Lower(w) != w) {
          return file->Error(l, "connector '" + w + "' must be one lower-case token");
        }
        auto& list = words.connectors_;
        if (std::find(list.begin(), list.end(), w) != list.end()) {
          return file->Error(l, "connector '" + w + "' listed twice");
        }
        list.push_back(w);
      }
    } else if (kind == "allegiance") {
      for (const std::string& phrase : items) {
        std::vector<std::string> lowers;
        for (const Token& t : front_end.AnalyzePhrase(phrase)) lowers.push_back(t.lower);
        if (lowers.empty()) return file->Error(l, "empty allegiance phrase");
        words.allegiance_.Insert(lowers, 0);
      }
    } else if (kind == "outsider") {
      for (const std::string& w : items) {
        if (!OneWord(w)) return file->Error(l, "outsider stem '" + w + "' must be one word");
        words.outsider_stems_.push_back(Lower(w));
      }
    } else if (kind == "home-office") {
      for (const std::string& w : items) offices.emplace_back(&l, Lower(w));
    } else {
      return file->Error(
          l, "unknown kind '" + kind + "' (connector, allegiance, outsider or home-office)");
    }
  }
  std::sort(words.connectors_.begin(), words.connectors_.end());
  // A home office exempts the outsider stem it begins with (the longest, if
  // several do); one that begins with none would exempt nothing.
  for (auto& [l, office] : offices) {
    size_t stem = 0;
    for (const std::string& s : words.outsider_stems_) {
      if (office.compare(0, s.size(), s) == 0) stem = std::max(stem, s.size());
    }
    if (stem == 0) {
      return file->Error(*l, "home office '" + office + "' does not begin with an outsider stem");
    }
    words.home_offices_.push_back({std::move(office), stem});
  }
  return words;
}

bool ActorWords::IsNameConnector(std::string_view lower) const {
  return std::binary_search(connectors_.begin(), connectors_.end(), lower,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

uint32_t ActorWords::AllegianceAt(const std::vector<Token>& tokens, uint32_t i,
                                  uint32_t end) const {
  if (i >= end) return 0;
  return allegiance_
      .Longest(end - i, [&](uint32_t k) -> std::string_view { return tokens[i + k].lower; })
      .length;
}

bool ActorWords::MarksOutsider(std::string_view actor_text, std::string_view word_before) const {
  std::string words = Lower(actor_text);
  // "foreign minister" is an office at home: its first occurrence does not
  // count (later ones, and the word before, still do).
  for (const HomeOffice& office : home_offices_) {
    size_t at = words.find(office.phrase);
    if (at != std::string::npos) words.erase(at, office.stem_length);
  }
  words += " " + Lower(word_before);
  // Stems match inside words: "foreigners", "internationally", and also
  // "northwestern".
  for (const std::string& stem : outsider_stems_) {
    if (words.find(stem) != std::string::npos) return true;
  }
  return false;
}

}  // namespace griot
