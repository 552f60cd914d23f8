#include "griot/coder/candidate_reader.h"

#include <algorithm>

namespace griot {

std::vector<EventArgument> ArgumentsOf(const Document& doc, const RoleResult& r) {
  std::vector<EventArgument> out;
  if (!r.from_sentence) return out;
  for (int idx : r.entities) {
    const Entity& e = r.from_sentence->entities[idx];
    EventArgument a;
    a.span = {doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
    a.text = std::string(doc.Slice(a.span));
    a.code = e.code;
    a.sector = e.sector;
    a.name = e.name;
    out.push_back(std::move(a));
  }
  return out;
}

RoleResult CandidateReader::AfterAny(uint32_t from, const std::string& preps,
                                     uint32_t max_distance) const {
  RoleResult r;
  size_t start = 0;
  while (start <= preps.size()) {
    size_t comma = preps.find(',', start);
    if (comma == std::string::npos) comma = preps.size();
    r = roles_.AfterPreposition(from, preps.substr(start, comma - start), max_distance);
    if (!r.entities.empty()) return r;
    start = comma + 1;
  }
  return r;
}

void CandidateReader::ReadVerbal(const Trigger& tr, const Chunk& vg, Candidate* c,
                                 RoleResult* actor, RoleResult* recipient) const {
  const Pattern& p = *tr.pattern;
  const std::string& by = kb_.front_end().words().agentive;
  RoleResult subject = roles_.Subject(vg.first);
  c->hazard = subject.hazard;
  if (!tr.object_before) {
    c->plain_participant = roles_.PlainNounBefore(vg.first) || roles_.PlainNounAfter(tr.end);
  }
  bool subject_acts = p.passive_subject_acts;
  // (A pattern that itself ends in the agentive preposition -- "spoke by
  // telephone" -- consumed the word that made the verb look passive.)
  bool passive = vg.passive && !(vg.reduced_passive && tr.end > vg.last);
  if (tr.object_before) {
    *actor = roles_.AfterPreposition(vg.last, by, 12);
    if (actor->entities.empty() && subject_acts) *actor = subject;  // "police were deployed"
    if (p.recipient != "obj" && p.recipient != "subj" && p.recipient != "none") {
      *recipient = AfterAny(vg.last, p.recipient, 12);
    }
  } else if (passive && subject_acts && roles_.AfterPreposition(vg.last, by, 12).entities.empty()) {
    *actor = subject;  // "police were deployed": the deployed act
  } else if (passive) {
    *recipient = subject;
    *actor = roles_.AfterPreposition(vg.last, by, 12);
  } else {
    if (p.actor == "subj") {
      *actor = subject;
    } else if (p.actor != "none") {
      *actor = roles_.AfterPreposition(tr.end, p.actor, 12);
    }
    if (p.recipient == "obj") {
      // The object may sit inside the matched words ("expelled two French
      // journalists", "gave Tanzania a grant") or follow them, possibly
      // after a preposition ("a delegation from Sudan's army").
      *recipient = roles_.EntityIn(tr.head + 1, tr.end);
      if (recipient->entities.empty()) *recipient = roles_.Object(tr.end);
      if (recipient->entities.empty() && tr.end < doc_.sentences[sentence_].last_token) {
        const Token& next = doc_.tokens[tr.end];
        c->pronoun_object = next.tag == Tag::kPronoun && (next.flags & kFlagPronoun3);
      }
      if (recipient->entities.empty() && tr.end > tr.head + 1) {
        *recipient = AfterAny(tr.end, kb_.front_end().words().object_prepositions, 6);
      }
    } else if (p.recipient == "subj") {
      *recipient = subject;
    } else if (p.recipient != "none") {
      *recipient = AfterAny(tr.end, p.recipient, 12);
    }
  }
}

void CandidateReader::ReadNominal(const Trigger& tr, Candidate* c, RoleResult* actor,
                                  RoleResult* recipient) const {
  const Pattern& p = *tr.pattern;
  const FunctionWords& words = kb_.front_end().words();
  if (p.actor != "subj" && p.actor != "none") {
    *actor = AfterAny(tr.end, p.actor, 4);  // "the withdrawal of troops", "talks between"
  }
  if (actor->entities.empty()) *actor = roles_.InsideNounPhrase(tr.head);
  if (actor->entities.empty()) *actor = roles_.AfterPreposition(tr.end, words.agentive, 6);
  // "The United States speeded up the withdrawal of its forces": the subject
  // of the verb whose object the event is acts.
  if (actor->entities.empty()) {
    int gv = roles_.GoverningVerbGroup(tr.head);
    if (gv >= 0) {
      const Chunk& g = doc_.sentences[sentence_].chunks[gv];
      c->governor_negated = g.negated;
      RoleResult subject = roles_.Subject(g.first);
      c->hazard = subject.hazard;
      if (!g.passive && !g.negated && !subject.hazard) *actor = subject;
    }
  }
  // "The withdrawal of Rwandan troops from ... began": when the genitive
  // does not name the recipient, it names who acts.
  if (actor->entities.empty() && p.recipient != words.genitive && p.recipient != "obj") {
    *actor = roles_.AfterPreposition(tr.end, words.genitive, 2);
  }
  // "the arrest of X": the noun phrase after the genitive is acted upon.
  std::string prep = p.recipient == "obj" ? words.genitive : p.recipient;
  if (prep == "subj") {
    *recipient = roles_.Subject(tr.head);
  } else if (prep != "none") {
    *recipient = AfterAny(tr.end, prep, 6);
  }
}

std::string CandidateReader::ModeBySector(const Pattern& p, const std::string& mode,
                                          const Event& ev) const {
  const EventType* base = kb_.ontology().FindType(p.type);
  if (!base || base->mode_for_sector.empty()) return mode;
  bool sector_mode = mode.empty();
  for (const auto& [sec, m] : base->mode_for_sector) sector_mode |= m == mode;
  if (!sector_mode) return mode;
  for (const auto* side : {&ev.recipient, &ev.actor}) {
    if (side->empty()) continue;
    auto it = base->mode_for_sector.find(side->front().sector);
    if (it != base->mode_for_sector.end()) return it->second;
  }
  return mode;
}

Candidate CandidateReader::Read(const Trigger& tr) const {
  const Sentence& sentence = doc_.sentences[sentence_];
  const Pattern& p = *tr.pattern;
  Candidate c;
  c.pattern = &p;
  c.head = tr.head;
  c.end = tr.end;
  c.base_type = p.type;
  c.base_mode = p.mode;
  if (tr.chunk >= 0 && sentence.chunks[tr.chunk].kind == ChunkKind::kVerbGroup) {
    c.verb_group = &sentence.chunks[tr.chunk];
  }
  c.verbal = p.kind == PatternKind::kVerb && c.verb_group;
  RoleResult actor, recipient;
  if (c.verbal) {
    ReadVerbal(tr, *c.verb_group, &c, &actor, &recipient);
  } else {
    ReadNominal(tr, &c, &actor, &recipient);
  }
  Event& ev = c.event;
  ev.sentence = sentence_;
  ev.event = p.type;
  ev.actor = ArgumentsOf(doc_, actor);
  ev.recipient = ArgumentsOf(doc_, recipient);
  c.resolved_pronoun = actor.resolved_pronoun;
  const std::string& mode = !p.mode.empty() || !tr.hint ? p.mode : tr.hint->mode;
  ev.mode = ModeBySector(p, mode, ev);
  // Contexts the pattern always gives ("supply ... weapons": military).
  ev.context = p.contexts;
  if (tr.hint) {
    for (const std::string& ctx : tr.hint->contexts) {
      if (std::find(ev.context.begin(), ev.context.end(), ctx) == ev.context.end()) {
        ev.context.push_back(ctx);
      }
    }
  }
  ev.trigger = {doc_.tokens[tr.head].span.begin, doc_.tokens[tr.end - 1].span.end};
  ev.pattern = p.source;
  ev.confidence = p.confidence;
  auto [cf, cl] = roles_.ClauseBounds(tr.head);
  ev.clause = {doc_.tokens[cf].span.begin, doc_.tokens[cl - 1].span.end};
  c.governs = p.governs;
  c.requires_object = p.requires_object;
  if (!c.verbal) {
    uint32_t k = tr.head;
    while (k > sentence.first_token && (doc_.tokens[k - 1].tag == Tag::kAdjective ||
                                        doc_.tokens[k - 1].tag == Tag::kNoun)) {
      --k;
    }
    c.anaphoric = k > sentence.first_token && ((doc_.tokens[k - 1].flags & kFlagDefinite) ||
                                               doc_.tokens[k - 1].tag == Tag::kPossessive);
  }
  return c;
}

}  // namespace griot
