#include "griot/coder/roles.h"

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

int SentenceRoles::EntityEndingAt(uint32_t token) const {
  if (token < s_.first_token || token >= s_.last_token) return -1;
  int e = entity_of_[token - s_.first_token];
  return e >= 0 && s_.entities[e].last == token + 1 ? e : -1;
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
  uint32_t k = e.first;
  while (k > s_.first_token) {
    const Token& p = doc_.tokens[k - 1];
    if (p.tag == Tag::kDeterminer || p.tag == Tag::kAdjective || p.tag == Tag::kNumber) {
      --k;
      continue;
    }
    return (p.tag == Tag::kPreposition && p.lower != "of") || (p.flags & kFlagLocative);
  }
  return false;
}

void SentenceRoles::AddCoordinatedLeft(int entity, std::vector<int>* out) const {
  uint32_t f = s_.entities[entity].first;
  while (f > s_.first_token + 1) {
    const Token& c = doc_.tokens[f - 1];
    if (!(c.lower == "and" || c.lower == "," || c.lower == "&")) break;
    uint32_t k = f - 1;
    if (c.lower == "and" && k > s_.first_token && doc_.tokens[k - 1].lower == ",") --k;  // ", and"
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
    if (!(c.lower == "and" || c.lower == "," || c.lower == "&")) break;
    uint32_t k = l + 1;
    if (c.lower == "," && k < s_.last_token && doc_.tokens[k].lower == "and") ++k;
    while (k < s_.last_token && doc_.tokens[k].tag == Tag::kDeterminer) ++k;
    if (k >= s_.last_token) break;
    int next = entity_of_[k - s_.first_token];
    if (next < 0 || s_.entities[next].first != k) break;
    out->push_back(next);
    l = s_.entities[next].last;
  }
}

int SentenceRoles::HeadOfChain(int entity) const {
  int best = entity;
  uint32_t k = s_.entities[entity].first;
  while (true) {
    while (k > s_.first_token && (doc_.tokens[k - 1].tag == Tag::kDeterminer ||
                                   doc_.tokens[k - 1].tag == Tag::kAdjective ||
                                   doc_.tokens[k - 1].tag == Tag::kNumber)) {
      --k;
    }
    if (k <= s_.first_token || doc_.tokens[k - 1].lower != "of") return best;
    // Walk back over the noun phrase before "of", remembering an actor in it.
    uint32_t j = k - 1;
    int found = -1;
    while (j > s_.first_token) {
      const Token& t = doc_.tokens[j - 1];
      bool np = t.tag == Tag::kNoun || t.tag == Tag::kProperNoun || t.tag == Tag::kAdjective ||
                t.tag == Tag::kDeterminer || t.tag == Tag::kNumber ||
                t.tag == Tag::kPossessive || t.lower == "and" || t.lower == ",";
      if (!np) break;
      int e = entity_of_[j - 1 - s_.first_token];
      if (e >= 0 && found < 0) found = e;
      --j;
    }
    if (found < 0) return best;
    if (doc_.tokens[s_.entities[found].first].flags & kFlagQuantity) return best;
    best = found;
    k = s_.entities[found].first;
  }
}

RoleResult SentenceRoles::ResolvePronoun(uint32_t pronoun) const {
  RoleResult r;
  r.resolved_pronoun = true;
  // Nearest earlier mention in this sentence that is not inside a
  // prepositional phrase: usually the subject of the previous clause.
  for (uint32_t k = pronoun; k > s_.first_token; --k) {
    int e = EntityEndingAt(k - 1);
    if (e >= 0 && !InPrepositionalPhrase(s_.entities[e])) {
      r.entities.push_back(e);
      AddCoordinatedLeft(e, &r.entities);
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
  for (uint32_t k = before; k > s_.first_token; --k) {
    uint32_t i = k - 1;
    const Token& t = doc_.tokens[i];
    if (HardEdge(t)) break;
    if (t.flags & kFlagRelative) {
      // "that" after a reporting verb opens a complement clause: the
      // subject, if any, was after it. Otherwise it is a relative pronoun
      // standing for the noun phrase before it.
      bool complement = i > s_.first_token && (doc_.tokens[i - 1].flags & kFlagSpeech);
      if (complement || t.lower == "that") {
        if (complement) break;
      }
      for (uint32_t j = i; j > s_.first_token; --j) {
        const Token& a = doc_.tokens[j - 1];
        if (a.lower == ",") continue;
        int e = EntityEndingAt(j - 1);
        if (e >= 0) {
          r.entities.push_back(e);
          AddCoordinatedLeft(e, &r.entities);
        }
        break;
      }
      return r;
    }
    if ((t.flags & kFlagPronoun3) && t.tag == Tag::kPronoun) {
      int c = chunk_of_[i - s_.first_token];
      (void)c;
      return ResolvePronoun(i);
    }
    int e = EntityEndingAt(i);
    if (e >= 0) {
      const Entity& ent = s_.entities[e];
      if (InPrepositionalPhrase(ent)) {
        k = ent.first + 1;
        continue;
      }
      // An object of an earlier, non-reporting verb: the shared subject of
      // a coordinated predicate is that verb's subject.
      uint32_t f = ent.first;
      while (f > s_.first_token && doc_.tokens[f - 1].tag == Tag::kDeterminer) --f;
      if (f > s_.first_token) {
        int ci = chunk_of_[f - 1 - s_.first_token];
        if (ci >= 0 && s_.chunks[ci].kind == ChunkKind::kVerbGroup &&
            MainVerb(doc_.tokens[s_.chunks[ci].head].tag) &&
            !(doc_.tokens[s_.chunks[ci].head].flags & kFlagSpeech)) {
          return Subject(s_.chunks[ci].first);
        }
      }
      // "The Turkish and Greek sides of the island of Cyprus": the head noun
      // phrase, not its "of" complement, is the subject when it names actors.
      int head_entity = HeadOfChain(e);
      r.entities.push_back(head_entity);
      AddCoordinatedLeft(head_entity, &r.entities);
      return r;
    }
    // A noun-phrase head that is a natural or accidental cause.
    if ((t.flags & kFlagHazard) && t.tag == Tag::kNoun) {
      r.hazard = true;
      return r;
    }
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
      case Tag::kNoun:
      case Tag::kProperNoun:
        // "dozens of soldiers", "the leader of the opposition"
        if (++skipped_nouns > 3) return r;
        if (i + 1 < s_.last_token && doc_.tokens[i + 1].lower == "of") {
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
        if (t.flags & kFlagParticle) continue;
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
  const Chunk& p = s_.chunks[prev];
  if (p.kind == ChunkKind::kVerbGroup && MainVerb(doc_.tokens[p.head].tag)) return prev;
  return -1;
}

}  // namespace griot
