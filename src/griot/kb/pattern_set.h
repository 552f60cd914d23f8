// PatternSet: the event patterns of patterns/*.txt (docs/knowledge-base.md),
// indexed by their first lemma so that each token costs one hash lookup.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
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
  // Per word: the index of the word class it names ("@weapon"), -1 for a
  // literal lemma or a gap.
  std::vector<int32_t> word_class;
};

class PatternSet {
 public:
  static Result<PatternSet> Load(const std::string& dir, const Ontology& ontology,
                                 const FrontEnd& front_end);

  // Patterns whose first lemma is `lemma`; nullptr when none.
  const std::vector<uint32_t>* StartingWith(std::string_view lemma) const;
  const Pattern& pattern(uint32_t i) const { return patterns_[i]; }
  size_t size() const { return patterns_.size(); }
  // Whether `t` belongs to word class `c` (Pattern::word_class): by lemma
  // or by its lower-cased form.
  bool InClass(int32_t c, const Token& t) const;
  // Example sentences carried by the pattern files, for self-tests.
  const std::vector<std::pair<std::string, KbLine>>& examples() const { return examples_; }

 private:
  Status LoadFile(const std::string& path, const std::string& display, const Ontology& ontology,
                  const FrontEnd& front_end);
  // Gives every "@name" word its class index once all files are read (a
  // class may be defined in any file of the directory).
  Status ResolveClasses();
  std::vector<Pattern> patterns_;
  // `class NAME | lemma; lemma; ...` lines: open lexical classes a pattern
  // names instead of one word ("verb seize ... @weapon").
  std::vector<std::unordered_set<std::string>> classes_;
  std::unordered_map<std::string, int32_t> class_index_;
  std::unordered_map<std::string, std::string> class_defined_at_;  // name -> file:line
  PhraseTrie by_first_;  // first lemma -> pattern indices (one-word phrases)
  std::vector<std::pair<std::string, KbLine>> examples_;  // (file, line)
};

}  // namespace griot
