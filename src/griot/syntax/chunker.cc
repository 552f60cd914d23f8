#include "griot/syntax/chunker.h"

namespace griot {
namespace {

bool MainVerb(Tag t) { return t == Tag::kVerb || t == Tag::kParticiple || t == Tag::kGerund; }

bool NounPhrasePart(Tag t) {
  return t == Tag::kDeterminer || t == Tag::kAdjective || t == Tag::kNoun ||
         t == Tag::kProperNoun || t == Tag::kNumber || t == Tag::kPossessive;
}

bool NounHead(Tag t) { return t == Tag::kNoun || t == Tag::kProperNoun || t == Tag::kNumber; }

}  // namespace

void Chunker::ChunkDocument(Document& doc) const {
  for (Sentence& s : doc.sentences) ChunkSentence(doc.tokens, s);
}

void Chunker::ChunkSentence(const std::vector<Token>& tokens, Sentence& sentence) const {
  sentence.chunks.clear();
  uint32_t i = sentence.first_token;
  const uint32_t end = sentence.last_token;
  while (i < end) {
    const Token& t = tokens[i];
    // Verb group: (to)? (aux|modal|neg|adverb)* main-verb particle?
    bool starts_vg = t.tag == Tag::kAuxiliary || t.tag == Tag::kModal || MainVerb(t.tag) ||
                     (t.tag == Tag::kTo && i + 1 < end &&
                      (tokens[i + 1].tag == Tag::kVerb || tokens[i + 1].tag == Tag::kAdverb ||
                       tokens[i + 1].tag == Tag::kAuxiliary));
    if (t.tag == Tag::kNegation && i + 1 < end &&
        (MainVerb(tokens[i + 1].tag) || tokens[i + 1].tag == Tag::kTo)) {
      starts_vg = true;
    }
    if (starts_vg) {
      Chunk c;
      c.kind = ChunkKind::kVerbGroup;
      c.first = i;
      bool saw_be = false;
      uint32_t j = i;
      uint32_t head = i;
      bool have_main = false;
      while (j < end) {
        const Token& u = tokens[j];
        if (u.tag == Tag::kTo && j == i) {
          c.infinitive = true;
        } else if (u.tag == Tag::kAuxiliary) {
          if (have_main) break;
          if (u.flags & kFlagBe) saw_be = true;
          if (u.flags & kFlagHave) saw_be = false;  // "have attacked": the be-passive needs be last
          head = j;
        } else if (u.tag == Tag::kModal) {
          if (have_main) break;
          c.modal = true;
          if (u.flags & kFlagFuture) c.future = true;
          if (u.flags & kFlagDeontic) c.deontic = true;
          if (u.flags & kFlagHypothetical) c.hypothetical = true;
          head = j;
        } else if (u.tag == Tag::kNegation) {
          c.negated = true;
        } else if (u.tag == Tag::kAdverb && !(u.flags & kFlagParticle)) {
          if (have_main) break;
        } else if (MainVerb(u.tag)) {
          if (have_main) break;
          have_main = true;
          head = j;
          if (u.tag == Tag::kParticiple && saw_be) c.passive = true;
        } else if ((u.flags & kFlagParticle) && have_main) {
          ++j;  // "pulled out", "rounded up": the particle belongs to the verb
          break;
        } else {
          break;
        }
        ++j;
      }
      if (j == i) j = i + 1;
      c.last = j;
      // "willing to talk", "ready to withdraw": intention, like "will".
      if (c.infinitive && i > sentence.first_token && (tokens[i - 1].flags & kFlagFuture)) {
        c.future = true;
      }
      // "failed to reach an agreement" asserts that none was reached.
      if (c.infinitive && i > sentence.first_token && (tokens[i - 1].flags & kFlagNegator)) {
        c.negated = true;
      }
      c.head = head;
      // A past participle directly followed by "by" is passive even without
      // "be": "journalists detained by police", "a convoy attacked by rebels".
      const Token& h = tokens[head];
      if (!c.passive && have_main && h.lemma != h.lower && j < end && tokens[j].lower == "by" &&
          (h.tag == Tag::kVerb || h.tag == Tag::kParticiple)) {
        c.passive = true;
        c.reduced_passive = true;
      }
      if (saw_be && have_main && h.tag == Tag::kVerb && h.lemma != h.lower &&
          h.lower.size() > 2 && h.lower.substr(h.lower.size() - 2) == "ed") {
        c.passive = true;  // tagger chose a finite verb after "was": still passive
      }
      sentence.chunks.push_back(c);
      i = j;
      continue;
    }
    if (t.tag == Tag::kPronoun) {
      Chunk c;
      c.kind = ChunkKind::kNounPhrase;
      c.first = i;
      c.last = i + 1;
      c.head = i;
      sentence.chunks.push_back(c);
      ++i;
      continue;
    }
    if (NounPhrasePart(t.tag)) {
      Chunk c;
      c.kind = ChunkKind::kNounPhrase;
      c.first = i;
      uint32_t j = i;
      uint32_t head = i;
      while (j < end && NounPhrasePart(tokens[j].tag)) {
        if (NounHead(tokens[j].tag)) head = j;
        ++j;
      }
      c.last = j;
      c.head = head;
      sentence.chunks.push_back(c);
      i = j;
      continue;
    }
    Chunk c;
    c.kind = t.tag == Tag::kPreposition ? ChunkKind::kPrepPhrase : ChunkKind::kOther;
    c.first = i;
    c.last = i + 1;
    c.head = i;
    sentence.chunks.push_back(c);
    ++i;
  }
}

}  // namespace griot
