#include "griot/coder/roles.h"

#include <algorithm>

namespace griot {
namespace {

bool MainVerb(Tag t) { return t == Tag::kVerb || t == Tag::kParticiple || t == Tag::kGerund; }

bool HardEdge(const Token& t) {
  return (t.tag == Tag::kPunctuation && (t.lower == ";" || t.lower == ":")) ||
         (t.flags & kFlagBoundary);
}

}  // namespace

SentenceRoles::SentenceRoles(const Document& doc, uint32_t sentence_index)
    : doc_(doc), s_(doc.sentences[sentence_index]), index_(sentence_index) {
  uint32_t n = s_.last_token - s_.first_token;
  chunk_of_.assign(n, -1);
  entity_of_.assign(n, -1);
  for (size_t c = 0; c < s_.chunks.size(); ++c) {
    for (uint32_t t = s_.chunks[c].first; t < s_.chunks[c].last; ++t) {
      chunk_of_[t - s_.first_token] = static_cast<int>(c);
    }
  }
  for (size_t e = 0; e < s_.entities.size(); ++e) {
    for (uint32_t t = s_.entities[e].first; t < s_.entities[e].last; ++t) {
      entity_of_[t - s_.first_token] = static_cast<int>(e);
    }
  }
}

// "at least 30", "about 200", "more than 1,000": a preposition that only
// qualifies a number or quantity word opens no prepositional phrase.
bool SentenceRoles::Approximator(uint32_t token) const {
  const Token& p = doc_.tokens[token];
  if (p.tag != Tag::kPreposition || token + 1 >= s_.last_token) return false;
  const Token& n = doc_.tokens[token + 1];
  return n.tag == Tag::kNumber || (n.flags & kFlagQuantity);
}

int SentenceRoles::EntityEndingAt(uint32_t token) const {
  if (token < s_.first_token || token >= s_.last_token) return -1;
  int e = entity_of_[token - s_.first_token];
  return e >= 0 && s_.entities[e].last == token + 1 ? e : -1;
}

std::pair<uint32_t, uint32_t> SentenceRoles::ClauseBounds(uint32_t token) const {
  uint32_t first = token, last = token + 1;
  while (first > s_.first_token && !HardEdge(doc_.tokens[first - 1])) --first;
  while (last < s_.last_token && !HardEdge(doc_.tokens[last])) ++last;
  return {first, last};
}

bool SentenceRoles::ClauseEdgeBetween(uint32_t from, uint32_t to) const {
  for (uint32_t k = from; k < to && k < s_.last_token; ++k) {
    if (HardEdge(doc_.tokens[k])) return true;
  }
  return false;
}

// A mention is inside a prepositional phrase when a preposition other than
// "of" (which builds noun phrases: "the leader of the junta") stands before
// its noun phrase.
bool SentenceRoles::InPrepositionalPhrase(const Entity& e) const {
  return AfterPreposition(e.first);
}

bool SentenceRoles::AfterPreposition(uint32_t first) const {
  uint32_t k = first;
  int modifiers = 0;
  while (k > s_.first_token) {
    const Token& p = doc_.tokens[k - 1];
    if (p.tag == Tag::kDeterminer || p.tag == Tag::kAdjective || p.tag == Tag::kNumber ||
        ((p.tag == Tag::kNoun || p.tag == Tag::kProperNoun) && ++modifiers <= 4) ||
        (p.flags & kFlagCoordinator) || Approximator(k - 1)) {
      --k;
      continue;
    }
    return (p.tag == Tag::kPreposition && !(p.flags & kFlagGenitive)) || (p.flags & kFlagLocative);
  }
  return false;
}

void SentenceRoles::AddCoordinatedLeft(int entity, std::vector<int>* out) const {
  uint32_t f = s_.entities[entity].first;
  while (f > s_.first_token + 1 && doc_.tokens[f - 1].tag == Tag::kDeterminer) --f;
  while (f > s_.first_token + 1) {
    const Token& c = doc_.tokens[f - 1];
    if (!((c.flags & kFlagCoordinator) || c.lower == ",")) break;
    uint32_t k = f - 1;
    if ((c.flags & kFlagCoordinator) && k > s_.first_token && doc_.tokens[k - 1].lower == ",") --k;  // ", and"
    int prev = EntityEndingAt(k - 1);
    if (prev < 0) break;
    out->insert(out->begin(), prev);
    f = s_.entities[prev].first;
  }
}

void SentenceRoles::AddCoordinatedRight(int entity, std::vector<int>* out) const {
  uint32_t l = s_.entities[entity].last;
  while (l + 1 < s_.last_token) {
    const Token& c = doc_.tokens[l];
    if (!((c.flags & kFlagCoordinator) || c.lower == ",")) break;
    uint32_t k = l + 1;
    if (c.lower == "," && k < s_.last_token && (doc_.tokens[k].flags & kFlagCoordinator)) ++k;
    while (k < s_.last_token && doc_.tokens[k].tag == Tag::kDeterminer) ++k;
    if (k >= s_.last_token) break;
    int next = entity_of_[k - s_.first_token];
    if (next < 0 || s_.entities[next].first != k) break;
    out->push_back(next);
    l = s_.entities[next].last;
  }
}

int SentenceRoles::HeadOfChain(int entity) const {
  auto np_word = [&](const Token& t) {
    return t.tag == Tag::kNoun || t.tag == Tag::kProperNoun || t.tag == Tag::kAdjective ||
           t.tag == Tag::kDeterminer || t.tag == Tag::kNumber || t.tag == Tag::kPossessive;
  };
  int best = entity;
  uint32_t k = s_.entities[entity].first;
  for (int hops = 0; hops < 4; ++hops) {
    while (k > s_.first_token && np_word(doc_.tokens[k - 1])) --k;
    if (k <= s_.first_token || !(doc_.tokens[k - 1].flags & kFlagGenitive)) return best;
    // The noun phrase before "of" (with its conjuncts); its rightmost actor
    // mention, if any, heads the chain.
    uint32_t j = k - 1;
    int found = -1;
    while (j > s_.first_token) {
      const Token& t = doc_.tokens[j - 1];
      if (!np_word(t) && !(t.flags & kFlagCoordinator) && t.lower != ",") break;
      int e = entity_of_[j - 1 - s_.first_token];
      if (e >= 0 && found < 0) found = e;
      --j;
    }
    if (found >= 0 && !(doc_.tokens[s_.entities[found].first].flags & kFlagQuantity)) {
      best = found;
    }
    k = j;
  }
  return best;
}

RoleResult SentenceRoles::ResolvePronoun(uint32_t pronoun) const {
  RoleResult r;
  r.resolved_pronoun = true;
  // Nearest earlier mention in this sentence that is not inside a
  // prepositional phrase: usually the subject of the previous clause.
  // The leftmost such mention: in news, usually the subject of the main
  // clause ("X said it would ...").
  for (size_t e = 0; e < s_.entities.size(); ++e) {
    if (s_.entities[e].last > pronoun) break;
    if (!InPrepositionalPhrase(s_.entities[e])) {
      r.entities.push_back(static_cast<int>(e));
      AddCoordinatedRight(static_cast<int>(e), &r.entities);
      r.from_sentence = &s_;
      return r;
    }
  }
  // Otherwise the first such mention of the nearest earlier sentence.
  for (uint32_t si = index_; si > 0 && index_ - si < 3; --si) {
    const Sentence& prev = doc_.sentences[si - 1];
    SentenceRoles roles(doc_, si - 1);
    for (size_t e = 0; e < prev.entities.size(); ++e) {
      if (!roles.InPrepositionalPhrase(prev.entities[e])) {
        r.entities.push_back(static_cast<int>(e));
        r.from_sentence = &prev;
        return r;
      }
    }
  }
  return r;
}

RoleResult SentenceRoles::Subject(uint32_t before) const {
  RoleResult r;
  r.from_sentence = &s_;
  // "A tsunami killed 43 people and injured hundreds": a verb right after a
  // coordinator shares the subject of the verb before it in the clause.
  if (before > s_.first_token + 1 && (doc_.tokens[before - 1].flags & kFlagCoordinator)) {
    uint32_t start = ClauseBounds(before - 1).first;
    for (size_t c = s_.chunks.size(); c-- > 0;) {
      const Chunk& ch = s_.chunks[c];
      if (ch.kind != ChunkKind::kVerbGroup || ch.last > before - 1 || ch.first < start) continue;
      if (MainVerb(doc_.tokens[ch.head].tag) && !(doc_.tokens[ch.head].flags & kFlagSpeech)) {
        return Subject(ch.first);
      }
      break;
    }
  }
  // "Recent strikes, occurring every three days, have killed ...": a
  // comma-delimited insertion right before the verb is not its subject.
  int apposition = -1;  // an actor with a code inside the skipped insertion
  if (before > s_.first_token + 1 && doc_.tokens[before - 1].lower == ",") {
    for (uint32_t j = before - 1; j > s_.first_token && before - j < 20; --j) {
      if (HardEdge(doc_.tokens[j - 1])) break;
      if (doc_.tokens[j - 1].lower == ",") {
        for (uint32_t a = j; a < before - 1; ++a) {
          int e = entity_of_[a - s_.first_token];
          if (e >= 0 && !s_.entities[e].code.empty() && apposition < 0) apposition = e;
        }
        before = j - 1;
        break;
      }
    }
  }
  // "Salaheddine Sidhoum, Algeria's leading rights activist, staged ...": an
  // unknown name is better told by its apposition.
  auto prefer_apposition = [&](RoleResult res) {
    if (apposition >= 0 && res.entities.size() == 1 && res.from_sentence == &s_) {
      const Entity& chosen = s_.entities[res.entities[0]];
      if (chosen.code.empty() && chosen.sector.empty()) res.entities[0] = apposition;
    }
    return res;
  };
  for (uint32_t k = before; k > s_.first_token; --k) {
    uint32_t i = k - 1;
    const Token& t = doc_.tokens[i];
    if (HardEdge(t)) {
      // "Benin opened its borders but was still refusing ...": a verb right
      // after a coordinating "but" shares the subject of the clause before.
      // (The main verb of that clause is its first one: later verbs may
      // sit in relative clauses, "Africans ordered out of Nigeria".)
      if (t.tag == Tag::kConjunction && i + 1 == before && i > s_.first_token) {
        uint32_t start = ClauseBounds(i - 1).first;
        for (const Chunk& ch : s_.chunks) {
          if (ch.first >= start && ch.last <= i && ch.kind == ChunkKind::kVerbGroup &&
              MainVerb(doc_.tokens[ch.head].tag)) {
            return Subject(ch.first);
          }
        }
      }
      break;
    }
    if (t.flags & kFlagRelative) {
      // "that" after a reporting verb opens a complement clause whose
      // subject, had it one, would have been found already. Otherwise the
      // relative pronoun stands for the noun phrase before it.
      if (i > s_.first_token && (doc_.tokens[i - 1].flags & kFlagSpeech)) break;
      for (uint32_t j = i; j > s_.first_token; --j) {
        if (doc_.tokens[j - 1].lower == ",") continue;
        int e = EntityEndingAt(j - 1);
        // "a UN security council resolution that demanded ...": a common
        // noun names the actor through a mention inside its noun phrase.
        int ci = chunk_of_[j - 1 - s_.first_token];
        if (e < 0 && ci >= 0 && s_.chunks[ci].kind == ChunkKind::kNounPhrase &&
            s_.chunks[ci].last == j) {
          for (uint32_t k = s_.chunks[ci].first; k + 1 < j; ++k) {
            if (entity_of_[k - s_.first_token] >= 0) e = entity_of_[k - s_.first_token];
          }
        }
        if (e >= 0) {
          r.entities.push_back(e);
          AddCoordinatedLeft(e, &r.entities);
        }
        break;
      }
      return r;
    }
    if ((t.flags & kFlagPronoun3) && t.tag == Tag::kPronoun) return ResolvePronoun(i);
    bool noun = t.tag == Tag::kNoun || t.tag == Tag::kProperNoun;
    int e = EntityEndingAt(i);
    if (e < 0 && (!noun || (t.flags & kFlagTemporal))) continue;
    // The noun phrase ending here: where it starts, and what precedes it.
    uint32_t f = e >= 0 ? s_.entities[e].first : i;
    int ci = chunk_of_[i - s_.first_token];
    if (ci >= 0 && s_.chunks[ci].kind == ChunkKind::kNounPhrase) f = std::min(f, s_.chunks[ci].first);
    while (f > s_.first_token && doc_.tokens[f - 1].tag == Tag::kDeterminer) --f;
    // Inside a prepositional phrase, or the name in "near the town of
    // Samarra": not the subject.
    uint32_t head_first = e >= 0 ? s_.entities[e].first : i;
    if (AfterPreposition(head_first) || (e >= 0 && LocativeBefore(head_first))) {
      k = (e >= 0 ? s_.entities[e].first : f) + 1;
      continue;
    }
    if (e < 0) {
      if (t.flags & kFlagHazard) {
        r.hazard = true;
        return r;
      }
      // "dozens of rebels": the quantity defers to what follows "of"
      // (already passed); "the group" alone is an ordinary head.
      if ((t.flags & kFlagQuantity) && i + 1 < s_.last_token && (doc_.tokens[i + 1].flags & kFlagGenitive)) {
        continue;
      }
      // ", a key ally of Washington," is an apposition: look past it.
      if (f > s_.first_token && doc_.tokens[f - 1].lower == ",") {
        bool closed = false;
        for (uint32_t j = i + 1; j < before; ++j) closed |= doc_.tokens[j].lower == ",";
        if (closed) {
          k = f;
          continue;
        }
      }
      // "a group of deputies", "helicopters and tanks": the head or the
      // other conjuncts lie further left.
      if (f > s_.first_token) {
        if (doc_.tokens[f - 1].flags & (kFlagGenitive | kFlagCoordinator)) {
          k = f;
          continue;
        }
      }
      // "Gambian President Dawda Jawara": a name after an actor mention in
      // the same noun phrase defers to that mention.
      for (uint32_t j = f; j < i; ++j) {
        if (entity_of_[j - s_.first_token] >= 0) e = entity_of_[j - s_.first_token];
      }
    }
    // The object of an earlier, non-reporting verb: a coordinated predicate
    // shares that verb's subject ("police arrested X and released Y").
    if (f > s_.first_token) {
      int vi = chunk_of_[f - 1 - s_.first_token];
      if (vi >= 0 && s_.chunks[vi].kind == ChunkKind::kVerbGroup &&
          MainVerb(doc_.tokens[s_.chunks[vi].head].tag) &&
          !(doc_.tokens[s_.chunks[vi].head].flags & kFlagSpeech)) {
        return Subject(s_.chunks[vi].first);
      }
    }
    if (e < 0) return r;  // the subject names no actor
    // "The Turkish and Greek sides of the island of Cyprus": the head noun
    // phrase, not its "of" complement, is the subject when it names actors.
    int head_entity = HeadOfChain(e);
    r.entities.push_back(head_entity);
    AddCoordinatedLeft(head_entity, &r.entities);
    return prefer_apposition(r);
  }
  return r;
}

RoleResult SentenceRoles::Object(uint32_t from) const {
  RoleResult r;
  r.from_sentence = &s_;
  uint32_t skipped_nouns = 0;
  for (uint32_t i = from; i < s_.last_token; ++i) {
    const Token& t = doc_.tokens[i];
    int e = entity_of_[i - s_.first_token];
    if (e >= 0) {
      r.entities.push_back(e);
      AddCoordinatedRight(e, &r.entities);
      return r;
    }
    if ((t.flags & kFlagPronoun3) && t.tag == Tag::kPronoun) return r;
    switch (t.tag) {
      case Tag::kDeterminer:
      case Tag::kNumber:
      case Tag::kAdjective:
      case Tag::kAdverb:
      case Tag::kPossessive:
        continue;
      case Tag::kGerund:
      case Tag::kParticiple:
        // "striking teachers", "detained journalists"
        if (i + 1 < s_.last_token && doc_.tokens[i + 1].tag == Tag::kNoun) continue;
        return r;
      case Tag::kNoun:
      case Tag::kProperNoun:
        // "dozens of soldiers", "the leader of the opposition"
        if (++skipped_nouns > 3) return r;
        if (i + 1 < s_.last_token && (doc_.tokens[i + 1].flags & kFlagGenitive)) {
          ++i;
          continue;
        }
        if (t.flags & kFlagQuantity) continue;
        // A compound modifier ("opposition leader") keeps the phrase going.
        if (i + 1 < s_.last_token && (doc_.tokens[i + 1].tag == Tag::kNoun ||
                                      doc_.tokens[i + 1].tag == Tag::kProperNoun)) {
          continue;
        }
        return r;
      case Tag::kPunctuation:
        if (t.lower == "-") continue;
        return r;
      default:
        if ((t.flags & kFlagParticle) || (t.flags & kFlagQuantity) || Approximator(i)) continue;
        return r;
    }
  }
  return r;
}

RoleResult SentenceRoles::AfterPreposition(uint32_t from, const std::string& prep,
                                           uint32_t max_distance) const {
  RoleResult r;
  r.from_sentence = &s_;
  uint32_t limit = std::min(s_.last_token, from + max_distance);
  for (uint32_t i = from; i < limit; ++i) {
    const Token& t = doc_.tokens[i];
    if (HardEdge(t)) break;
    if (t.lower == prep) return Object(i + 1);
    if (t.flags & kFlagRelative) break;
  }
  return r;
}

RoleResult SentenceRoles::InsideNounPhrase(uint32_t head) const {
  RoleResult r;
  r.from_sentence = &s_;
  int ci = chunk_of_[head - s_.first_token];
  if (ci < 0) return r;
  const Chunk& c = s_.chunks[ci];
  for (uint32_t i = c.first; i < head; ++i) {
    int e = entity_of_[i - s_.first_token];
    if (e >= 0 && (r.entities.empty() || r.entities.back() != e)) r.entities.push_back(e);
  }
  // "Mali and Niger's joint operation": coordinated possessors before the phrase.
  if (!r.entities.empty()) AddCoordinatedLeft(r.entities.front(), &r.entities);
  return r;
}

RoleResult SentenceRoles::EntityIn(uint32_t from, uint32_t to) const {
  RoleResult r;
  r.from_sentence = &s_;
  for (uint32_t i = from; i < to && i < s_.last_token; ++i) {
    int e = entity_of_[i - s_.first_token];
    if (e >= 0) {
      r.entities.push_back(e);
      AddCoordinatedRight(e, &r.entities);
      return r;
    }
  }
  return r;
}

std::string SentenceRoles::LocativeCountry() const {
  std::string found;
  for (const Entity& e : s_.entities) {
    if (e.code.size() != 3 || e.code == "IGO" || e.code == "NGO" || e.code == "IMG" ||
        e.code == "MNC" || !LocativeBefore(e.first)) {
      continue;
    }
    if (!found.empty() && found != e.code) return "";
    found = e.code;
  }
  return found;
}

bool SentenceRoles::LocativeBefore(uint32_t first) const {
  // Looks back through modifiers and "of" ("in the capital city of Algiers",
  // "near the town of Samarra") for a locative preposition.
  uint32_t k = first;
  int steps = 0;
  while (k > s_.first_token && ++steps <= 8) {
    const Token& p = doc_.tokens[k - 1];
    if (p.tag == Tag::kDeterminer || p.tag == Tag::kAdjective || p.tag == Tag::kNoun ||
        p.tag == Tag::kProperNoun || p.tag == Tag::kNumber || (p.flags & kFlagGenitive)) {
      --k;
      continue;
    }
    return p.flags & kFlagLocative;
  }
  return false;
}

bool SentenceRoles::PlainNounBefore(uint32_t vg_first) const {
  if (vg_first <= s_.first_token) return false;
  const Token& t = doc_.tokens[vg_first - 1];
  // (A crowd counted by a quantity, "thousands demonstrated", is no
  // private person: the type's implied actor still applies.)
  return t.tag == Tag::kNoun && entity_of_[vg_first - 1 - s_.first_token] < 0 &&
         !(t.flags & (kFlagHazard | kFlagTemporal | kFlagQuantity));
}

bool SentenceRoles::PlainNounAfter(uint32_t from) const {
  for (uint32_t i = from; i < s_.last_token; ++i) {
    const Token& t = doc_.tokens[i];
    if (t.tag == Tag::kDeterminer || t.tag == Tag::kNumber || t.tag == Tag::kAdjective) continue;
    return t.tag == Tag::kNoun && entity_of_[i - s_.first_token] < 0 &&
           !(t.flags & (kFlagTemporal | kFlagQuantity));
  }
  return false;
}

int SentenceRoles::ReportingVerbGroup(uint32_t at) const {
  int before = -1, after = -1;
  for (size_t c = 0; c < s_.chunks.size(); ++c) {
    const Chunk& ch = s_.chunks[c];
    if (ch.kind != ChunkKind::kVerbGroup || !(doc_.tokens[ch.head].flags & kFlagSpeech)) continue;
    if (ch.last <= at) before = static_cast<int>(c);
    if (ch.first > at && after < 0) after = static_cast<int>(c);
  }
  return before >= 0 ? before : after;
}

int SentenceRoles::GoverningVerbGroup(uint32_t head) const {
  int ci = chunk_of_[head - s_.first_token];
  if (ci <= 0) return -1;
  int prev = ci - 1;
  // "negotiators returned to Geneva for talks": a purpose phrase belongs to
  // the verb before it like a direct object does.
  if (s_.chunks[prev].kind == ChunkKind::kPrepPhrase &&
      (doc_.tokens[s_.chunks[prev].head].flags & kFlagPurpose) && prev > 0) {
    for (int c = prev - 1; c >= 0 && prev - c <= 4; --c) {
      const Chunk& ch = s_.chunks[c];
      if (ch.kind == ChunkKind::kVerbGroup && MainVerb(doc_.tokens[ch.head].tag)) return c;
      if (HardEdge(doc_.tokens[ch.first])) break;
    }
    return -1;
  }
  const Chunk& p = s_.chunks[prev];
  if (p.kind == ChunkKind::kVerbGroup && MainVerb(doc_.tokens[p.head].tag)) return prev;
  return -1;
}

}  // namespace griot
