#include "griot/coder/framing.h"

#include <algorithm>
#include <set>

namespace griot {
namespace {

std::string Words(const Document& doc, const Event& e) {
  return "'" + std::string(doc.Slice(e.trigger)) + "'";
}

}  // namespace

bool SameParties(const std::vector<EventArgument>& a, const std::vector<EventArgument>& b) {
  std::set<std::string> x, y;
  for (const auto& e : a) x.insert(e.code + ":" + e.sector);
  for (const auto& e : b) y.insert(e.code + ":" + e.sector);
  return x == y;
}

// A gerund or an infinitive states what the act before it was for.
bool Framing::Purpose(const Candidate& c) const {
  const Sentence& s = doc_.sentences[c.event.sentence];
  return doc_.tokens[c.head].tag == Tag::kGerund ||
         (c.head > s.first_token && doc_.tokens[c.head - 1].tag == Tag::kTo);
}

void Framing::DropProtestDemands(std::vector<Candidate>* cands) const {
  std::vector<Candidate>& c = *cands;
  for (size_t a = 0; a < c.size(); ++a) {
    if (!c[a].alive() || c[a].event.event != "PROTEST") continue;
    for (size_t b = a + 1; b < c.size(); ++b) {
      if (roles_.ClauseEdgeBetween(c[a].end, c[b].head)) break;
      if (c[b].alive() && c[b].event.event == "REQUEST" && Purpose(c[b])) {
        c[b].Reject(Stage::kFraming, Words(doc_, c[b].event) + " is the demand of the protest " +
                                         Words(doc_, c[a].event));
      }
    }
  }
}

// "X, which has demanded Assad step down, blamed the regime": a frame inside
// a clause set off by commas after a relative pronoun reaches its closing
// comma, no further. Returns that comma, or the sentence end.
uint32_t Framing::ScopeEnd(const Candidate& frame) const {
  const Sentence& s = doc_.sentences[frame.event.sentence];
  for (uint32_t k = frame.head; k > s.first_token + 1; --k) {
    const Token& t = doc_.tokens[k - 1];
    if (t.lower == ",") return s.last_token;  // no relative pronoun before the comma
    if ((t.flags & kFlagRelative) && doc_.tokens[k - 2].lower == ",") {
      for (uint32_t j = frame.end; j < s.last_token; ++j) {
        if (doc_.tokens[j].lower == ",") return j;
      }
      return s.last_token;
    }
  }
  return s.last_token;
}

void Framing::SubsumeFramed(std::vector<Candidate>* cands) const {
  std::vector<Candidate>& c = *cands;
  for (size_t a = 0; a < c.size(); ++a) {
    if (!c[a].governs || !c[a].alive()) continue;
    uint32_t scope = ScopeEnd(c[a]);
    for (size_t b = a + 1; b < c.size(); ++b) {
      if (roles_.ClauseEdgeBetween(c[a].end, c[b].head) || c[b].head >= scope) break;
      if (!c[b].alive()) continue;
      Event& frame = c[a].event;
      const Event& inner = c[b].event;
      c[b].Reject(Stage::kFraming, Words(doc_, inner) + " (" + inner.event + ") is framed by " +
                                       Words(doc_, frame) + " (" + frame.event +
                                       "): not coded on its own");
      c[a].framed_something = true;
      // "vowed to fight": a promise of force is a threat (ontology.txt,
      // frame-takes).
      if (!ontology_.FrameTakes(frame.event, inner.event).empty()) {
        frame.pattern += " (" + frame.event + " as " + inner.event + ")";
        frame.event = inner.event;
        frame.mode = inner.mode;
        frame.cameo = inner.cameo;
        frame.quad = inner.quad;
        frame.score = inner.score;
      }
      // "condemned the arrest of 30 soldiers by the junta": the one
      // condemned is who arrested, when the framed event names its actor.
      if (b == a + 1 && c[b].head <= c[a].end + 3 && !inner.actor.empty() &&
          !inner.actor.front().implicit && !SameParties(inner.actor, frame.actor)) {
        frame.recipient = inner.actor;
      }
      // "warned it would impose a curfew": the threat takes its mode from
      // what it threatens.
      if (frame.event == "THREATEN" && frame.mode.empty()) {
        std::string m = ontology_.ThreatMode(c[b].base_type, c[b].base_mode);
        if (ontology_.HasMode("THREATEN", m)) {
          frame.mode = m;
          frame.cameo = ontology_.Cameo("THREATEN", m);
        }
      }
    }
  }
}

void Framing::MergeSameType(std::vector<Candidate>* cands) const {
  std::vector<Candidate>& c = *cands;
  for (size_t a = 0; a < c.size(); ++a) {
    if (!c[a].alive()) continue;
    for (size_t b = a + 1; b < c.size(); ++b) {
      if (!c[b].alive() || c[b].event.event != c[a].event.event) continue;
      if (c[a].negated != c[b].negated) continue;
      Event& x = c[a].event;
      Event& y = c[b].event;
      bool actors_agree = x.actor.empty() || y.actor.empty() || SameParties(x.actor, y.actor);
      bool recipients_agree =
          x.recipient.empty() || y.recipient.empty() || SameParties(x.recipient, y.recipient);
      if (!actors_agree || !recipients_agree) continue;
      if (x.actor.empty()) x.actor = y.actor;
      if (x.recipient.empty()) x.recipient = y.recipient;
      if (x.mode.empty() && !y.mode.empty()) {
        x.mode = y.mode;
        x.cameo = y.cameo;
      }
      for (const std::string& ctx : y.context) {
        if (std::find(x.context.begin(), x.context.end(), ctx) == x.context.end()) {
          x.context.push_back(ctx);
        }
      }
      x.confidence = std::min(0.99, std::max(x.confidence, y.confidence) + 0.02);
      c[a].merged = true;
      c[b].Reject(Stage::kMerge, Words(doc_, y) + " merged into the " + x.event + " event of " +
                                     Words(doc_, x));
    }
  }
}

}  // namespace griot
