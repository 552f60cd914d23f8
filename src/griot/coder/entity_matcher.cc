#include "griot/coder/entity_matcher.h"

#include <algorithm>

namespace griot {
namespace {

struct Mention {
  uint32_t first, last;
  const ActorEntry* entry;
};

bool IsNameKind(ActorKind k) { return k != ActorKind::kAgent; }

// A lower-case word that cannot sit inside a capitalized name. Connectors
// may (actor_words.txt): "Islamic State in the Greater Sahara", "Ansar
// al-Din", "bin Laden".
bool IsLowerCaseWord(const Token& t, const ActorWords& words) {
  if (t.lower.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t.lower[0]);
  if (c < 'a' || c > 'z') return false;  // digits, punctuation, non-ASCII letters
  return !words.IsNameConnector(t.lower);
}

}  // namespace

void EntityMatcher::Match(Document& doc) const {
  for (Sentence& s : doc.sentences) MatchSentence(doc, s);
}

void EntityMatcher::MatchSentence(const Document& doc, Sentence& sentence) const {
  const std::vector<Token>& tokens = doc.tokens;
  sentence.entities.clear();
  // Names are written with capitals somewhere: "Chad" not "chad",
  // "al-Qaeda" not "al-qaeda".
  auto has_upper = [&](const Token& t) {
    // Only joined words can hide a capital after a lower-case start.
    // (A plain loop: this runs for every lower-case token, and words are
    // short enough that a library search costs more than it saves.)
    bool joined = false;
    for (char c : t.lower) joined |= c == '-' || c == '\'';
    if (!joined) return false;
    for (char c : doc.Slice(t.span)) {
      if (c >= 'A' && c <= 'Z') return true;
    }
    return false;
  };
  const uint32_t end = sentence.last_token;
  std::vector<Mention> mentions;
  for (uint32_t i = sentence.first_token; i < end;) {
    const Token& t = tokens[i];
    uint32_t avail = end - i;
    PhraseTrie::Match name;
    // Names are capitalized in running text: "Chad", not "chad"; "Turkey",
    // not "turkey". Short acronyms must be all capitals ("IS", not "is").
    if (t.capitalized || t.all_caps || has_upper(t)) {
      name = actors_->names().Longest(
          avail, [&](uint32_t k) -> std::string_view { return tokens[i + k].lower; },
          [&](const std::vector<uint32_t>& values, uint32_t length) {
            const ActorEntry& e = actors_->entry(values.front());
            if (e.exact_case) {
              for (uint32_t k = 0; k < length; ++k) {
                const Token& u = tokens[i + k];
                if (!u.all_caps && u.tag != Tag::kPunctuation) return false;
              }
            }
            // Every word of a longer name is capitalized too, bar
            // connectors: "Russia Today" the channel, not "Russia today".
            for (uint32_t k = 1; k < length; ++k) {
              const Token& u = tokens[i + k];
              if (!u.capitalized && !u.all_caps && !has_upper(u) && IsLowerCaseWord(u, *words_)) {
                return false;
              }
            }
            return true;
          });
    }
    PhraseTrie::Match agent;
    if (t.tag == Tag::kNoun || t.tag == Tag::kAdjective || t.tag == Tag::kProperNoun ||
        t.tag == Tag::kVerb || t.tag == Tag::kGerund) {
      // An agent must end on a noun: "police" yes, "police" in "police said"
      // yes, but not a verb reading ("they soldiered on"); a shorter agent
      // may still fit ("the government forced" is "government", not
      // "government force").
      agent = actors_->agents().Longest(
          avail,
          [&](uint32_t k) -> std::string_view {
            const Token& u = tokens[i + k];
            return u.lemma.empty() ? std::string_view(u.lower) : std::string_view(u.lemma);
          },
          [&](const std::vector<uint32_t>&, uint32_t length) {
            const Token& last = tokens[i + length - 1];
            uint32_t after = i + length;
            if (last.tag == Tag::kVerb || last.tag == Tag::kParticiple) return false;
            // "military aid": an adjective reading modifies the next noun.
            return !(last.tag == Tag::kAdjective && after < end && tokens[after].tag == Tag::kNoun);
          });
      if (agent.length) {
        // "Tom King": a capitalized agent word inside a name is a surname.
        // But "Investment Minister Tran Xuan Gia": an office word followed by
        // a name is a title.
        uint32_t next = i + agent.length;
        bool title = next < end && tokens[next].tag == Tag::kProperNoun && tokens[next].capitalized;
        // And a surname is one word: "Vice Foreign Minister" is an office.
        bool inside_name = agent.length == 1 && t.capitalized && !t.sentence_initial &&
                           i > sentence.first_token &&
                           tokens[i - 1].tag == Tag::kProperNoun && !title &&
                           (mentions.empty() || mentions.back().last < i);
        if (inside_name) agent = {};
      }
    }
    if (name.length == 0 && agent.length == 0) {
      ++i;
      continue;
    }
    if (name.length >= agent.length) {
      mentions.push_back({i, i + name.length, &actors_->entry(actors_->Choose(*name.values, doc.date))});
      i += name.length;
    } else {
      mentions.push_back({i, i + agent.length, &actors_->entry(agent.values->front())});
      i += agent.length;
    }
  }

  // Combine neighbours into actors.
  std::vector<bool> used(mentions.size(), false);
  auto gap_is = [&](uint32_t from, uint32_t to, auto allowed) {
    for (uint32_t k = from; k < to; ++k) {
      if (!allowed(tokens[k])) return false;
    }
    return true;
  };
  auto modifier = [](const Token& u) {
    return u.tag == Tag::kAdjective || u.tag == Tag::kNoun || u.tag == Tag::kNumber ||
           u.tag == Tag::kProperNoun ||
           (u.tag == Tag::kPunctuation && u.lower == "-");
  };
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (used[m]) continue;
    const Mention& a = mentions[m];
    Entity e;
    e.first = a.first;
    e.last = a.last;
    e.code = a.entry->code;
    e.sector = a.entry->sector;
    e.name = a.entry->name;
    e.source = a.entry->source;
    e.demonym = a.entry->kind == ActorKind::kDemonym;
    e.place_name = a.entry->kind == ActorKind::kCountry || a.entry->kind == ActorKind::kCapital;
    if (IsNameKind(a.entry->kind) && m + 1 < mentions.size() &&
        mentions[m + 1].entry->kind == ActorKind::kAgent) {
      const Mention& b = mentions[m + 1];
      uint32_t gap_first = a.last;
      bool possessive = gap_first < b.first && tokens[gap_first].tag == Tag::kPossessive;
      if (possessive) ++gap_first;
      // Up to two modifiers between: "Malian military junta", "British
      // Defence Secretary", "Taiwan's Vice Foreign Minister".
      if (b.first - gap_first <= 2 && gap_is(gap_first, b.first, modifier)) {
        e.last = b.last;
        e.sector = b.entry->sector;
        e.place_name = false;  // "Mali's junta" is an actor, not a place
        if (a.entry->kind != ActorKind::kOrganization) e.name.clear();
        e.source += "+" + b.entry->source;
        used[m + 1] = true;
      }
    } else if (a.entry->kind == ActorKind::kAgent && m + 1 < mentions.size() &&
               mentions[m + 1].entry->kind == ActorKind::kPerson &&
               mentions[m + 1].first == a.last) {
      // "President Abdelaziz Bouteflika", "Colonel Goita": the title joins
      // the person it names, who carries the code and the dated office.
      const Mention& b = mentions[m + 1];
      e.last = b.last;
      e.code = b.entry->code;
      e.sector = b.entry->sector.empty() ? a.entry->sector : b.entry->sector;
      e.name = b.entry->name;
      e.source += "+" + b.entry->source;
      used[m + 1] = true;
    } else if (a.entry->kind == ActorKind::kAgent && m + 1 < mentions.size() &&
               IsNameKind(mentions[m + 1].entry->kind) &&
               mentions[m + 1].entry->kind != ActorKind::kCapital) {
      // "the army of Niger", "the president of the African Union"
      const Mention& b = mentions[m + 1];
      uint32_t k = a.last;
      if (k < b.first && (tokens[k].flags & kFlagGenitive)) {
        ++k;
        if (k < b.first && tokens[k].tag == Tag::kDeterminer) ++k;
        if (k == b.first) {
          e.last = b.last;
          e.code = b.entry->code;
          e.name = b.entry->kind == ActorKind::kOrganization ? b.entry->name : "";
          e.source += "+" + b.entry->source;
          used[m + 1] = true;
        }
      }
    }
    // "French National Assembly president": an office right after an actor
    // with a country belongs to that country.
    for (size_t n = m + 1; n < mentions.size() && !used[n] && !e.code.empty(); ++n) {
      const Mention& c = mentions[n];
      if (c.entry->kind != ActorKind::kAgent || c.first != e.last) break;
      e.last = c.last;
      e.sector = c.entry->sector;
      e.place_name = false;
      e.source += "+" + c.entry->source;
      used[n] = true;
    }
    // "militants loyal to Abu Musab al-Zarqawi", "fighters allied with the
    // RSF": an uncoded agent takes the code of whom it serves, named within
    // two words after the allegiance phrase (actor_words.txt).
    if (e.code.empty() && a.entry->kind == ActorKind::kAgent) {
      uint32_t k = e.last;
      uint32_t bond = words_->AllegianceAt(tokens, k, end);
      if (bond) {
        for (size_t n = m + 1; n < mentions.size() && mentions[n].first <= k + bond + 2; ++n) {
          if (mentions[n].first >= k + bond && !mentions[n].entry->code.empty()) {
            e.code = mentions[n].entry->code;
            e.source += "+" + mentions[n].entry->source + " (loyal to)";
            break;
          }
        }
      }
    }
    // "Malian and Nigerien troops": a demonym coordinated with a combined
    // demonym+agent takes that agent's sector.
    if (a.entry->kind == ActorKind::kDemonym && e.sector.empty() && m + 1 < mentions.size() &&
        !used[m + 1] && mentions[m + 1].entry->kind == ActorKind::kDemonym &&
        mentions[m + 1].first == a.last + 1 &&
        ((tokens[a.last].flags & kFlagConjunctive) || tokens[a.last].lower == ",") &&
        m + 2 < mentions.size() &&
        mentions[m + 2].entry->kind == ActorKind::kAgent &&
        mentions[m + 2].first - mentions[m + 1].last <= 2) {
      e.sector = mentions[m + 2].entry->sector;
    }
    // Capitals stand for governments only outside locative phrases; the coder
    // decides that from context, so the entity keeps the GOV reading here.
    sentence.entities.push_back(std::move(e));
  }
  AddNames(tokens, sentence);
}

// Capitalized names the knowledge base does not know stay actors with their
// text and an empty code, so that "Putin offered to negotiate" keeps its
// actor; a name right after a title or office ("President Yoweri Museveni",
// "Gambian President Dawda Jawara") joins that mention instead.
void EntityMatcher::AddNames(const std::vector<Token>& tokens, Sentence& sentence) const {
  std::vector<bool> covered(sentence.last_token - sentence.first_token, false);
  for (const Entity& e : sentence.entities) {
    for (uint32_t k = e.first; k < e.last; ++k) covered[k - sentence.first_token] = true;
  }
  auto name_token = [&](uint32_t k) {
    const Token& t = tokens[k];
    return t.tag == Tag::kProperNoun && !(t.flags & kFlagTemporal) &&
           !covered[k - sentence.first_token];
  };
  std::vector<Entity> names;
  for (uint32_t i = sentence.first_token; i < sentence.last_token;) {
    if (!name_token(i)) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < sentence.last_token && name_token(j)) ++j;
    // Attach to a mention ending right before the name.
    bool attached = false;
    for (Entity& e : sentence.entities) {
      // An office ("President X") or a people ("Iraqi Kurds", "Bosnian
      // Serbs") directly before the name.
      bool office = !e.sector.empty() && e.name.empty();
      bool people = !e.code.empty() && e.sector.empty() && tokens[e.first].tag != Tag::kPossessive &&
                    e.last == e.first + 1 && !tokens[e.first].plural;
      if (e.last == i && (office || people)) {
        e.last = j;
        e.note = "title before a name";
        attached = true;
      }
    }
    if (!attached) {
      Entity e;
      e.first = i;
      e.last = j;
      e.source = "unknown name";
      names.push_back(std::move(e));
    }
    i = j;
  }
  if (names.empty()) return;
  for (Entity& e : names) sentence.entities.push_back(std::move(e));
  std::sort(sentence.entities.begin(), sentence.entities.end(),
            [](const Entity& a, const Entity& b) { return a.first < b.first; });
}

}  // namespace griot
