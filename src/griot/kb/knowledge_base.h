// KnowledgeBase: everything griot knows about one language, loaded from one
// directory of text files and validated at load (file:line errors).
//
//   Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Load("kb/en", "/usr/share/wordnet");
//   Pipeline pipeline(kb->get());
//
// Immutable after Load; several knowledge bases can live in one process and
// one can be shared by many coding threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "griot/kb/confidence_model.h"
#include "griot/count/count_extractor.h"
#include "griot/geo/gazetteer.h"
#include "griot/kb/actor_dictionary.h"
#include "griot/kb/actor_words.h"
#include "griot/kb/eventness_cues.h"
#include "griot/kb/ontology.h"
#include "griot/kb/pattern_set.h"
#include "griot/text/front_end.h"
#include "griot/time/date_resolver.h"

namespace griot {

struct ContextCue {
  std::string context;
  std::vector<std::string> lemmas;  // one cue (may be multiword)
};

class KnowledgeBase {
 public:
  // `gazetteer` is the compiled gazetteer file; when it does not exist griot
  // runs without one (events get only document-level country locations) and
  // gazetteer_note() says so. A file that exists but is corrupt is an error.
  static Result<std::unique_ptr<KnowledgeBase>> Load(const std::string& kb_dir,
                                                     const std::string& wordnet_dir,
                                                     const std::string& gazetteer = "");

  const FrontEnd& front_end() const { return *front_end_; }
  const Ontology& ontology() const { return ontology_; }
  const ActorDictionary& actors() const { return actors_; }
  // Name connectors, allegiance phrases, outsider stems (actor_words.txt).
  const ActorWords& actor_words() const { return *actor_words_; }
  const PatternSet& patterns() const { return patterns_; }
  const PhraseTrie& context_cues() const { return context_trie_; }
  // Cues of non-political reports (sport...): such sentences give no event.
  const PhraseTrie& nonpolitical_cues() const { return nonpolitical_trie_; }
  const std::string& context_name(uint32_t i) const { return context_names_[i]; }
  // Word classes of habit, purpose, assertion (eventness.txt).
  const EventnessCues& eventness() const { return *eventness_; }
  // The confidence model and its default threshold (confidence.txt).
  const ConfidenceModel& confidence() const { return *confidence_; }
  const std::string& dir() const { return dir_; }
  const Gazetteer& gazetteer() const { return gazetteer_; }
  const std::string& gazetteer_note() const { return gazetteer_note_; }
  const DateResolver& dates() const { return *dates_; }
  const CountExtractor& counts() const { return *counts_; }

 private:
  std::string dir_;
  std::unique_ptr<FrontEnd> front_end_;
  Ontology ontology_;
  ActorDictionary actors_;
  std::unique_ptr<ActorWords> actor_words_;
  PatternSet patterns_;
  PhraseTrie context_trie_;  // keyed by lemma; value = index into context_names_
  PhraseTrie nonpolitical_trie_;  // keyed by lemma
  std::vector<std::string> context_names_;
  Gazetteer gazetteer_;
  std::string gazetteer_note_;
  std::unique_ptr<DateResolver> dates_;
  std::unique_ptr<CountExtractor> counts_;
  std::unique_ptr<EventnessCues> eventness_;
  std::unique_ptr<ConfidenceModel> confidence_;
};

}  // namespace griot
