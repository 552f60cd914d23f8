#include "griot/coder/event_coder.h"

#include <algorithm>
#include <map>
#include <set>

#include "griot/coder/roles.h"
#include "griot/coder/trigger_matcher.h"

namespace griot {
namespace {

struct Candidate {
  Event event;
  std::string base_type, base_mode;  // what the pattern said, before modality
  uint32_t head = 0;
  uint32_t end = 0;
  bool governs = false;
  bool requires_object = false;
  bool framed_something = false;
  bool anaphoric = false;  // "the arrests": a definite noun refers back
  bool negated = false;
  // The verb has a participant the knowledge base does not know ("a man
  // was arrested"): a private person, so no actor is implied.
  bool plain_participant = false;
  bool dropped = false;
};

std::vector<EventArgument> Arguments(const Document& doc, const RoleResult& r) {
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

// The first mention after any of the comma-separated prepositions ("to,for").
RoleResult AfterAny(const SentenceRoles& roles, uint32_t from, const std::string& preps,
                    uint32_t max_distance) {
  RoleResult r;
  size_t start = 0;
  while (start <= preps.size()) {
    size_t comma = preps.find(',', start);
    if (comma == std::string::npos) comma = preps.size();
    r = roles.AfterPreposition(from, preps.substr(start, comma - start), max_distance);
    if (!r.entities.empty()) return r;
    start = comma + 1;
  }
  return r;
}

// The THREATEN mode that names what is threatened.
std::string ThreatMode(const std::string& type, const std::string& mode) {
  if (type == "ASSAULT") return "violence";
  if (type == "COERCE") return mode == "curfew" || mode == "martial-law" ? "curfew" : "restrict";
  if (type == "SANCTION") return "relations";
  if (type == "PROTEST") return "restrict";
  return "";
}

bool SameCodes(const std::vector<EventArgument>& a, const std::vector<EventArgument>& b) {
  std::set<std::string> x, y;
  for (const auto& e : a) x.insert(e.code + ":" + e.sector);
  for (const auto& e : b) y.insert(e.code + ":" + e.sector);
  return x == y;
}

// "Russia said Sudan must return the helicopter": an obligation reported
// from a speaker is the speaker's demand on the obligated (REQUEST).
void AddDemands(const Document& doc, uint32_t si, const SentenceRoles& roles,
                const Ontology& ontology, std::vector<Candidate>* cands) {
  const Sentence& sentence = doc.sentences[si];
  const EventType* request = ontology.FindType("REQUEST");
  if (!request) return;
  for (const Chunk& vg : sentence.chunks) {
    if (vg.kind != ChunkKind::kVerbGroup || !vg.deontic || vg.negated) continue;
    int say = roles.ReportingVerbGroup(vg.first);
    if (say < 0) continue;
    const Chunk& speech = sentence.chunks[say];
    RoleResult speaker = roles.Subject(speech.first);
    RoleResult obligated = roles.Subject(vg.first);
    if (speech.first > vg.first) {
      // "Sudan must return it, Russia said": the speaker follows.
      speaker = roles.Object(speech.last);
      if (speaker.entities.empty()) speaker = roles.Subject(speech.first);
    }
    Candidate c;
    c.event.actor = Arguments(doc, speaker);
    c.event.recipient = Arguments(doc, obligated);
    if (c.event.actor.empty() || SameCodes(c.event.actor, c.event.recipient)) continue;
    uint32_t modal = vg.first;
    while (modal < vg.last && !(doc.tokens[modal].flags & kFlagDeontic)) ++modal;
    c.event.sentence = si;
    c.event.event = "REQUEST";
    c.event.cameo = request->cameo;
    c.event.quad = request->quad;
    c.event.score = request->score;
    c.event.trigger = doc.tokens[modal].span;
    c.event.pattern = "rule: obligation in reported speech";
    c.event.confidence = 0.6;
    c.head = modal;
    c.end = modal + 1;
    c.governs = true;
    cands->push_back(std::move(c));
  }
}

}  // namespace

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
    CodeSentence(doc, s, {});
    if (doc.events.size() == before) continue;
    contexts[s] = SentenceContexts(doc, s);
    for (const std::string& c : contexts[s]) ++sentences_per_context[c];
  }
  for (Event& e : doc.events) {
    e.context = contexts[e.sentence];
    for (const auto& [c, n] : sentences_per_context) {
      if (n >= 2 && std::find(e.context.begin(), e.context.end(), c) == e.context.end()) {
        e.context.push_back(c);
      }
    }
  }
}

void EventCoder::CodeSentence(Document& doc, uint32_t si,
                              const std::vector<std::string>& contexts) const {
  auto explain = [&](const std::string& what) {
    if (explain_) doc.explanations.push_back("sentence " + std::to_string(si) + ": " + what);
  };
  auto words = [&](const Event& e) { return "'" + std::string(doc.Slice(e.trigger)) + "'"; };
  const Sentence& sentence = doc.sentences[si];
  SentenceRoles roles(doc, si);
  TriggerMatcher matcher(&kb_->patterns());
  std::vector<Trigger> triggers =
      matcher.Find(doc.tokens, sentence, roles.chunk_of(), roles.entity_of());
  bool obligation = false;
  for (const Chunk& c : sentence.chunks) obligation |= c.deontic;
  if (triggers.empty() && !obligation) return;
  // Sport and other non-political reports borrow the words of conflict.
  for (uint32_t i = sentence.first_token; i < sentence.last_token; ++i) {
    auto key = [&](uint32_t k) -> std::string_view {
      const Token& t = doc.tokens[i + k];
      return t.lemma.empty() ? std::string_view(t.lower) : std::string_view(t.lemma);
    };
    // (Cues are stored in lemma and surface forms, so a lemma lookup finds both.)
    if (kb_->nonpolitical_cues().Longest(sentence.last_token - i, key).length) {
      explain("no events: '" + doc.tokens[i].lower + "' marks a non-political report (nonpolitical.txt)");
      return;
    }
  }

  std::vector<Candidate> cands;
  for (const Trigger& tr : triggers) {
    const Pattern& p = *tr.pattern;
    const Chunk* vg = nullptr;
    if (tr.chunk >= 0 && sentence.chunks[tr.chunk].kind == ChunkKind::kVerbGroup) {
      vg = &sentence.chunks[tr.chunk];
    }
    RoleResult actor, recipient;
    bool verbal = p.kind == PatternKind::kVerb && vg;
    bool plain_participant = false;
    double confidence = p.confidence;
    std::string type = p.type;
    if (verbal) {
      if (vg->negated && p.neg != "drop") type = p.neg;
      if (vg->modal) confidence *= 0.75;
      // "arrested for collaborating with Israel": the reason given for
      // another act is an allegation, not an event.
      if (doc.tokens[tr.head].tag == Tag::kGerund && tr.head > sentence.first_token &&
          (doc.tokens[tr.head - 1].flags & kFlagReason)) {
        explain("'" + std::string(doc.Slice(doc.tokens[tr.head].span)) + "' (" + p.type +
                ") is the reason given for another act: not coded");
        continue;
      }
      RoleResult subject = roles.Subject(vg->first);
      if (subject.hazard) {
        explain("'" + std::string(doc.Slice(doc.tokens[tr.head].span)) + "' (" + p.source +
                "): its subject is a natural or accidental cause");
        continue;
      }
      if (!tr.object_before) {
        plain_participant = roles.PlainNounBefore(vg->first) || roles.PlainNounAfter(tr.end);
      }
      bool subject_acts = p.passive_subject_acts;
      if (tr.object_before) {
        actor = roles.AfterPreposition(vg->last, "by", 12);
        if (actor.entities.empty() && subject_acts) actor = subject;  // "police were deployed"
        if (p.recipient != "obj" && p.recipient != "subj" && p.recipient != "none") {
          recipient = AfterAny(roles, vg->last, p.recipient, 12);
        }
      } else if (vg->passive && !(vg->reduced_passive && tr.end > vg->last) && subject_acts &&
                 roles.AfterPreposition(vg->last, "by", 12).entities.empty()) {
        actor = subject;  // "police were deployed": the deployed act
      } else if (vg->passive && !(vg->reduced_passive && tr.end > vg->last)) {
        // (A pattern that itself ends in "by" -- "spoke by telephone" --
        // consumed the word that made the verb look passive.)
        recipient = subject;
        actor = roles.AfterPreposition(vg->last, "by", 12);
      } else {
        if (p.actor == "subj") {
          actor = subject;
        } else if (p.actor != "none") {
          actor = roles.AfterPreposition(tr.end, p.actor, 12);
        }
        if (p.recipient == "obj") {
          // The object may sit inside the matched words ("expelled two
          // French journalists", "gave Tanzania a grant") or follow them,
          // possibly after "of"/"from" ("a delegation from Sudan's army").
          recipient = roles.EntityIn(tr.head + 1, tr.end);
          if (recipient.entities.empty()) recipient = roles.Object(tr.end);
          if (recipient.entities.empty() && tr.end > tr.head + 1) {
            for (const char* prep : {"of", "from", "to", "with", "for"}) {
              recipient = AfterAny(roles, tr.end, prep, 6);
              if (!recipient.entities.empty()) break;
            }
          }
        } else if (p.recipient == "subj") {
          recipient = subject;
        } else if (p.recipient != "none") {
          recipient = AfterAny(roles, tr.end, p.recipient, 12);
        }
      }
    } else {
      // Nominal or phrasal trigger: modifiers and possessors inside the noun
      // phrase, a "by" phrase after it, or the subject of the verb whose
      // object it is ("rebels launched an attack on ...").
      if (p.actor != "subj" && p.actor != "none") {
        actor = roles.AfterPreposition(tr.end, p.actor, 4);  // "the withdrawal of troops"
      }
      if (actor.entities.empty()) actor = roles.InsideNounPhrase(tr.head);
      if (actor.entities.empty()) actor = roles.AfterPreposition(tr.end, "by", 6);
      // "The United States speeded up the withdrawal of its forces": the
      // subject of the verb whose object the event is acts.
      if (actor.entities.empty()) {
        int gv = roles.GoverningVerbGroup(tr.head);
        if (gv >= 0) {
          const Chunk& g = sentence.chunks[gv];
          if (g.negated) continue;
          RoleResult subject = roles.Subject(g.first);
          if (subject.hazard) continue;
          if (!g.passive) actor = subject;
        }
      }
      // "The withdrawal of Rwandan troops from ... began": when "of" does
      // not name the recipient, it names who acts.
      if (actor.entities.empty() && p.recipient != "of" && p.recipient != "obj") {
        actor = roles.AfterPreposition(tr.end, "of", 2);
      }
      std::string prep = p.recipient == "obj" ? "of" : p.recipient;
      if (prep != "none") {
        if (prep == "subj") {
          recipient = roles.Subject(tr.head);
        } else {
          recipient = AfterAny(roles, tr.end, prep, 6);
        }
      }
      // "the arrest of X": the noun phrase after "of" is acted upon.
    }
    Candidate c;
    Event& ev = c.event;
    ev.actor = Arguments(doc, actor);
    ev.recipient = Arguments(doc, recipient);
    // Modes named by who moves: deployed police vs deployed troops.
    std::string mode = p.mode.empty() ? tr.mode_hint : p.mode;
    if (const EventType* base = kb_->ontology().FindType(p.type);
        base && !base->mode_for_sector.empty()) {
      bool sector_mode = mode.empty();
      for (const auto& [sec, m] : base->mode_for_sector) sector_mode |= m == mode;
      for (const auto* side : {&ev.recipient, &ev.actor}) {
        if (!sector_mode || side->empty()) continue;
        auto it = base->mode_for_sector.find(side->front().sector);
        if (it != base->mode_for_sector.end()) {
          mode = it->second;
          break;
        }
      }
    }
    // Intention and obligation change what a sentence asserts: a promise of
    // cooperation is an agreement, an announced act of force or punishment
    // a threat ("would boycott", "will attack ... unless").
    bool future = vg ? vg->future : false;
    if (future && type == p.type) {
      const EventType* base = kb_->ontology().FindType(type);
      bool conditional = false;
      for (uint32_t k = tr.end; k < sentence.last_token; ++k) {
        if (doc.tokens[k].flags & kFlagConditional) conditional = true;
      }
      // (PLOVER codes an announced meeting, like a promise of help,
      // withdrawal or concession, as AGREE: CAMEO 03x "express intent to";
      // the record is tagged "future" all the same.)
      static const std::set<std::string> kPromisable = {"AID", "RETREAT", "COOPERATE",
                                                        "CONCEDE", "CONSULT", "SUPPORT"};
      static const std::set<std::string> kThreatenable = {"ASSAULT", "COERCE", "SANCTION",
                                                          "PROTEST"};
      if (base && (kThreatenable.count(type) || (conditional && kPromisable.count(type)))) {
        type = "THREATEN";
      } else if (base && kPromisable.count(type)) {
        type = "AGREE";
      }
    }
    const EventType* et = kb_->ontology().FindType(type);
    if (!et) continue;
    ev.sentence = si;
    ev.event = type;
    ev.mode = type == p.type ? mode : "";
    ev.cameo = type != p.type  ? et->cameo
               : mode == p.mode ? p.cameo
                                : kb_->ontology().Cameo(type, mode);
    if (type != p.type) ev.pattern = p.source + " (" + p.type + " as " + type + ")";
    if (type == "THREATEN" && p.type != "THREATEN") {
      std::string m = ThreatMode(p.type, p.mode);
      if (kb_->ontology().HasMode(type, m)) ev.mode = m;
    }
    ev.quad = et->quad;
    ev.score = et->score;
    ev.trigger = {doc.tokens[tr.head].span.begin, doc.tokens[tr.end - 1].span.end};
    if (ev.pattern.empty()) ev.pattern = p.source;
    if (!ev.actor.empty()) confidence += 0.1;
    if (!ev.recipient.empty()) confidence += 0.05;
    if (actor.resolved_pronoun) confidence *= 0.85;
    ev.confidence = std::min(0.99, confidence);
    c.head = tr.head;
    c.end = tr.end;
    c.negated = verbal && vg->negated && p.neg == "drop";
    c.governs = p.governs && !c.negated;
    {
      auto [cf, cl] = roles.ClauseBounds(tr.head);
      ev.clause = {doc.tokens[cf].span.begin, doc.tokens[cl - 1].span.end};
      bool hypothetical = verbal && vg->hypothetical;
      if (cf > sentence.first_token && (doc.tokens[cf - 1].flags & kFlagHypothetical)) {
        hypothetical = true;  // "if the junta expels ..."
      }
      if (hypothetical) ev.aux.push_back("hypothetical");
      if (verbal && vg->future && (type == p.type || type == "AGREE")) ev.aux.push_back("future");
    }
    c.requires_object = p.requires_object;
    c.plain_participant = plain_participant;
    if (!verbal) {
      uint32_t k = tr.head;
      while (k > sentence.first_token && (doc.tokens[k - 1].tag == Tag::kAdjective ||
                                          doc.tokens[k - 1].tag == Tag::kNoun)) {
        --k;
      }
      c.anaphoric = k > sentence.first_token && ((doc.tokens[k - 1].flags & kFlagDefinite) ||
                                                 doc.tokens[k - 1].tag == Tag::kPossessive);
      // "since last year's invasion", "following the killing of": an event
      // named as background to the news is reported elsewhere, if at all.
      uint32_t b = k;
      while (b > sentence.first_token &&
             (doc.tokens[b - 1].tag == Tag::kDeterminer || doc.tokens[b - 1].tag == Tag::kNumber ||
              doc.tokens[b - 1].tag == Tag::kPossessive || doc.tokens[b - 1].tag == Tag::kProperNoun ||
              doc.tokens[b - 1].tag == Tag::kAdjective || doc.tokens[b - 1].tag == Tag::kNoun)) {
        --b;
      }
      if (b > sentence.first_token && (doc.tokens[b - 1].flags & kFlagBackground)) {
        explain("'" + std::string(doc.Slice(ev.trigger)) + "' (" + p.type + ") follows '" +
                doc.tokens[b - 1].lower + "': background, not coded");
        continue;
      }
    }
    c.base_type = p.type;
    c.base_mode = p.mode;
    cands.push_back(std::move(c));
  }

  AddDemands(doc, si, roles, kb_->ontology(), &cands);
  std::sort(cands.begin(), cands.end(),
            [](const Candidate& a, const Candidate& b) { return a.head < b.head; });

  // "Protesters blocked roads to demand reforms": the demand is what the
  // protest is about, not a separate request.
  for (size_t a = 0; a < cands.size(); ++a) {
    if (cands[a].event.event != "PROTEST") continue;
    for (size_t b = a + 1; b < cands.size(); ++b) {
      if (roles.ClauseEdgeBetween(cands[a].end, cands[b].head)) break;
      const Token& t = doc.tokens[cands[b].head];
      bool purpose = t.tag == Tag::kGerund ||
                     (cands[b].head > sentence.first_token &&
                      doc.tokens[cands[b].head - 1].tag == Tag::kTo);
      if (cands[b].event.event == "REQUEST" && purpose) {
        cands[b].dropped = true;
        explain(words(cands[b].event) + " is the demand of the protest " + words(cands[a].event));
      }
    }
  }
  // A governing trigger subsumes the events in its complement, up to the
  // next clause edge.
  for (size_t a = 0; a < cands.size(); ++a) {
    if (!cands[a].governs || cands[a].dropped) continue;
    for (size_t b = a + 1; b < cands.size(); ++b) {
      if (roles.ClauseEdgeBetween(cands[a].end, cands[b].head)) break;
      cands[b].dropped = true;
      cands[a].framed_something = true;
      explain(words(cands[b].event) + " (" + cands[b].event.event + ") is framed by " +
              words(cands[a].event) + " (" + cands[a].event.event + "): not coded on its own");
      // "condemned the arrest of 30 soldiers by the junta": the one
      // condemned is who arrested, when the framed event names its actor.
      Event& frame = cands[a].event;
      const Event& inner = cands[b].event;
      // "vowed to fight": a promise of force is a threat.
      if (frame.event == "AGREE" && inner.event == "THREATEN" &&
          (doc.tokens[cands[a].head].flags & kFlagFuture)) {
        frame.event = inner.event;
        frame.mode = inner.mode;
        frame.cameo = inner.cameo;
        frame.quad = inner.quad;
        frame.score = inner.score;
      }
      if (b == a + 1 && cands[b].head <= cands[a].end + 3 && !inner.actor.empty() &&
          !inner.actor.front().implicit && !SameCodes(inner.actor, frame.actor)) {
        frame.recipient = inner.actor;
      }
      // "warned it would impose a curfew": the threat takes its mode from
      // what it threatens.
      Event& threat = cands[a].event;
      if (threat.event == "THREATEN" && threat.mode.empty()) {
        std::string m = ThreatMode(cands[b].base_type, cands[b].base_mode);
        if (kb_->ontology().HasMode("THREATEN", m)) {
          threat.mode = m;
          threat.cameo = kb_->ontology().Cameo("THREATEN", m);
        }
      }
    }
  }
  // Several triggers of one type in a sentence describe one event when their
  // participants agree; merge them, filling empty roles.
  for (size_t a = 0; a < cands.size(); ++a) {
    if (cands[a].dropped) continue;
    for (size_t b = a + 1; b < cands.size(); ++b) {
      if (cands[b].dropped || cands[b].event.event != cands[a].event.event) continue;
      if (cands[a].negated != cands[b].negated) continue;
      Event& x = cands[a].event;
      Event& y = cands[b].event;
      bool actors_agree = x.actor.empty() || y.actor.empty() || SameCodes(x.actor, y.actor);
      bool recipients_agree =
          x.recipient.empty() || y.recipient.empty() || SameCodes(x.recipient, y.recipient);
      if (!actors_agree || !recipients_agree) continue;
      if (x.actor.empty()) x.actor = y.actor;
      if (x.recipient.empty()) x.recipient = y.recipient;
      if (x.mode.empty() && !y.mode.empty()) {
        x.mode = y.mode;
        x.cameo = y.cameo;
      }
      x.confidence = std::min(0.99, std::max(x.confidence, y.confidence) + 0.02);
      cands[b].dropped = true;
      explain(words(y) + " merged into the " + x.event + " event of " + words(x));
    }
  }

  uint32_t ordinal = 0;
  for (Candidate& c : cands) {
    if (c.dropped) continue;
    if (c.negated) {
      if (!keep_negated_) {
        explain(words(c.event) + " (" + c.event.event + ") is negated: left out (--keep-negated keeps it)");
        continue;
      }
      c.event.aux.insert(c.event.aux.begin(), "negated");
    }
    if (c.requires_object && c.event.recipient.empty() && !c.framed_something) {
      explain(words(c.event) + " (" + c.event.event +
              ") needs a recipient or a framed event (requires=object)");
      continue;
    }
    // Some types imply their actor when the text names none ("riots broke
    // out" -> civilians; "a curfew was imposed" -> the government).
    const EventType* et = kb_->ontology().FindType(c.event.event);
    std::string implied_sector = et ? et->implicit_actor : "";
    if (et) {
      auto it = et->mode_implicit_actor.find(c.event.mode);
      if (it != et->mode_implicit_actor.end()) implied_sector = it->second;
    }
    if (c.event.actor.empty() && c.event.recipient.empty() && !implied_sector.empty() &&
        !c.anaphoric && !c.plain_participant) {
      EventArgument implied;
      implied.sector = implied_sector;
      implied.code = roles.LocativeCountry();
      if (implied.code.empty()) implied.code = doc.focus_country;
      implied.implicit = true;
      c.event.actor.push_back(implied);
      c.event.confidence *= 0.8;
    }
    // An event needs a participant; a trigger with none ("a storm hit the
    // coast") is not a political event.
    if (c.event.actor.empty() && c.event.recipient.empty()) {
      explain(words(c.event) + " (" + c.event.event + ", " + c.event.pattern +
              "): no actor or recipient the knowledge base knows");
      continue;
    }
    explain(words(c.event) + " -> " + c.event.event + (c.event.mode.empty() ? "" : "/" + c.event.mode) +
            " by " + c.event.pattern);
    c.event.context = contexts;
    c.event.event_id = doc.id + "-" + std::to_string(si) + "-" + std::to_string(ordinal++);
    doc.events.push_back(std::move(c.event));
  }
}

}  // namespace griot
