#include "griot/coder/eventness.h"

#include <algorithm>

namespace griot {
namespace {

bool NounLike(Tag t) { return t == Tag::kNoun || t == Tag::kProperNoun || t == Tag::kPronoun; }

}  // namespace

bool Eventness::CueEndingAt(uint32_t last, CueClass cls) const {
  constexpr uint32_t kLongestCue = 6;
  for (uint32_t k = last + 1; k > s_.first_token && last + 1 - k < kLongestCue; --k) {
    EventnessCues::Match m = cues_.At(doc_.tokens, k - 1, last + 1);
    if (m.length == last + 2 - k && cues_.Is(m, cls)) return true;
  }
  return false;
}

std::string Eventness::Reason(const Candidate& c) const {
  if (!c.verbal || doc_.tokens[c.head].tag != Tag::kGerund || c.head <= s_.first_token) return "";
  if (!(doc_.tokens[c.head - 1].flags & kFlagReason)) return "";
  return "reason: the reason given for another act";
}

std::string Eventness::Background(const Candidate& c) const {
  if (c.verbal) return "";
  // Back over the noun phrase: "since last year's invasion".
  uint32_t b = c.head;
  while (b > s_.first_token) {
    Tag t = doc_.tokens[b - 1].tag;
    if (t != Tag::kDeterminer && t != Tag::kNumber && t != Tag::kPossessive &&
        t != Tag::kProperNoun && t != Tag::kAdjective && t != Tag::kNoun) {
      break;
    }
    --b;
  }
  if (b > s_.first_token && (doc_.tokens[b - 1].flags & kFlagBackground)) {
    return "background: follows " + Word(b - 1);
  }
  return "";
}

std::string Eventness::Habitual(const Candidate& c) const {
  auto [first, last] = roles_.ClauseBounds(c.head);
  for (uint32_t i = first; i < last; ++i) {
    EventnessCues::Match m = cues_.At(doc_.tokens, i, last);
    if (m.length && cues_.Is(m, CueClass::kHabitual)) return "habitual: " + Word(i) + " in its clause";
    if (m.length) i += m.length - 1;
  }
  return "";
}

std::string Eventness::Generic(const Candidate& c) const {
  if (c.verbal) return "";
  for (uint32_t k = c.head; k > s_.first_token && c.head - k < 4; --k) {
    Tag t = doc_.tokens[k - 1].tag;
    if (CueEndingAt(k - 1, CueClass::kGeneric)) return "generic: a kind of event (" + Word(k - 1) + ")";
    if (t != Tag::kAdjective && t != Tag::kNoun && t != Tag::kDeterminer) break;
  }
  return "";
}

std::string Eventness::Purpose(const Candidate& c) const {
  // "in a bid to de-escalate", "aimed at ending", "with the aim of securing".
  uint32_t start = c.verb_group ? c.verb_group->first : c.head;
  if (c.verb_group && c.verb_group->infinitive && start > s_.first_token &&
      CueEndingAt(start - 1, CueClass::kPurpose)) {
    return "purpose: after " + Word(start - 1);
  }
  if (start > s_.first_token + 1 && doc_.tokens[c.head].tag == Tag::kGerund &&
      CueEndingAt(start - 1, CueClass::kPurpose)) {
    return "purpose: after " + Word(start - 1);
  }
  return "";
}

std::string Eventness::Complement(const Candidate& c, const std::vector<Candidate>& all) const {
  const Chunk* vg = c.verbal ? c.verb_group : nullptr;
  if (!vg || !vg->infinitive || vg->future || vg->negated) return "";  // (modality's)
  if (vg->first <= s_.first_token) return "";
  // The governing word: the one before "to", or, past an object ("urged the
  // army to withdraw"), the verb before that.
  uint32_t g = vg->first - 1;
  const Token& before = doc_.tokens[g];
  // (Announced or negated: modality's. "claimed to have seized", "is said to
  // have met": reported, so asserted as any reported event is.)
  if (before.flags & (kFlagFuture | kFlagNegator | kFlagSpeech)) return "";
  if (NounLike(before.tag)) {
    uint32_t k = g;
    while (k > s_.first_token && doc_.tokens[k - 1].tag != Tag::kVerb &&
           doc_.tokens[k - 1].tag != Tag::kParticiple && !roles_.ClauseEdgeBetween(k - 1, k)) {
      --k;
    }
    // "Turkey to launch an offensive": a headline announcing an act.
    if (k == s_.first_token || roles_.ClauseEdgeBetween(k - 1, k)) return "";
    g = k - 1;
  }
  // A governing trigger ("urged the army to withdraw") frames its
  // complement, one of the same type merges with it: framing's. Another
  // trigger only says what its verb did ("sent troops to quell the
  // protest": the sending, not the quelling).
  for (const Candidate& other : all) {
    if (&other != &c && (other.governs || other.event.event == c.event.event) &&
        other.head <= g && g < other.end) {
      return "";  // (framing's, or merged into it: "fired tear gas to disperse")
    }
  }
  if (CueEndingAt(g, CueClass::kImplicative)) return "";
  return "complement: not asserted by " + Word(g);
}

std::string Eventness::Modifier(const Candidate& c) const {
  if (!c.verbal || c.verb_group->first != c.head) return "";
  const Token& h = doc_.tokens[c.head];
  if (h.tag != Tag::kParticiple && h.tag != Tag::kGerund) return "";
  if (c.verb_group->last != c.head + 1) return "";
  if (c.end >= s_.last_token || c.end != c.head + 1) return "";
  Tag next = doc_.tokens[c.end].tag;
  if (next != Tag::kNoun && next != Tag::kProperNoun) return "";
  if (c.head == s_.first_token) return "";
  Tag prev = doc_.tokens[c.head - 1].tag;
  bool in_noun_phrase = prev == Tag::kDeterminer || prev == Tag::kAdjective ||
                        prev == Tag::kPossessive || prev == Tag::kPreposition ||
                        prev == Tag::kNumber || prev == Tag::kProperNoun;
  if (!in_noun_phrase) return "";
  return "modifier: " + Word(c.head) + " describes the noun after it";
}

int Eventness::HazardCue(const std::vector<Candidate>& all) const {
  for (uint32_t i = s_.first_token; i < s_.last_token; ++i) {
    if (!(doc_.tokens[i].flags & kFlagHazard)) continue;
    bool in_trigger = false;
    for (const Candidate& c : all) in_trigger |= c.head <= i && i < c.end;
    if (in_trigger) continue;
    // The disaster must be what acts: the subject of its clause ("a tsunami
    // killed ...", no verb before it in the clause) or the agent of a
    // passive ("hit by an earthquake"), not an object ("sparked a blaze").
    uint32_t clause_first = roles_.ClauseBounds(i).first;
    bool verb_before = false, verb_after = false;
    for (size_t c = 0; c < s_.chunks.size(); ++c) {
      const Chunk& ch = s_.chunks[c];
      if (ch.kind == ChunkKind::kVerbGroup && ch.first >= clause_first && ch.last <= i) {
        verb_before = true;
      }
      // Its own predicate: the next chunk, past a relative pronoun ("a leak
      // that occurred ... killed"), is a verb group.
      if (ch.first <= i && i < ch.last) {
        size_t n = c + 1;
        while (n < s_.chunks.size() && s_.chunks[n].kind == ChunkKind::kOther) ++n;
        verb_after = n < s_.chunks.size() && s_.chunks[n].kind == ChunkKind::kVerbGroup;
      }
    }
    uint32_t k = i;
    while (k > s_.first_token && (doc_.tokens[k - 1].tag == Tag::kDeterminer ||
                                  doc_.tokens[k - 1].tag == Tag::kAdjective ||
                                  doc_.tokens[k - 1].tag == Tag::kNoun)) {
      --k;
    }
    bool agent = k > s_.first_token && (doc_.tokens[k - 1].flags & kFlagAgentive);
    if ((!verb_before && verb_after) || agent) return static_cast<int>(i);
  }
  return -1;
}

std::string Eventness::State(const Candidate& c) const {
  if (!c.verbal || !c.verb_group->passive || c.verb_group->reduced_passive) return "";
  // (The verb: for "forces are stationed" the trigger starts at its object.)
  uint32_t verb = c.verb_group->head;
  const Token& h = doc_.tokens[verb];
  EventnessCues::Match m = cues_.At(doc_.tokens, verb, verb + 1);
  if (m.length != 1 || !cues_.Is(m, CueClass::kStative)) return "";
  // An agent makes it an act: "occupied by rebels".
  for (uint32_t k = c.end; k < s_.last_token && k < c.end + 3; ++k) {
    if (doc_.tokens[k].flags & kFlagAgentive) return "";
  }
  return "state: '" + h.lower + "' without an agent states a situation";
}

std::string Eventness::Sense(const Candidate& c) const {
  // "polls called for 24 June": a trigger that ends in a preposition meets a
  // date, not the object its pattern means ("called for talks").
  if (c.verbal && c.end > c.head + 1 && c.end < s_.last_token &&
      doc_.tokens[c.end - 1].tag == Tag::kPreposition) {
    const Token& next = doc_.tokens[c.end];
    bool date = (next.flags & kFlagTemporal) ||
                (next.tag == Tag::kNumber && c.end + 1 < s_.last_token &&
                 (doc_.tokens[c.end + 1].flags & kFlagTemporal));
    if (date) return "sense: " + Word(c.end - 1) + " opens a date, not the event's object";
  }
  if (!c.verbal || !c.pattern->no_object || c.verb_group->passive) return "";
  // The noun phrase right after the verb is its object.
  for (const Chunk& ch : s_.chunks) {
    if (ch.first == c.end && ch.kind == ChunkKind::kNounPhrase) {
      return "sense: " + Word(c.head) + " with an object (" + Word(ch.head) + ") is another sense";
    }
  }
  return "";
}

void Eventness::Judge(std::vector<Candidate>* cands) const {
  int hazard = HazardCue(*cands);
  for (Candidate& c : *cands) {
    if (!c.alive() || !c.pattern) continue;
    std::string why;
    if (c.hazard) why = "hazard: its subject is a natural or accidental cause";
    if (why.empty() && hazard >= 0) {
      const EventType* et = ontology_.FindType(c.event.event);
      std::string relief = ontology_.InDisaster(c.event.event);
      if (!relief.empty()) {
        const EventType* to = ontology_.FindType(relief);
        c.event.pattern += " (" + c.event.event + " as " + relief + " in a disaster report)";
        c.event.event = relief;
        c.event.mode.clear();
        c.event.cameo = to->cameo;
        c.event.quad = to->quad;
        c.event.score = to->score;
      } else if (et && et->quad >= 3 &&
                 std::none_of(c.event.actor.begin(), c.event.actor.end(), [&](const auto& a) {
                   return ontology_.PoliticalSector(a.sector);
                 })) {
        why = "disaster: " + Word(static_cast<uint32_t>(hazard)) + " and no political actor";
      }
    }
    if (why.empty()) why = Reason(c);
    if (why.empty()) why = Background(c);
    if (why.empty()) why = Habitual(c);
    if (why.empty()) why = Generic(c);
    if (why.empty()) why = Purpose(c);
    if (why.empty()) why = Complement(c, *cands);
    if (why.empty()) why = Modifier(c);
    if (why.empty()) why = Sense(c);
    if (why.empty()) why = State(c);
    if (!why.empty()) c.Reject(Stage::kEventness, why);
  }
}

}  // namespace griot
