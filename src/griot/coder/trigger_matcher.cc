#include "griot/coder/trigger_matcher.h"

#include <algorithm>

namespace griot {
namespace {

bool WordMatches(const Token& t, const std::string& w) { return t.lemma == w || t.lower == w; }

// Word w of p: a lemma, or any member of the word class it names.
bool WordMatches(const PatternSet& set, const Pattern& p, size_t w, const Token& t) {
  int32_t c = p.word_class.empty() ? -1 : p.word_class[w];
  return c >= 0 ? set.InClass(c, t) : WordMatches(t, p.words[w]);
}

// Words a "..." gap may skip: the inside of a noun phrase.
bool GapWord(const Token& t) {
  switch (t.tag) {
    case Tag::kDeterminer:
    case Tag::kAdjective:
    case Tag::kNoun:
    case Tag::kProperNoun:
    case Tag::kNumber:
    case Tag::kPossessive:
    case Tag::kAdverb:
    case Tag::kPronoun:
      return true;
    case Tag::kPunctuation:
      return t.lower == "-";
    case Tag::kPreposition:
      return t.flags & kFlagGenitive;  // "700 kg of medicine", "tons of food aid"
    default:
      return false;
  }
}

size_t Literals(const Pattern& p) { return p.literals; }

}  // namespace

uint32_t TriggerMatcher::MatchAt(const Pattern& p, const std::vector<Token>& tokens, uint32_t i,
                                 uint32_t end) const {
  uint32_t k = i + 1;
  bool gap = false;
  for (size_t w = 1; w < p.words.size(); ++w) {
    if (p.gap[w]) {
      gap = true;
      continue;
    }
    if (gap) {
      uint32_t limit = std::min(end, k + 7);  // up to six words
      uint32_t found = 0;
      for (uint32_t j = k; j < limit; ++j) {
        if (WordMatches(*patterns_, p, w, tokens[j])) {
          found = j + 1;
          break;
        }
        if (!GapWord(tokens[j])) break;
      }
      if (!found) return 0;
      k = found;
      gap = false;
    } else {
      if (k >= end || !WordMatches(*patterns_, p, w, tokens[k])) return 0;
      ++k;
    }
  }
  return k;
}

std::vector<Trigger> TriggerMatcher::Find(const std::vector<Token>& tokens,
                                          const Sentence& sentence,
                                          const std::vector<int>& chunk_of,
                                          const std::vector<int>& entity_of) const {
  std::vector<Trigger> out;
  const uint32_t first = sentence.first_token, end = sentence.last_token;
  for (uint32_t i = first; i < end;) {
    const Token& t = tokens[i];
    // Actor words trigger nothing, but may open a stop expression ("press
    // release": "press" is an actor word).
    const bool in_entity = entity_of[i - first] >= 0;
    // Closed-class words start no pattern: skip their lookups.
    switch (t.tag) {
      case Tag::kDeterminer:
      case Tag::kPreposition:
      case Tag::kConjunction:
      case Tag::kSubordinator:
      case Tag::kPronoun:
      case Tag::kPunctuation:
      case Tag::kNumber:
      case Tag::kPossessive:
      case Tag::kTo:
      case Tag::kNegation:
      case Tag::kModal:
        ++i;
        continue;
      default:
        break;
    }
    const std::vector<uint32_t>* cands = patterns_->StartingWith(t.lemma);
    const std::vector<uint32_t>* by_form =
        t.lemma != t.lower ? patterns_->StartingWith(t.lower) : nullptr;
    Trigger best;
    auto consider = [&](const std::vector<uint32_t>* list) {
      if (!list) return;
      for (uint32_t idx : *list) {
        const Pattern& p = patterns_->pattern(idx);
        if (in_entity && p.kind != PatternKind::kStop) continue;
        int ci = chunk_of[i - first];
        const Chunk* c = ci >= 0 ? &sentence.chunks[ci] : nullptr;
        if (p.kind == PatternKind::kVerb) {
          bool verb = (t.tag == Tag::kVerb || t.tag == Tag::kParticiple || t.tag == Tag::kGerund) &&
                      c && c->kind == ChunkKind::kVerbGroup && c->head == i;
          if (!verb) continue;
        } else if (p.kind == PatternKind::kNoun) {
          // A gerund that heads a verb group is a verb ("are demanding").
          bool verb_head = c && c->kind == ChunkKind::kVerbGroup && c->head == i;
          if (t.tag != Tag::kNoun && (t.tag != Tag::kGerund || verb_head)) continue;
        }
        uint32_t stop = MatchAt(p, tokens, i, end);
        if (stop == 0) continue;
        // A noun or phrase trigger must head its noun phrase: "attack
        // helicopters" and "protest leaders" are things, not events.
        if (p.kind != PatternKind::kVerb && p.kind != PatternKind::kStop && stop < end &&
            tokens[stop].tag == Tag::kNoun &&
            !(tokens[stop].flags & kFlagTemporal)) {
          continue;
        }
        // Longest span first; on a tie, the pattern with more literal words
        // ("blow himself up" over "blow ... up").
        bool better = !best.pattern || stop > best.end ||
                      (stop == best.end && Literals(p) > Literals(*best.pattern));
        auto informative = [](const Pattern* q) {
          return q && (!q->mode.empty() || !q->contexts.empty());
        };
        if (better) {
          const Pattern* hint = nullptr;
          if (best.pattern && best.pattern->type == p.type && p.mode.empty() && p.contexts.empty()) {
            hint = informative(best.pattern) ? best.pattern : best.hint;
          }
          best = Trigger{&p, i, stop, ci, false, hint, 0};
        } else if (best.pattern && best.pattern->type == p.type && best.pattern->mode.empty() &&
                   best.pattern->contexts.empty() && informative(&p)) {
          best.hint = &p;
        }
      }
    };
    consider(cands);
    consider(by_form);
    // Passive with the pattern's object as subject: "a curfew was imposed".
    int ci = chunk_of[i - first];
    if (cands && !in_entity && ci > 0 && sentence.chunks[ci].kind == ChunkKind::kVerbGroup &&
        sentence.chunks[ci].passive && sentence.chunks[ci].head == i) {
      int ni = ci - 1;
      const Chunk& np = sentence.chunks[ni];
      if (np.kind == ChunkKind::kNounPhrase) {
        const Token& object = tokens[np.head];
        for (uint32_t idx : *cands) {
          const Pattern& p = patterns_->pattern(idx);
          // (Verb and object: two words, literal or class, around any gap.)
          if (p.kind != PatternKind::kVerb ||
              std::count(p.gap.begin(), p.gap.end(), false) != 2) {
            continue;
          }
          if (!WordMatches(*patterns_, p, p.words.size() - 1, object)) continue;
          if (best.pattern && (best.end > i + 1 || Literals(*best.pattern) >= 2)) continue;
          best = Trigger{&p, np.head, i + 1, ci, true, nullptr, i};
        }
      }
    }
    if (best.pattern && best.pattern->kind == PatternKind::kStop) {
      i = best.end;  // "press release", "warned of": not an event
      continue;
    }
    if (best.pattern) {
      // A trigger found from its object keeps that object out of later
      // matches; it was already passed over, so only the verb is skipped.
      out.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace griot
