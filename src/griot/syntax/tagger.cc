#include "griot/syntax/tagger.h"

#include <memory>
#include <vector>

namespace griot {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What WordNet allows for one word form.
struct Candidates {
  std::string_view noun, verb, adj;  // lemmas; empty when that part of speech is impossible
  bool adv = false;
  bool lexical = false;  // decided by the lexicon
  bool ing = false;      // verb form ending in -ing
  bool past = false;     // verb form that differs from its lemma and is not -s/-ing
  bool can_noun() const { return !noun.empty(); }
  bool can_verb() const { return !verb.empty(); }
};

// WordNet lists some plurals as lemmas of their own ("authorities",
// "forces", "talks"); text and knowledge base must meet on one form, so the
// reduced form wins whenever morphology offers one.
std::string Preferred(const std::vector<std::string>& forms, std::string_view word) {
  for (const std::string& f : forms) {
    if (f != word) return f;
  }
  return forms.empty() ? std::string() : forms.front();
}

// English number morphology for Token::plural: the form is its lemma plus
// "s" ("Iraqis", "forces"). Irregular and -ies plurals ("cities") are not
// marked, nor capitalized words WordNet does not know, whose lemma is the
// form itself. A verb's -s form ("attacks") is marked too: the one reader,
// the entity matcher, asks it only of actor names.
bool RegularPlural(const Token& t) {
  const std::string& w = t.lower;
  return w.size() == t.lemma.size() + 1 && w.back() == 's' &&
         w.compare(0, t.lemma.size(), t.lemma) == 0;
}

bool NounLike(Tag t) {
  return t == Tag::kNoun || t == Tag::kProperNoun || t == Tag::kPronoun || t == Tag::kNumber;
}

bool Modifier(Tag t) {
  return t == Tag::kDeterminer || t == Tag::kAdjective || t == Tag::kPossessive ||
         t == Tag::kNumber;
}

}  // namespace

bool Tagger::NeedsMorphology(const Token& t) {
  return t.tag != Tag::kPunctuation && t.tag != Tag::kNumber && t.tag != Tag::kPossessive;
}

Tagger::Morphology Tagger::Compute(std::string_view lower) const {
  Morphology m;
  m.lex = lexicon_->Find(lower);
  auto nouns = wordnet_->BaseForms(lower, WnPos::kNoun);
  auto verbs = wordnet_->BaseForms(lower, WnPos::kVerb);
  auto adjs = wordnet_->BaseForms(lower, WnPos::kAdj);
  if (!nouns.empty()) m.noun = Preferred(nouns, lower);
  if (!verbs.empty()) m.verb = Preferred(verbs, lower);
  if (!adjs.empty()) m.adj = adjs.front();
  m.adv = wordnet_->Contains(lower, WnPos::kAdv);
  return m;
}

void Tagger::AnalyzeAll(const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                        std::vector<const Morphology*>* out,
                        std::vector<std::unique_ptr<Morphology>>* overflow) const {
  out->assign(last - first, nullptr);
  std::vector<uint32_t> misses;
  {
    std::shared_lock lock(cache_mutex_);
    for (uint32_t i = first; i < last; ++i) {
      if (!NeedsMorphology(tokens[i])) continue;
      auto it = cache_.find(std::string_view(tokens[i].lower));
      if (it != cache_.end()) {
        (*out)[i - first] = &it->second;  // nodes never move or change
      } else {
        misses.push_back(i);
      }
    }
  }
  if (misses.empty()) return;
  std::vector<Morphology> computed;
  computed.reserve(misses.size());
  for (uint32_t i : misses) computed.push_back(Compute(tokens[i].lower));
  // Insert only when nobody is reading: a coding thread that waited for the
  // write lock stalled the others behind it, and a missed insert only means
  // the word is analysed again next time.
  auto keep_here = [&](size_t k) {
    overflow->push_back(std::make_unique<Morphology>(std::move(computed[k])));
    (*out)[misses[k] - first] = overflow->back().get();
  };
  std::unique_lock lock(cache_mutex_, std::try_to_lock);
  for (size_t k = 0; k < misses.size(); ++k) {
    if (!lock.owns_lock()) {
      keep_here(k);
      continue;
    }
    std::string_view lower = tokens[misses[k]].lower;
    auto it = cache_.find(lower);  // another thread, or this sentence, may have added it
    if (it == cache_.end() && cache_.size() < kMaxCached) {
      it = cache_.try_emplace(std::pmr::string(lower, &cache_arena_), std::move(computed[k])).first;
    }
    if (it != cache_.end()) {
      (*out)[misses[k] - first] = &it->second;
    } else {
      keep_here(k);
    }
  }
}

void Tagger::TagDocument(Document& doc) const {
  for (const Sentence& s : doc.sentences) TagTokens(doc.tokens, s.first_token, s.last_token);
}

void Tagger::TagTokens(std::vector<Token>& tokens, uint32_t first, uint32_t last) const {
  std::vector<Candidates> cands(last - first);
  // Backs views of words the full cache cannot take (empty, so free, in the
  // usual case; a deque would allocate even when empty).
  std::vector<std::unique_ptr<Morphology>> overflow;
  std::vector<const Morphology*> morphology;
  AnalyzeAll(tokens, first, last, &morphology, &overflow);
  for (uint32_t i = first; i < last; ++i) {
    Token& t = tokens[i];
    Candidates& c = cands[i - first];
    if (!NeedsMorphology(t)) {
      c.lexical = true;
      t.lemma = t.lower;
      continue;
    }
    // One cached lookup gives both the lexicon entry and the morphology.
    const Morphology& m = *morphology[i - first];
    if (const LexEntry* e = m.lex) {
      t.flags |= e->flags;
      // A capitalized word inside a sentence is a name unless it is a
      // function word ("May" is a month there, not a modal).
      bool name_like = e->tag == Tag::kUnknown || t.all_caps ||  // "US", not "us"
                       (t.capitalized && !t.sentence_initial && e->tag != Tag::kAuxiliary &&
                       e->tag != Tag::kDeterminer &&
                       e->tag != Tag::kPreposition && e->tag != Tag::kConjunction &&
                       e->tag != Tag::kPronoun && e->tag != Tag::kSubordinator &&
                       e->tag != Tag::kTo && e->tag != Tag::kNegation);
      if (!name_like) {
        t.tag = e->tag;
        c.lexical = true;
        if (t.tag == Tag::kVerb) {
          t.lemma = m.verb.empty() ? t.lower : m.verb;
        } else if (t.tag == Tag::kNoun) {
          t.lemma = m.noun.empty() ? t.lower : m.noun;
        } else {
          t.lemma = t.lower;
        }
        continue;
      }
    }
    c.noun = m.noun;
    c.adj = m.adj;
    c.adv = m.adv;
    if (!m.verb.empty()) {
      c.verb = m.verb;
      c.ing = EndsWith(t.lower, "ing") && c.verb != t.lower;
      c.past = !c.ing && c.verb != t.lower && !EndsWith(t.lower, "s");
    }
  }

  Tag prev = Tag::kUnknown;       // tag of the previous non-adverb token
  Tag prev_any = Tag::kUnknown;   // tag of the previous token
  uint32_t prev_flags = 0;
  uint32_t prev_index = last;  // index of that token (last = none)
  for (uint32_t i = first; i < last; ++i) {
    Token& t = tokens[i];
    Candidates& c = cands[i - first];
    if (!c.lexical) {
      const Candidates* next = i + 1 < last ? &cands[i + 1 - first] : nullptr;
      const Token* next_tok = i + 1 < last ? &tokens[i + 1] : nullptr;
      bool next_verbish = next && !next->lexical && next->can_verb() &&
                          (next->past || (!next->can_noun() && !next_tok->capitalized));
      bool next_aux = next_tok && (next_tok->tag == Tag::kAuxiliary || next_tok->tag == Tag::kModal);
      bool next_nounish = next_tok && !next_tok->capitalized && next && !next->lexical &&
                          next->can_noun() && !next->past;
      bool unknown = !c.can_noun() && !c.can_verb() && c.adj.empty() && !c.adv;
      bool after_be = prev == Tag::kAuxiliary && (prev_flags & kFlagBe);
      bool after_have = prev == Tag::kAuxiliary && (prev_flags & kFlagHave);
      bool after_verb_aux = prev == Tag::kModal || prev == Tag::kTo ||
                            (prev == Tag::kAuxiliary && !(prev_flags & (kFlagBe | kFlagHave)));

      if (t.capitalized && (!t.sentence_initial || unknown)) {
        t.tag = Tag::kProperNoun;
      } else if (unknown) {
        t.tag = EndsWith(t.lower, "ly") ? Tag::kAdverb : Tag::kNoun;
      } else if (c.can_verb() && c.ing) {
        t.tag = Modifier(prev) && c.can_noun() ? Tag::kNoun : Tag::kGerund;
      } else if (c.can_verb() && c.past) {
        if (after_be || after_have) {
          t.tag = Tag::kParticiple;
        } else if ((prev == Tag::kDeterminer || prev == Tag::kPossessive ||
                    prev == Tag::kAdjective) &&
                   !(prev == Tag::kAdjective && next_tok &&
                     (next_tok->tag == Tag::kDeterminer || next_tok->tag == Tag::kPronoun))) {
          // "the divided island", "the detained journalists"; but "the US
          // military backed the rebels": an object follows the verb.
          t.tag = Tag::kAdjective;
        } else if ((prev == Tag::kNumber || prev == Tag::kUnknown ||
                    prev == Tag::kPreposition || prev == Tag::kVerb) &&
                   (next_nounish || (next_tok && next_tok->capitalized && prev == Tag::kVerb))) {
          t.tag = Tag::kAdjective;  // "armed men", "five detained journalists"
        } else {
          t.tag = Tag::kVerb;
        }
      } else if (c.can_verb() && c.can_noun()) {
        bool next_opens_object = next_tok && (next_tok->tag == Tag::kDeterminer ||
                                              next_tok->tag == Tag::kNumber ||
                                              next_tok->tag == Tag::kPossessive ||
                                              (next_tok->flags & kFlagParticle));
        bool next_agent = next_tok && (next_tok->flags & kFlagAgentive);
        if (c.verb == t.lower && !EndsWith(t.lower, "s") &&
            ((after_have && next_opens_object) || (after_be && next_agent))) {
          // A participle like its base ("has set up a base", "have hit the
          // convoy", "was hit by an earthquake"); "has plans", "has control
          // of", "the aim is change" stay nouns.
          t.tag = Tag::kParticiple;
        } else if (after_verb_aux) {
          t.tag = Tag::kVerb;
        } else if (Modifier(prev) || prev == Tag::kPreposition || prev == Tag::kUnknown ||
                   prev == Tag::kVerb || prev == Tag::kParticiple || prev == Tag::kGerund) {
          t.tag = Tag::kNoun;
        } else if (prev == Tag::kPronoun || prev == Tag::kProperNoun || prev == Tag::kNoun) {
          bool next_object = next_tok && (next_tok->tag == Tag::kDeterminer ||
                                          next_tok->tag == Tag::kNumber ||
                                          next_tok->tag == Tag::kPronoun ||
                                          next_tok->capitalized || next_tok->tag == Tag::kTo ||
                                          (next_tok->tag == Tag::kPreposition &&
                                           next_tok->lower != "of"));
          bool plural_noun = c.noun != t.lower && EndsWith(t.lower, "s");
          bool prev_plural = prev_index < i && EndsWith(tokens[prev_index].lower, "s") &&
                             (tokens[prev_index].lemma != tokens[prev_index].lower ||
                              tokens[prev_index].tag == Tag::kProperNoun);  // "Palestinians"
          bool next_prep = !next_tok || next_tok->tag == Tag::kPreposition ||
                           next_tok->tag == Tag::kPunctuation ||
                           next_tok->tag == Tag::kConjunction;
          bool next_particle = next_tok && (next_tok->flags & kFlagParticle);
          bool base_form = !EndsWith(t.lower, "s") && c.verb == t.lower;
          bool to_the = next_tok && next_tok->tag == Tag::kTo && i + 2 < last &&
                        tokens[i + 2].tag == Tag::kDeterminer;
          if (prev_plural && base_form && !next_aux) {
            t.tag = Tag::kVerb;  // "Palestinians reject", "rebels attack"
          } else if (next_verbish || next_aux || (next_tok && next_tok->lower == "of")) {
            t.tag = Tag::kNoun;  // "rebel attacks killed", "the army posts of"
          } else if (plural_noun && to_the) {
            t.tag = Tag::kNoun;  // "Israeli changes to the deal"
          } else if (next_particle || prev == Tag::kPronoun) {
            t.tag = Tag::kVerb;  // "soldiers beat up", "they attack"
          } else if (plural_noun && next_prep) {
            t.tag = Tag::kNoun;  // "Malian soldiers in Gao"
          } else if (EndsWith(t.lower, "s")) {
            // After a singular subject an -s form agrees as a verb ("the
            // junta detains critics"); after a plural it is a compound noun.
            t.tag = prev_plural && !next_object ? Tag::kNoun : Tag::kVerb;
          } else if (prev_plural) {
            t.tag = Tag::kVerb;  // "rebels attack villages"
          } else if (next_prep && prev_index > first && prev_index < i &&
                     tokens[prev_index - 1].tag == Tag::kDeterminer) {
            t.tag = Tag::kNoun;  // "a border dispute between"
          } else if (next_nounish) {
            t.tag = Tag::kNoun;  // "French radio stations", "an army post"
          } else {
            t.tag = next_object ? Tag::kVerb : Tag::kNoun;
          }
        } else if (prev == Tag::kConjunction || prev == Tag::kSubordinator) {
          t.tag = Tag::kNoun;
        } else {
          t.tag = Tag::kNoun;
        }
      } else if (c.can_verb()) {
        t.tag = Tag::kVerb;
      } else if (c.can_noun()) {
        t.tag = (!c.adj.empty() && next_nounish && !Modifier(prev)) ? Tag::kAdjective : Tag::kNoun;
        if (!c.adj.empty() && next_tok && next_nounish && Modifier(prev)) t.tag = Tag::kAdjective;
      } else if (!c.adj.empty() && c.adv && (prev == Tag::kAuxiliary || prev == Tag::kModal)) {
        t.tag = Tag::kAdverb;  // "has outright rejected"
      } else if (!c.adj.empty()) {
        t.tag = Tag::kAdjective;
      } else {
        t.tag = Tag::kAdverb;
      }

      switch (t.tag) {
        case Tag::kVerb:
        case Tag::kParticiple:
        case Tag::kGerund:
          t.lemma = std::string(c.verb);
          break;
        case Tag::kNoun:
          t.lemma = c.can_noun() ? std::string(c.noun) : t.lower;
          break;
        case Tag::kAdjective:
          t.lemma = std::string(c.can_verb() && c.past ? c.verb : (!c.adj.empty() ? c.adj : t.lower));
          break;
        default:
          t.lemma = t.lower;
      }
    }
    t.plural = RegularPlural(t);
    prev_any = t.tag;
    if (t.tag != Tag::kAdverb && t.tag != Tag::kNegation) {
      prev = t.tag;
      prev_flags = t.flags;
      prev_index = i;
    }
  }
  (void)prev_any;
  (void)NounLike;
}

}  // namespace griot
