#include "griot/syntax/lexicon.h"

#include <sstream>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

struct NamedTag {
  const char* name;
  Tag tag;
};
constexpr NamedTag kTags[] = {
    {"DET", Tag::kDeterminer}, {"PREP", Tag::kPreposition}, {"CONJ", Tag::kConjunction},
    {"SUB", Tag::kSubordinator}, {"PRON", Tag::kPronoun},   {"AUX", Tag::kAuxiliary},
    {"MODAL", Tag::kModal},      {"NEG", Tag::kNegation},    {"TO", Tag::kTo},
    {"ADV", Tag::kAdverb},       {"ADJ", Tag::kAdjective},   {"NOUN", Tag::kNoun},
    {"VERB", Tag::kVerb},        {"NUM", Tag::kNumber},      {"OPEN", Tag::kUnknown},
};

struct NamedFlag {
  const char* name;
  uint32_t flag;
};
constexpr NamedFlag kFlags[] = {
    {"speech", kFlagSpeech},     {"hazard", kFlagHazard},     {"locative", kFlagLocative},
    {"be", kFlagBe},             {"have", kFlagHave},         {"relative", kFlagRelative},
    {"boundary", kFlagBoundary}, {"quantity", kFlagQuantity}, {"particle", kFlagParticle},
    {"pronoun3", kFlagPronoun3}, {"temporal", kFlagTemporal},   {"future", kFlagFuture},
    {"deontic", kFlagDeontic},   {"conditional", kFlagConditional}, {"negator", kFlagNegator},
    {"definite", kFlagDefinite},   {"hypothetical", kFlagHypothetical},
    {"location", kFlagLocationNoun}, {"direction", kFlagDirection},
    {"background", kFlagBackground}, {"reason", kFlagReason},
};

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "lexicon");
  if (!file.ok()) return file.status();
  Lexicon lex;
  for (const KbLine& l : file->lines) {
    if (l.fields.size() < 2) return file->Error(l, "expected 'word | TAG [| flags]'");
    LexEntry e;
    bool known = false;
    for (const NamedTag& t : kTags) {
      if (l.fields[1] == t.name) {
        e.tag = t.tag;
        known = true;
      }
    }
    if (!known) return file->Error(l, "unknown tag '" + l.fields[1] + "'");
    if (l.fields.size() > 2) {
      std::istringstream fs(l.fields[2]);
      std::string flag;
      while (fs >> flag) {
        bool found = false;
        for (const NamedFlag& f : kFlags) {
          if (flag == f.name) {
            e.flags |= f.flag;
            found = true;
          }
        }
        if (!found) return file->Error(l, "unknown flag '" + flag + "'");
      }
    }
    std::string word = l.fields[0];
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!lex.words_.emplace(word, e).second) {
      return file->Error(l, "word '" + word + "' listed twice");
    }
  }
  return lex;
}

const LexEntry* Lexicon::Find(std::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

}  // namespace griot
