#include "griot/coder/modality.h"

#include "griot/coder/candidate_reader.h"
#include "griot/coder/framing.h"

namespace griot {

// "announced a troop withdrawal", "the decision to withdraw", "a ceasefire
// would begin on Tuesday": a noun event announced for the future.
Modality::Announced Modality::AnnouncedNoun(const Candidate& c) const {
  const Sentence& s = doc_.sentences[sentence_];
  // The noun event as the subject of a future predicate.
  int ci = roles_.chunk_of()[c.head - s.first_token];
  if (ci >= 0 && static_cast<size_t>(ci) + 1 < s.chunks.size()) {
    const Chunk& next = s.chunks[ci + 1];
    if (next.kind == ChunkKind::kVerbGroup && next.first == s.chunks[ci].last) {
      return next.future ? Announced::kFuture : Announced::kNo;
    }
  }
  int gv = roles_.GoverningVerbGroup(c.head);
  if (gv >= 0) {
    const Chunk& g = s.chunks[gv];
    if (g.future) return Announced::kFuture;
    if (doc_.tokens[g.head].flags & kFlagFuture) return Announced::kByVerb;
  }
  return Announced::kNo;
}

bool Modality::ConditionAfter(uint32_t token) const {
  const Sentence& s = doc_.sentences[sentence_];
  for (uint32_t k = token; k < s.last_token; ++k) {
    if (doc_.tokens[k].flags & kFlagConditional) return true;
  }
  return false;
}

void Modality::SetType(Candidate* c, const std::string& type, const std::string& mode) const {
  Event& ev = c->event;
  const EventType* et = ontology_.FindType(type);
  ev.event = type;
  ev.mode = mode;
  ev.cameo = ontology_.Cameo(type, mode);
  ev.quad = et ? et->quad : 0;
  ev.score = et ? et->score : 0;
}

void Modality::Apply(Candidate* c) const {
  const Pattern& p = *c->pattern;
  const Chunk* vg = c->verbal ? c->verb_group : nullptr;
  Event& ev = c->event;
  std::string type = p.type;
  if (vg && vg->negated && p.neg != "drop") type = p.neg;
  c->negated = (vg && vg->negated && p.neg == "drop") || c->governor_negated;
  bool future = vg && vg->future;
  // "announced a withdrawal" declares a concession; "announced sanctions"
  // imposes them: a noun event announced is a promise only when its
  // announcement is coded as one.
  if (!c->verbal) {
    std::string promised = ontology_.FutureType(type, false);
    switch (AnnouncedNoun(*c)) {
      case Announced::kNo: future = false; break;
      case Announced::kFuture: future = true; break;  // "vowed to wage war"
      case Announced::kByVerb: future = !promised.empty() && promised != "THREATEN"; break;
    }
  }
  // Military backing is material: SUPPORT by the military is AID.
  if (!ev.actor.empty() && !ev.actor.front().implicit) {
    std::string by = ontology_.TypeBySector(type, ev.actor.front().sector);
    if (!by.empty()) type = by;
  }
  if (future && type == p.type) {
    std::string promised = ontology_.FutureType(type, ConditionAfter(c->end));
    if (!promised.empty()) type = promised;
  }
  if (type == p.type) {
    const EventType* et = ontology_.FindType(type);
    ev.quad = et ? et->quad : 0;
    ev.score = et ? et->score : 0;
    ev.cameo = ev.mode == p.mode && !p.cameo.empty() ? p.cameo : ontology_.Cameo(type, ev.mode);
  } else {
    ev.pattern = p.source + " (" + p.type + " as " + type + ")";
    std::string mode;
    if (type == "THREATEN") mode = ontology_.ThreatMode(p.type, p.mode);
    SetType(c, type, ontology_.HasMode(type, mode) ? mode : "");
  }
  // "Egypt hosted Sudan's envoy": PLOVER makes the visitor the actor and the
  // host the recipient. (Not a promise: "will host" is the host's AGREE.)
  if (p.roles_swapped && ev.event == p.type) std::swap(ev.actor, ev.recipient);
  c->governs = p.governs && !c->negated;
  bool hypothetical = vg && vg->hypothetical;
  auto [first, last] = roles_.ClauseBounds(c->head);
  (void)last;
  if (first > doc_.sentences[sentence_].first_token &&
      (doc_.tokens[first - 1].flags & kFlagHypothetical)) {
    hypothetical = true;  // "if the junta expels ..."
  }
  if (hypothetical) ev.aux.push_back("hypothetical");
  if (future && ev.event != "THREATEN") ev.aux.push_back("future");
}

void Modality::DemandsInSpeech(std::vector<Candidate>* cands) const {
  const Sentence& sentence = doc_.sentences[sentence_];
  const EventType* request = ontology_.FindType("REQUEST");
  if (!request) return;
  for (const Chunk& vg : sentence.chunks) {
    if (vg.kind != ChunkKind::kVerbGroup || !vg.deontic || vg.negated) continue;
    int say = roles_.ReportingVerbGroup(vg.first);
    if (say < 0) continue;
    const Chunk& speech = sentence.chunks[say];
    RoleResult speaker = roles_.Subject(speech.first);
    RoleResult obligated = roles_.Subject(vg.first);
    if (speech.first > vg.first) {
      // "Sudan must return it, Russia said": the speaker follows.
      speaker = roles_.Object(speech.last);
      if (speaker.entities.empty()) speaker = roles_.Subject(speech.first);
    }
    Candidate c;
    c.event.actor = ArgumentsOf(doc_, speaker);
    c.event.recipient = ArgumentsOf(doc_, obligated);
    // A demand has a speaker and someone obligated: "there must be another
    // explanation" or "the plan should work" obliges nobody.
    if (c.event.actor.empty() || c.event.recipient.empty() ||
        SameParties(c.event.actor, c.event.recipient)) {
      continue;
    }
    uint32_t modal = vg.first;
    while (modal < vg.last && !(doc_.tokens[modal].flags & kFlagDeontic)) ++modal;
    c.event.sentence = sentence_;
    SetType(&c, "REQUEST", "");
    c.event.trigger = doc_.tokens[modal].span;
    c.event.pattern = "rule: obligation in reported speech";
    c.event.confidence = 0.6;
    auto [cf, cl] = roles_.ClauseBounds(modal);
    c.event.clause = {doc_.tokens[cf].span.begin, doc_.tokens[cl - 1].span.end};
    c.base_type = "REQUEST";
    c.head = modal;
    c.end = modal + 1;
    c.governs = true;
    c.resolved_pronoun = speaker.resolved_pronoun;
    cands->push_back(std::move(c));
  }
}

}  // namespace griot
