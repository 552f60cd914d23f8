// PatternSet: the event patterns of patterns/*.txt (docs/knowledge-base.md),
// indexed by their first lemma so that each token costs one hash lookup.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "griot/kb/kb_file.h"
#include "griot/kb/ontology.h"
#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

enum class PatternKind : uint8_t { kVerb, kNoun, kPhrase, kStop };

struct Pattern {
  PatternKind kind = PatternKind::kVerb;
  std::vector<std::string> words;  // lemmas; "..." marks a gap
  std::string type;
  std::string mode;
  std::string cameo;
  std::string recipient;  // "obj", "subj", "none" or a preposition
  std::string actor;      // "subj", "none" or a preposition
  std::string neg;        // "drop" or an event type
  double confidence = 0.8;
  bool governs = false;
  // The trigger only makes an event with a recipient or a framed complement
  // event ("warned the rebels", "warned it would attack", not "warned that
  // rains would come").
  bool requires_object = false;
  // The subject of the passive verb is the one acting: "troops were
  // deployed" (the troops mobilize), unlike "journalists were conscripted".
  bool passive_subject_acts = false;
  // `context=NAME[,NAME]`: contexts the event has whatever its sentence says
  // ("joint exercise" -> military), where an older ontology had a mode.
  std::vector<std::string> contexts;
  // `roles=swapped`: the words name the roles the other way round from
  // PLOVER's: "Egypt hosted Sudan's envoy" is Sudan visiting (actor) Egypt
  // (recipient). The coder swaps the actor and recipient it found.
  bool roles_swapped = false;
  // `object=none`: the sense the pattern means takes no direct object
  // ("protesters demonstrated", not "demonstrated its ability").
  bool no_object = false;
  std::string source;  // "patterns/coerce.txt:12 verb arrest"
  // Precomputed at load for the matcher's inner loop: which words are "..."
  // gaps, and how many are literal.
  std::vector<bool> gap;
  uint32_t literals = 0;
};

class PatternSet {
 public:
  static Result<PatternSet> Load(const std::string& dir, const Ontology& ontology,
                                 const FrontEnd& front_end);

  // Patterns whose first lemma is `lemma`; nullptr when none.
  const std::vector<uint32_t>* StartingWith(std::string_view lemma) const;
  const Pattern& pattern(uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }
  // Example sentences carried by the pattern files, for self-tests.
  const std::vector<std::pair<std::string, KbLine>>& examples() const { return examples_; }

 private:
  Status LoadFile(const std::string& path, const std::string& display, const Ontology& ontology,
                  const FrontEnd& front_end);
  std::vector<Pattern> patterns_;
  PhraseTrie by_first_;  // first lemma -> pattern indices (one-word phrases)
  std::vector<std::pair<std::string, KbLine>> examples_;  // (file, line)
};

}  // namespace griot
