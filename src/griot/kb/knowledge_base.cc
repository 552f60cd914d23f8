#include "griot/kb/knowledge_base.h"

#include <filesystem>

#include "griot/kb/kb_file.h"

namespace griot {

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(const std::string& kb_dir,
                                                           const std::string& wordnet_dir,
                                                           const std::string& gazetteer) {
  auto kb = std::unique_ptr<KnowledgeBase>(new KnowledgeBase());
  kb->dir_ = kb_dir;
  Result<std::unique_ptr<FrontEnd>> fe = CreateEnglishFrontEnd(kb_dir, wordnet_dir);
  if (!fe.ok()) return fe.status();
  kb->front_end_ = std::move(*fe);

  Result<Ontology> ontology = Ontology::Load(kb_dir + "/ontology.txt");
  if (!ontology.ok()) return ontology.status();
  kb->ontology_ = std::move(*ontology);

  Result<ActorDictionary> actors = ActorDictionary::Load(kb_dir, *kb->front_end_);
  if (!actors.ok()) return actors.status();
  kb->actors_ = std::move(*actors);
  for (size_t i = 0; i < kb->actors_.size(); ++i) {
    const ActorEntry& e = kb->actors_.entry(static_cast<uint32_t>(i));
    if (!e.sector.empty() && !kb->ontology_.HasSector(e.sector)) {
      return InvalidArgument(e.source + ": sector '" + e.sector +
                             "' is not declared in ontology.txt");
    }
  }

  Result<ActorWords> actor_words = ActorWords::Load(kb_dir + "/actor_words.txt", *kb->front_end_);
  if (!actor_words.ok()) return actor_words.status();
  kb->actor_words_ = std::make_unique<ActorWords>(std::move(*actor_words));

  Result<PatternSet> patterns =
      PatternSet::Load(kb_dir + "/patterns", kb->ontology_, *kb->front_end_);
  if (!patterns.ok()) return patterns.status();
  kb->patterns_ = std::move(*patterns);

  Result<KbFile> contexts = ReadKbFile(kb_dir + "/contexts.txt", "contexts");
  if (!contexts.ok()) return contexts.status();
  contexts->path = "contexts.txt";
  for (const KbLine& l : contexts->lines) {
    if (l.fields.size() != 2) return contexts->Error(l, "expected 'context | cue; cue; ...'");
    if (!kb->ontology_.HasContext(l.fields[0])) {
      return contexts->Error(l, "context '" + l.fields[0] + "' is not declared in ontology.txt");
    }
    uint32_t index = static_cast<uint32_t>(kb->context_names_.size());
    kb->context_names_.push_back(l.fields[0]);
    for (const std::string& cue : SplitList(l.fields[1])) {
      std::vector<std::string> lemmas;
      for (const Token& t : kb->front_end_->AnalyzePhrase(cue)) {
        lemmas.push_back(t.lemma.empty() ? t.lower : t.lemma);
      }
      if (!lemmas.empty()) kb->context_trie_.Insert(lemmas, index);
    }
  }

  Result<KbFile> nonpolitical = ReadKbFile(kb_dir + "/nonpolitical.txt", "nonpolitical");
  if (!nonpolitical.ok()) return nonpolitical.status();
  for (const KbLine& l : nonpolitical->lines) {
    if (l.fields.size() != 2 || l.fields[0].empty()) {
      return nonpolitical->Error(l, "expected 'cue | domain'");
    }
    std::vector<std::string> lemmas;
    for (const Token& t : kb->front_end_->AnalyzePhrase(l.fields[0])) {
      lemmas.push_back(t.lemma.empty() ? t.lower : t.lemma);
    }
    // Cues match on lemmas or, for inflected cues ("scored"), surface forms.
    if (!lemmas.empty()) kb->nonpolitical_trie_.Insert(lemmas, 0);
    std::vector<std::string> lowers;
    for (const Token& t : kb->front_end_->AnalyzePhrase(l.fields[0])) lowers.push_back(t.lower);
    if (!lowers.empty() && lowers != lemmas) kb->nonpolitical_trie_.Insert(lowers, 0);
  }

  Result<EventnessCues> eventness = EventnessCues::Load(kb_dir + "/eventness.txt", *kb->front_end_);
  if (!eventness.ok()) return eventness.status();
  kb->eventness_ = std::make_unique<EventnessCues>(std::move(*eventness));
  Result<ConfidenceModel> confidence = ConfidenceModel::Load(kb_dir + "/confidence.txt", kb->ontology_);
  if (!confidence.ok()) return confidence.status();
  kb->confidence_ = std::make_unique<ConfidenceModel>(std::move(*confidence));

  Result<DateResolver> dates = DateResolver::Load(kb_dir, *kb->front_end_);
  if (!dates.ok()) return dates.status();
  kb->dates_ = std::make_unique<DateResolver>(std::move(*dates));
  Result<CountExtractor> counts = CountExtractor::Load(kb_dir, *kb->front_end_);
  if (!counts.ok()) return counts.status();
  kb->counts_ = std::make_unique<CountExtractor>(std::move(*counts));

  std::error_code ec;
  if (gazetteer.empty() || !std::filesystem::exists(gazetteer, ec)) {
    kb->gazetteer_note_ = "no gazetteer" + (gazetteer.empty() ? std::string() : " at " + gazetteer) +
                          ": locations are document-level countries only (build it with "
                          "scripts/fetch-gazetteer.sh and cmake --build build)";
  } else {
    Result<Gazetteer> g = Gazetteer::Load(gazetteer);
    if (!g.ok()) return g.status();
    kb->gazetteer_ = std::move(*g);
  }
  return kb;
}

}  // namespace griot
