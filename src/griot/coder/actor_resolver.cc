#include "griot/coder/actor_resolver.h"

#include <map>
#include <set>

#include "griot/coder/roles.h"

namespace griot {

bool IsCountryCode(const std::string& code) {
  return code.size() == 3 && code != "IGO" && code != "NGO" && code != "IMG" && code != "MNC";
}

namespace {

// True unless the country is named as the target of the action ("action
// against Russia", "talks with Iran"): then it is a party of its own, not
// the scene that the office holder belongs to.
bool NotTargeted(const Document& doc, const Sentence& s, const std::string& code) {
  for (const Entity& e : s.entities) {
    if (e.code != code || e.demonym) continue;
    uint32_t k = e.first;
    while (k > s.first_token && doc.tokens[k - 1].tag == Tag::kDeterminer) --k;
    if (k == s.first_token) continue;
    if (doc.tokens[k - 1].flags & kFlagTarget) return false;
  }
  return true;
}

}  // namespace

// "Mahamat Idriss Déby ... Déby said": a later mention by surname (or any
// shorter tail of the name) is the person named in full earlier in the
// document, and takes that mention's code, sector and name.
void ActorResolver::LinkSurnames(Document& doc) const {
  struct Named {
    std::string last_word;
    const Entity* entity;
    std::string text;
  };
  std::vector<Named> seen;
  for (Sentence& s : doc.sentences) {
    for (Entity& e : s.entities) {
      bool unknown = e.code.empty() && e.sector.empty();
      std::string last_word = doc.tokens[e.last - 1].lower;
      if (unknown && e.last - e.first <= 2) {
        for (auto it = seen.rbegin(); it != seen.rend(); ++it) {
          if (it->last_word != last_word) continue;
          const Entity& full = *it->entity;
          if (full.last - full.first <= e.last - e.first) continue;  // must be longer
          e.code = full.code;
          e.sector = full.sector;
          e.name = full.name;
          e.note = "same person as '" + it->text + "'";
          break;
        }
      }
      // People from the knowledge base and named office holders can be
      // referred to by surname later; so can unknown full names.
      bool person_like = e.last - e.first >= 2 &&
                         (e.source.find("people.txt") != std::string::npos ||
                          e.note == "title before a name" || (e.code.empty() && e.sector.empty()));
      if (person_like) {
        ByteSpan b{doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
        seen.push_back({last_word, &e, std::string(doc.Slice(b))});
      }
    }
  }
}

void ActorResolver::Resolve(Document& doc) const {
  std::map<std::string, int> counts;
  std::map<std::string, size_t> first_seen;
  size_t order = 0;
  for (const Sentence& s : doc.sentences) {
    for (const Entity& e : s.entities) {
      if (!IsCountryCode(e.code)) continue;
      // A country named as a place ("in Mali", "near Mopti") says more about
      // where the story is than one named as a party ("Russia's forces").
      uint32_t k = e.first;
      while (k > s.first_token && (doc.tokens[k - 1].tag == Tag::kDeterminer ||
                                   doc.tokens[k - 1].tag == Tag::kAdjective)) {
        --k;
      }
      // (Capitals count once: some share their name with other cities,
      // "Tripoli".)
      bool place = e.place_name && e.sector.empty() && k > s.first_token &&
                   (doc.tokens[k - 1].flags & kFlagLocative);
      counts[e.code] += place ? 2 : 1;
      first_seen.emplace(e.code, order++);
    }
  }
  std::string focus;
  for (const auto& [code, n] : counts) {
    if (focus.empty() || n > counts[focus] || (n == counts[focus] && first_seen[code] < first_seen[focus])) {
      focus = code;
    }
  }

  doc.focus_country = focus;
  LinkSurnames(doc);
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    Sentence& s = doc.sentences[si];
    std::set<std::string> countries;
    for (const Entity& e : s.entities) {
      if (IsCountryCode(e.code)) countries.insert(e.code);
    }
    bool any_country = !countries.empty();
    // The sentence's place is needed only for mentions that lack a country.
    bool needs_country = false;
    for (const Entity& e : s.entities) needs_country |= e.code.empty() && !e.sector.empty();
    if (!needs_country) continue;
    std::string place = SentenceRoles(doc, si).LocativeCountry();
    for (size_t i = 0; i < s.entities.size(); ++i) {
      Entity& e = s.entities[i];
      if (!e.code.empty() || e.sector.empty()) continue;
      // 1. "forces in Guinea", "the junta of Mali"
      if (i + 1 < s.entities.size() && IsCountryCode(s.entities[i + 1].code)) {
        uint32_t k = e.last;
        // "in X" names the actor's country for state organs ("the military
        // government in Niamey") and for the sentence's first actor
        // ("security forces in Guinea have ..."); for others it may be the
        // venue of the event ("signed a deal with the rebels in Algiers")
        // unless no other country is in play.
        const std::string& next_code = s.entities[i + 1].code;
        bool elsewhere = false;
        for (const std::string& c : countries) elsewhere |= c != next_code;
        static const std::set<std::string> kState = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"};
        bool in_ok = !elsewhere || i == 0 || kState.count(e.sector);
        if (k < s.last_token && (((doc.tokens[k].flags & kFlagContainment) && in_ok) ||
                                 (doc.tokens[k].flags & kFlagGenitive))) {
          ++k;
          while (k < s.last_token && doc.tokens[k].tag == Tag::kDeterminer) ++k;
          if (k == s.entities[i + 1].first) {
            e.code = s.entities[i + 1].code;
            e.note = "country from the phrase after it";
            continue;
          }
        }
      }
      // A place fills in actors only when no other country is in the
      // sentence ("Mali signed a deal with the rebels in Algiers" says
      // nothing of the rebels' country) and never for refugees, who are by
      // definition away from home.
      bool other_country = false;
      for (const std::string& c : countries) other_country |= c != place;
      if (!place.empty() && !other_country && e.sector != "REF") {
        e.code = place;
        e.note = "the country where the sentence places it";
      } else if (e.note == "title before a name" && countries.size() == 1 &&
                 *countries.begin() == focus && NotTargeted(doc, s, focus)) {
        // "President Yoweri Museveni has banned Ugandan opposition
        // candidates": a named office holder whose country goes unsaid
        // belongs to the one country the sentence (and document) is about.
        e.code = focus;
        e.note = "named official of the document's focal country";
      } else if (!any_country && !focus.empty()) {
        e.code = focus;
        e.note = "the document's focal country";
      }
    }
  }
}

}  // namespace griot
