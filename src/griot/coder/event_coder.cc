#include "griot/coder/event_coder.h"

#include <algorithm>
#include <map>

#include "griot/coder/candidate_reader.h"
#include "griot/coder/eventness.h"
#include "griot/coder/framing.h"
#include "griot/coder/modality.h"
#include "griot/coder/roles.h"
#include "griot/coder/trigger_matcher.h"

namespace griot {
namespace {

std::string Words(const Document& doc, const Event& e) {
  return "'" + std::string(doc.Slice(e.trigger)) + "'";
}

VerbForm FormOf(const Document& doc, const Candidate& c) {
  if (!c.pattern) return VerbForm::kModal;  // an obligation in reported speech
  if (!c.verbal) return VerbForm::kNone;
  const Chunk& vg = *c.verb_group;
  if (vg.infinitive && !vg.future) return VerbForm::kInfinitive;
  if (vg.future) return VerbForm::kFuture;
  if (vg.modal) return VerbForm::kModal;
  if (vg.passive) return VerbForm::kPassive;
  bool have = false, be = false;
  for (uint32_t k = vg.first; k < vg.head; ++k) {
    have |= (doc.tokens[k].flags & kFlagHave) != 0;
    be |= (doc.tokens[k].flags & kFlagBe) != 0;
  }
  Tag head = doc.tokens[vg.head].tag;
  if (have) return VerbForm::kPerfect;
  if (be && head == Tag::kGerund) return VerbForm::kProgressive;
  if (vg.first == vg.head && (head == Tag::kGerund || head == Tag::kParticiple)) {
    return VerbForm::kNonFinite;
  }
  return VerbForm::kFinite;
}

// What the confidence model reads (EventEvidence).
void FillEvidence(const Document& doc, uint32_t si, uint8_t live, Candidate* c) {
  const Sentence& s = doc.sentences[si];
  EventEvidence& e = c->event.evidence;
  e.prior = c->pattern ? static_cast<float>(c->pattern->confidence) : 0.6f;
  e.trigger = !c->pattern                               ? TriggerKind::kRule
              : c->verbal                               ? TriggerKind::kVerb
              : c->pattern->kind == PatternKind::kNoun  ? TriggerKind::kNoun
                                                        : TriggerKind::kPhrase;
  e.form = FormOf(doc, *c);
  e.pronoun_actor = c->resolved_pronoun;
  e.merged = c->merged;
  e.anaphoric = c->anaphoric;
  int quotes = 0;
  for (uint32_t k = s.first_token; k < c->head; ++k) quotes += doc.tokens[k].lower == "\"";
  e.quoted = quotes % 2 == 1;
  for (const Chunk& ch : s.chunks) {
    if (ch.kind == ChunkKind::kVerbGroup && (ch.head < c->head || ch.head >= c->end) &&
        (doc.tokens[ch.head].flags & kFlagSpeech)) {
      e.reported = true;
    }
  }
  e.sentence_events = live;
  e.document_sentences = static_cast<uint32_t>(doc.sentences.size());
  e.sentence_tokens = static_cast<uint16_t>(std::min<uint32_t>(s.last_token - s.first_token, 65535));
  const Token& head = doc.tokens[c->head];
  e.lemma = head.lemma.empty() ? head.lower : head.lemma;
}

// The pattern's prior, moved by what the sentence gives it.
void PriorConfidence(Candidate* c) {
  double conf = c->event.confidence;
  if (c->verb_group && c->verbal && c->verb_group->modal) conf *= 0.75;
  if (!c->event.actor.empty()) conf += 0.1;
  if (!c->event.recipient.empty()) conf += 0.05;
  if (c->resolved_pronoun) conf *= 0.85;
  c->event.confidence = std::min(0.99, conf);
}

}  // namespace

const char* StageName(Stage s) {
  switch (s) {
    case Stage::kNone: return "";
    case Stage::kRoles: return "roles";
    case Stage::kModality: return "modality";
    case Stage::kEventness: return "eventness";
    case Stage::kFraming: return "framing";
    case Stage::kMerge: return "merge";
    case Stage::kParticipants: return "participants";
  }
  return "";
}

std::vector<std::string> EventCoder::SentenceContexts(const Document& doc, uint32_t si) const {
  const Sentence& sentence = doc.sentences[si];
  std::vector<std::string> contexts;
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    PhraseTrie::Match m = kb_->context_cues().Longest(
        sentence.last_token - i, [&](uint32_t k) -> std::string_view {
          const Token& t = doc.tokens[i + k];
          return t.lemma.empty() ? std::string_view(t.lower) : std::string_view(t.lemma);
        });
    if (!m.length) continue;
    for (uint32_t v : *m.values) {
      const std::string& name = kb_->context_name(v);
      if (std::find(contexts.begin(), contexts.end(), name) == contexts.end()) {
        contexts.push_back(name);
      }
    }
  }
  return contexts;
}

void EventCoder::Code(Document& doc) const {
  doc.events.clear();
  // Code every sentence, then give each event its sentence's contexts plus
  // those cued in two or more event sentences of the document.
  std::vector<std::vector<std::string>> contexts(doc.sentences.size());
  std::map<std::string, int> sentences_per_context;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    size_t before = doc.events.size();
    CodeSentence(doc, s);
    bool coded = false;
    for (size_t e = before; e < doc.events.size(); ++e) coded |= doc.events[e].verdict.empty();
    if (!coded) continue;
    contexts[s] = SentenceContexts(doc, s);
    for (const std::string& c : contexts[s]) ++sentences_per_context[c];
  }
  for (Event& e : doc.events) {
    for (const std::string& c : contexts[e.sentence]) {
      if (std::find(e.context.begin(), e.context.end(), c) == e.context.end()) e.context.push_back(c);
    }
    for (const auto& [c, n] : sentences_per_context) {
      if (n >= 2 && std::find(e.context.begin(), e.context.end(), c) == e.context.end()) {
        e.context.push_back(c);
      }
    }
  }
}

// Sport and other non-political reports borrow the words of conflict.
bool EventCoder::NonPolitical(const Document& doc, uint32_t si, std::string* cue) const {
  const Sentence& sentence = doc.sentences[si];
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    // (Cues are stored in lemma and surface forms, so a lemma lookup finds both.)
    auto key = [&](uint32_t k) -> std::string_view {
      const Token& t = doc.tokens[i + k];
      return t.lemma.empty() ? std::string_view(t.lower) : std::string_view(t.lemma);
    };
    if (kb_->nonpolitical_cues().Longest(sentence.last_token - i, key).length) {
      *cue = doc.tokens[i].lower;
      return true;
    }
  }
  return false;
}

std::vector<Candidate> EventCoder::Candidates(const Document& doc, uint32_t si) const {
  const Sentence& sentence = doc.sentences[si];
  SentenceRoles roles(doc, si);
  TriggerMatcher matcher(&kb_->patterns());
  std::vector<Trigger> triggers =
      matcher.Find(doc.tokens, sentence, roles.chunk_of(), roles.entity_of());
  std::vector<Candidate> cands;
  bool obligation = false;
  for (const Chunk& c : sentence.chunks) obligation |= c.deontic;
  if (triggers.empty() && !obligation) return cands;

  CandidateReader reader(doc, si, roles, *kb_);
  Modality modality(doc, si, roles, kb_->ontology());
  for (const Trigger& tr : triggers) {
    Candidate c = reader.Read(tr);
    modality.Apply(&c);
    PriorConfidence(&c);
    cands.push_back(std::move(c));
  }
  modality.DemandsInSpeech(&cands);
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Candidate& a, const Candidate& b) { return a.head < b.head; });
  std::string cue;
  if (NonPolitical(doc, si, &cue)) {
    for (Candidate& c : cands) {
      c.Reject(Stage::kEventness, "non-political: '" + cue + "' marks a non-political report (nonpolitical.txt)");
    }
    return cands;
  }
  Eventness(doc, si, roles, kb_->eventness(), kb_->ontology()).Judge(&cands);
  Framing framing(doc, roles, kb_->ontology());
  framing.DropProtestDemands(&cands);
  framing.SubsumeFramed(&cands);
  framing.MergeSameType(&cands);
  Participants(doc, si, &cands);
  return cands;
}

void EventCoder::Participants(const Document& doc, uint32_t si, std::vector<Candidate>* cands) const {
  SentenceRoles roles(doc, si);
  for (Candidate& c : *cands) {
    if (!c.alive()) continue;
    Event& ev = c.event;
    if (c.negated) {
      if (!options_.keep_negated) {
        c.Reject(Stage::kModality, "negated: left out (--keep-negated keeps it)");
        continue;
      }
      ev.aux.insert(ev.aux.begin(), "negated");
    }
    if (c.requires_object && ev.recipient.empty() && !c.framed_something && !c.pronoun_object) {
      c.Reject(Stage::kParticipants, "needs a recipient or a framed event (requires=object)");
      continue;
    }
    // Some types imply their actor when the text names none ("riots broke
    // out" -> civilians; "a curfew was imposed" -> the government).
    const EventType* et = kb_->ontology().FindType(ev.event);
    std::string implied_sector = et ? et->implicit_actor : "";
    if (et) {
      auto it = et->mode_implicit_actor.find(ev.mode);
      if (it != et->mode_implicit_actor.end()) implied_sector = it->second;
    }
    if (ev.actor.empty() && ev.recipient.empty() && !implied_sector.empty() && !c.anaphoric &&
        !c.plain_participant) {
      EventArgument implied;
      implied.sector = implied_sector;
      implied.code = roles.LocativeCountry();
      if (implied.code.empty()) implied.code = doc.focus_country;
      implied.implicit = true;
      ev.actor.push_back(implied);
      ev.confidence *= 0.8;
    }
    if (!ev.actor.empty() && std::all_of(ev.actor.begin(), ev.actor.end(), [&](const auto& a) {
          return kb_->ontology().NotBy(ev.event, a.sector);
        })) {
      c.Reject(Stage::kParticipants, "no " + ev.event + " by " + ev.actor.front().sector +
                                         " actors alone (ontology.txt, not-by)");
      continue;
    }
    // A noun that names an event whose participants the knowledge base does
    // not know ("an attack on a bus station", "clashes broke out") is still
    // one: the confidence model weighs what is missing (participants:none).
    // A verb with neither subject nor object it knows ("five were killed
    // when ...") is as often an accident as an act: no event.
    if (ev.actor.empty() && ev.recipient.empty() && c.verbal) {
      c.Reject(Stage::kParticipants, "no actor or recipient the knowledge base knows");
      continue;
    }
    // But near a natural or accidental cause ("an explosion ... after a gas
    // cylinder burst", "the area hit by floods"), an act with no one the
    // knowledge base knows behind it (implied actors, unknown names) is the
    // disaster itself.
    auto unknown = [](const EventArgument& a) {
      return a.implicit || (a.code.empty() && a.sector.empty());
    };
    if (std::all_of(ev.actor.begin(), ev.actor.end(), unknown) &&
        std::all_of(ev.recipient.begin(), ev.recipient.end(), unknown)) {
      if (std::string cause = HazardNear(doc, si, c); !cause.empty()) {
        c.Reject(Stage::kParticipants,
                 "no participant, and '" + cause + "' nearby is a natural or accidental cause");
      }
    }
  }
}

std::string EventCoder::HazardNear(const Document& doc, uint32_t si, const Candidate& c) const {
  // (Two sentences either way: a whole snippet, a paragraph of an article.)
  uint32_t from = si > 2 ? si - 2 : 0;
  uint32_t to = std::min<uint32_t>(si + 3, static_cast<uint32_t>(doc.sentences.size()));
  for (uint32_t s = from; s < to; ++s) {
    for (uint32_t i = doc.sentences[s].first_token; i < doc.sentences[s].last_token; ++i) {
      if (s == si && c.head <= i && i < c.end) continue;
      if (doc.tokens[i].flags & kFlagHazard) return doc.tokens[i].lower;
    }
  }
  return "";
}

void EventCoder::CodeSentence(Document& doc, uint32_t si) const {
  std::vector<Candidate> cands = Candidates(doc, si);
  uint8_t live = 0;
  for (const Candidate& c : cands) live += c.alive() && live < 255;
  for (Candidate& c : cands) FillEvidence(doc, si, live, &c);
  uint32_t ordinal = 0, rejected = 0;
  for (Candidate& c : cands) {
    Event& ev = c.event;
    if (options_.explain) {
      std::string what = c.alive() ? "-> " + ev.event + (ev.mode.empty() ? "" : "/" + ev.mode) +
                                         " by " + ev.pattern
                                   : "(" + ev.event + ") " + StageName(c.rejected_by) + ": " + c.verdict;
      doc.explanations.push_back("sentence " + std::to_string(si) + ": " + Words(doc, ev) + " " + what);
    }
    if (!c.alive()) {
      if (!options_.all_candidates) continue;
      ev.verdict = std::string(StageName(c.rejected_by)) + ": " + c.verdict;
      // (Their own numbering: events keep the ids of a run without them.)
      ev.event_id = doc.id + "-" + std::to_string(si) + "-r" + std::to_string(rejected++);
    } else {
      ev.event_id = doc.id + "-" + std::to_string(si) + "-" + std::to_string(ordinal++);
    }
    doc.events.push_back(std::move(ev));
  }
}

}  // namespace griot
