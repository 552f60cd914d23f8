// WordNet loading and morphy.
//
// Loading reads each file whole and walks it with string_view: the four
// indexes hold about 155,000 lemmas, and a stream read line by line would cost
// several times the parse itself. Only the lemma column of index.* is kept;
// synsets are not needed to find a base form.
//
// BaseForms is our own rendering of WordNet's morphy:
//   1. an irregular form listed in <pos>.exc yields its bases (and the word
//      itself if it is also a lemma: "found" -> find, found); rules are then
//      not tried, as in WordNet;
//   2. otherwise the word itself if it is a lemma, then each detachment rule
//      of the part of speech in order, keeping candidates that are lemmas;
//   3. nouns ending in "ful" are reduced without it and get it back
//      ("boxesful" -> "boxful"); nouns ending in "ss" or of two letters or
//      fewer are not stripped ("glass" is not the plural of "glas");
//   4. a multiword expression with no answer yet is retried on its head word:
//      the first word of a verb ("carried out" -> "carry out"), the last of a
//      noun ("prime ministers" -> "prime minister").
#include "griot/morph/wordnet.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace griot {
namespace {

constexpr const char* kPosName[4] = {"noun", "verb", "adj", "adv"};

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};

// WordNet's detachment rules, in the order morphy tries them.
constexpr Rule kNounRules[] = {{"s", ""},     {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},  {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

struct RuleSet {
  const Rule* begin;
  const Rule* end;
};

RuleSet RulesFor(WnPos pos) {
  switch (pos) {
    case WnPos::kNoun: return {std::begin(kNounRules), std::end(kNounRules)};
    case WnPos::kVerb: return {std::begin(kVerbRules), std::end(kVerbRules)};
    case WnPos::kAdj: return {std::begin(kAdjRules), std::end(kAdjRules)};
    case WnPos::kAdv: break;
  }
  return {nullptr, nullptr};
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    return IoError(path + ": cannot open WordNet file (install Debian's wordnet-base or point the "
                          "WordNet directory at a WordNet 3.x dict folder)");
  }
  std::string content;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f.get())) > 0) content.append(buf, got);
  if (std::ferror(f.get())) return IoError(path + ": read error");
  return content;
}

// WordNet writes spaces in multiword lemmas as '_'; we expose spaces.
std::string FromWordNet(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

// Calls fn(line, line_number) for each line of content.
template <typename Fn>
Status ForEachLine(std::string_view content, Fn fn) {
  size_t line_no = 0;
  while (!content.empty()) {
    const void* nl = std::memchr(content.data(), '\n', content.size());
    const size_t len = nl ? static_cast<const char*>(nl) - content.data() : content.size();
    GRIOT_RETURN_IF_ERROR(fn(content.substr(0, len), ++line_no));
    content.remove_prefix(std::min(content.size(), len + 1));
  }
  return Status::Ok();
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<WordNet> WordNet::Load(const std::string& dir) {
  WordNet wn;
  for (int p = 0; p < 4; ++p) {
    const std::string index_path = dir + "/index." + kPosName[p];
    Result<std::string> index = ReadWholeFile(index_path);
    if (!index.ok()) return index.status();
    wn.index_[p].reserve(std::count(index->begin(), index->end(), '\n'));
    GRIOT_RETURN_IF_ERROR(ForEachLine(*index, [&](std::string_view line, size_t line_no) -> Status {
      if (line.empty() || line[0] == ' ') return Status::Ok();  // licence header
      const size_t space = line.find(' ');
      if (space == 0 || space == std::string_view::npos) {
        return DataLoss(index_path + ":" + std::to_string(line_no) + ": expected 'lemma pos ...'");
      }
      wn.index_[p].insert(FromWordNet(line.substr(0, space)));
      return Status::Ok();
    }));

    const std::string exc_path = dir + "/" + kPosName[p] + ".exc";
    Result<std::string> exc = ReadWholeFile(exc_path);
    if (!exc.ok()) return exc.status();
    GRIOT_RETURN_IF_ERROR(ForEachLine(*exc, [&](std::string_view line, size_t line_no) -> Status {
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
      if (line.empty()) return Status::Ok();
      const size_t space = line.find(' ');
      if (space == 0 || space == std::string_view::npos) {
        return DataLoss(exc_path + ":" + std::to_string(line_no) + ": expected 'inflected base [base...]'");
      }
      std::vector<std::string>& bases = wn.exceptions_[p][FromWordNet(line.substr(0, space))];
      std::string_view rest = line.substr(space + 1);
      while (!rest.empty()) {
        const size_t end = std::min(rest.find(' '), rest.size());
        if (end > 0) bases.push_back(FromWordNet(rest.substr(0, end)));
        rest.remove_prefix(std::min(rest.size(), end + 1));
      }
      return Status::Ok();
    }));
  }
  return wn;
}

bool WordNet::Contains(std::string_view lemma, WnPos pos) const {
  const Set& index = index_[static_cast<int>(pos)];
  if (lemma.find('_') == std::string_view::npos) return index.find(lemma) != index.end();
  return index.find(FromWordNet(lemma)) != index.end();
}

std::vector<std::string> WordNet::BaseForms(std::string_view word, WnPos pos) const {
  std::string w = FromWordNet(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const int p = static_cast<int>(pos);
  std::vector<std::string> forms;
  auto add = [&](std::string candidate) {
    if (index_[p].find(candidate) != index_[p].end() &&
        std::find(forms.begin(), forms.end(), candidate) == forms.end()) {
      forms.push_back(std::move(candidate));
    }
  };
  auto detach = [&](std::string_view stem, std::string_view append) {
    const RuleSet rules = RulesFor(pos);
    for (const Rule* r = rules.begin; r != rules.end; ++r) {
      if (stem.size() > r->suffix.size() && EndsWith(stem, r->suffix)) {
        std::string candidate(stem.substr(0, stem.size() - r->suffix.size()));
        candidate += r->replacement;
        candidate += append;
        add(std::move(candidate));
      }
    }
  };

  if (auto it = exceptions_[p].find(w); it != exceptions_[p].end()) {
    for (const std::string& base : it->second) add(base);
    add(w);
    return forms;
  }
  add(w);
  if (pos == WnPos::kNoun && w.size() > 3 && EndsWith(w, "ful")) {
    detach(std::string_view(w).substr(0, w.size() - 3), "ful");
  } else if (!(pos == WnPos::kNoun && (EndsWith(w, "ss") || w.size() <= 2))) {
    detach(w, "");
  }

  if (forms.empty() && (pos == WnPos::kVerb || pos == WnPos::kNoun)) {
    const size_t split = pos == WnPos::kVerb ? w.find(' ') : w.rfind(' ');
    if (split != std::string::npos && split > 0 && split + 1 < w.size()) {
      const std::string head = pos == WnPos::kVerb ? w.substr(0, split) : w.substr(split + 1);
      for (const std::string& base : BaseForms(head, pos)) {
        add(pos == WnPos::kVerb ? base + w.substr(split) : w.substr(0, split + 1) + base);
      }
    }
  }
  return forms;
}

}  // namespace griot
