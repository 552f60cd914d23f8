#include "griot/kb/eventness_cues.h"

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

constexpr const char* kNames[] = {"habitual", "purpose", "implicative", "announce", "negative",
                                  "generic",  "stative"};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(CueClass::kCount));

}  // namespace

const char* CueClassName(CueClass c) { return kNames[static_cast<int>(c)]; }

Result<EventnessCues> EventnessCues::Load(const std::string& path, const FrontEnd& front_end) {
  Result<KbFile> file = ReadKbFile(path, "eventness");
  if (!file.ok()) return file.status();
  EventnessCues cues;
  for (const KbLine& l : file->lines) {
    if (l.fields.size() != 2) return file->Error(l, "expected 'CLASS | cue; cue; ...'");
    int cls = -1;
    for (int c = 0; c < static_cast<int>(CueClass::kCount); ++c) {
      if (l.fields[0] == kNames[c]) cls = c;
    }
    if (cls < 0) return file->Error(l, "unknown class '" + l.fields[0] + "'");
    for (const std::string& cue : SplitList(l.fields[1])) {
      std::vector<std::string> lemmas, lowers;
      for (const Token& t : front_end.AnalyzePhrase(cue)) {
        lemmas.push_back(t.lemma.empty() ? t.lower : t.lemma);
        lowers.push_back(t.lower);
      }
      if (lemmas.empty()) return file->Error(l, "empty cue");
      cues.trie_.Insert(lemmas, 1u << cls);
      if (lowers != lemmas) cues.trie_.Insert(lowers, 1u << cls);
    }
  }
  return cues;
}

EventnessCues::Match EventnessCues::At(const std::vector<Token>& tokens, uint32_t i,
                                       uint32_t end) const {
  Match out;
  if (i >= end) return out;
  // Lemmas first, then surface forms: "planned to" and "planned" both meet "plan".
  for (int pass = 0; pass < 2; ++pass) {
    PhraseTrie::Match m = trie_.Longest(end - i, [&](uint32_t k) -> std::string_view {
      const Token& t = tokens[i + k];
      return pass == 0 && !t.lemma.empty() ? std::string_view(t.lemma) : std::string_view(t.lower);
    });
    if (m.length > out.length) {
      out.length = m.length;
      out.classes = 0;
      for (uint32_t v : *m.values) out.classes |= v;
    }
  }
  return out;
}

}  // namespace griot
