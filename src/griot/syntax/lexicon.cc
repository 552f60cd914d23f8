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
    {"agentive", kFlagAgentive},     {"genitive", kFlagGenitive},
    {"coordinator", kFlagCoordinator}, {"object-prep", kFlagObjectPrep},
    {"purpose", kFlagPurpose},       {"target", kFlagTarget},
    {"containment", kFlagContainment}, {"conjunctive", kFlagConjunctive},
    {"region", kFlagRegionNoun},     {"region-after", kFlagRegionNounAfter},
};

// A role only one word may hold: the coder asks for it by role.
Status SetUnique(const KbFile& file, const KbLine& l, const char* role, const std::string& word,
                 std::string* slot) {
  if (!slot->empty()) {
    return file.Error(l, std::string("two words flagged ") + role + ": '" + *slot + "' and '" +
                             word + "'");
  }
  *slot = word;
  return Status::Ok();
}

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
    // The geolocator reads the region flags only on place nouns.
    if ((e.flags & (kFlagRegionNoun | kFlagRegionNounAfter)) && !(e.flags & kFlagLocationNoun)) {
      return file->Error(l, "a region noun is a place noun too: add the flag 'location'");
    }
    std::string word = l.fields[0];
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!lex.words_.emplace(word, e).second) {
      return file->Error(l, "word '" + word + "' listed twice");
    }
    FunctionWords& w = lex.words_by_role_;
    if (e.flags & kFlagAgentive) GRIOT_RETURN_IF_ERROR(SetUnique(*file, l, "agentive", word, &w.agentive));
    if (e.flags & kFlagGenitive) GRIOT_RETURN_IF_ERROR(SetUnique(*file, l, "genitive", word, &w.genitive));
    if (e.flags & kFlagObjectPrep) {
      w.object_prepositions += (w.object_prepositions.empty() ? "" : ",") + word;
    }
  }
  if (lex.words_by_role_.agentive.empty() || lex.words_by_role_.genitive.empty()) {
    return InvalidArgument(path + ": one word must be flagged agentive (\"by\") and one genitive (\"of\")");
  }
  return lex;
}

const LexEntry* Lexicon::Find(std::string_view lower) const {
  auto it = words_.find(lower);
  return it == words_.end() ? nullptr : &it->second;
}

}  // namespace griot
