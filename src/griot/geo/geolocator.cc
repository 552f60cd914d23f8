#include "griot/geo/geolocator.h"

#include <cmath>
#include <map>
#include <set>

namespace griot {
namespace {

bool Capitalized(const Token& t) { return t.capitalized || t.all_caps; }

std::string KindPrecision(PlaceKind k) {
  switch (k) {
    case PlaceKind::kCountry: return "country";
    case PlaceKind::kRegion: return "admin1";
    default: return "place";
  }
}

}  // namespace

Geolocator::Geolocator(const Gazetteer* gazetteer) : gazetteer_(gazetteer) {
  for (uint32_t i = 0; i < gazetteer_->size(); ++i) {
    Place p = gazetteer_->place(i);
    if (p.kind == PlaceKind::kCountry) country_place_.emplace(std::string(p.country), i);
  }
}

Location Geolocator::FromPlace(uint32_t index, const std::string& reason) const {
  Place p = gazetteer_->place(index);
  Location l;
  l.name = std::string(p.name);
  l.country = std::string(p.country);
  l.admin1 = std::string(p.admin1);
  l.lat = p.lat;
  l.lon = p.lon;
  l.precision = KindPrecision(p.kind);
  l.geonames_id = p.geonames_id;
  l.reason = reason;
  return l;
}

void Geolocator::FindPlaces(const Document& doc, Sentence& s) const {
  s.places.clear();
  const auto& tokens = doc.tokens;
  // Which tokens belong to actor mentions that cannot be places.
  std::vector<int8_t> blocked(s.last_token - s.first_token, 0);
  std::vector<int8_t> named_place(s.last_token - s.first_token, 0);
  std::vector<int8_t> actor_place(s.last_token - s.first_token, 0);  // country/capital actors
  std::set<std::string> sentence_countries;
  for (const Entity& e : s.entities) {
    if (e.code.size() == 3 && e.code != "IGO" && e.code != "NGO" && e.code != "IMG" &&
        e.code != "MNC") {
      sentence_countries.insert(e.code);
    }
    // Bare country and capital names are places too; so may be capitalized
    // names the actor knowledge base does not know ("Borno", "Mopti").
    bool unknown_name = e.code.empty() && e.sector.empty();
    if (e.place_name || unknown_name) {
      for (uint32_t k = e.first; k < e.last; ++k) {
        named_place[k - s.first_token] = 1;
        if (e.place_name) actor_place[k - s.first_token] = 1;
      }
      continue;
    }
    for (uint32_t k = e.first; k < e.last; ++k) blocked[k - s.first_token] = 1;
  }
  for (uint32_t i = s.first_token; i < s.last_token;) {
    // Names start with a proper noun (or a known country or capital name);
    // capitalized common words at a sentence start are not looked up.
    auto name_word = [&](uint32_t k) {
      const Token& u = tokens[k];
      return Capitalized(u) && !blocked[k - s.first_token] && !(u.flags & kFlagTemporal) &&
             u.tag != Tag::kPunctuation &&
             (u.tag == Tag::kProperNoun || u.all_caps || named_place[k - s.first_token]);
    };
    if (!name_word(i)) {
      ++i;
      continue;
    }
    uint32_t run = 1;
    while (run < 4 && i + run < s.last_token && name_word(i + run)) ++run;
    // A country or capital the actor matcher found is one name, lower-case
    // words and all ("Democratic Republic of the Congo").
    for (const Entity& e : s.entities) {
      if (e.place_name && e.first == i) run = e.last - e.first;
    }
    // Lookups cost; a name can only be a place with a cue nearby, so skip
    // names with nothing place-like within a few words.
    bool cue_nearby = false;
    for (uint32_t k = i > s.first_token + 6 ? i - 6 : s.first_token; k < i; ++k) {
      const Token& u = tokens[k];
      constexpr uint32_t kCue = kFlagLocative | kFlagLocationNoun | kFlagDirection | kFlagGenitive;
      cue_nearby |= (u.flags & kCue) || u.tag == Tag::kVerb || u.tag == Tag::kParticiple ||
                    u.tag == Tag::kPossessive;
    }
    if (i + run < s.last_token && (tokens[i + run].flags & kFlagLocationNoun)) cue_nearby = true;
    if (!cue_nearby) {
      i += run;
      continue;
    }
    // Longest known name starting here.
    uint32_t best_len = 0;
    std::span<const uint32_t> cands;
    std::string name;
    for (uint32_t len = run; len >= 1; --len) {
      std::string phrase;
      for (uint32_t k = i; k < i + len; ++k) {
        if (k > i) phrase.push_back(' ');
        phrase.append(doc.Slice(tokens[k].span));
      }
      std::span<const uint32_t> found = gazetteer_->Lookup(NormalizeName(phrase));
      if (!found.empty()) {
        best_len = len;
        cands = found;
        name = phrase;
        break;
      }
    }
    if (!best_len) {
      ++i;
      continue;
    }
    uint32_t end = i + best_len;
    // Cues that the name is a place, and qualifiers that say where.
    std::vector<std::string> cues;
    std::string qualifier;  // ISO-3 named by "central Mali", "the Lebanese city of"
    bool region_cue = false;
    uint32_t k = i;
    bool direction = false;
    while (k > s.first_token &&
           (tokens[k - 1].tag == Tag::kDeterminer ||
            (tokens[k - 1].flags & (kFlagDirection | kFlagLocationNoun | kFlagGenitive)) ||
            tokens[k - 1].tag == Tag::kAdjective || tokens[k - 1].tag == Tag::kProperNoun)) {
      const Token& p = tokens[k - 1];
      if (p.flags & kFlagDirection) direction = true;
      if (p.flags & kFlagLocationNoun) {
        cues.push_back("place noun '" + p.lower + "'");
        if (p.flags & kFlagRegionNoun) region_cue = true;  // "the province of Kandahar"
      }
      // "the Lebanese city of Tyre": a demonym among the modifiers.
      for (const Entity& e : s.entities) {
        if (e.demonym && e.first == k - 1 && e.last == k) qualifier = e.code;
      }
      --k;
      if (i - k > 6) break;
    }
    if (k > s.first_token && (tokens[k - 1].flags & kFlagLocative)) {
      cues.push_back("'" + tokens[k - 1].lower + "'");
    }
    if (direction) cues.push_back("direction");
    // "shelled El Fasher", "seized Kharkiv": a sizeable place as the object of
    // a verb (small places need a stronger cue: people share their names).
    // (Not for countries and capitals the actor matcher found: as objects
    // they are parties, "accused Rwanda".)
    if (cues.empty() && i > s.first_token && !actor_place[i - s.first_token]) {
      uint32_t v = i;
      while (v > s.first_token && tokens[v - 1].tag == Tag::kDeterminer) --v;
      const Token& before = tokens[v - 1];
      bool after_verb = v > s.first_token && (before.tag == Tag::kVerb ||
                                              before.tag == Tag::kParticiple);
      if (after_verb) {
        for (uint32_t c : cands.first(std::min<size_t>(cands.size(), 5))) {
          Place p = gazetteer_->place(c);
          if (p.population >= 20000 || p.kind != PlaceKind::kPopulated) {
            cues.push_back("object of '" + before.lower + "'");
            break;
          }
        }
      }
    }
    if (end < s.last_token && (tokens[end].flags & kFlagLocationNoun)) {
      cues.push_back("'" + tokens[end].lower + "' after");
      // "Borno state", "Idlib governorate"
      if (tokens[end].flags & (kFlagRegionNoun | kFlagRegionNounAfter)) region_cue = true;
      // "the Mopti region of Mali": a country after "of".
      if (end + 2 < s.last_token && (tokens[end + 1].flags & kFlagGenitive)) {
        for (const Entity& e : s.entities) {
          if (e.first == end + 2 && e.place_name) qualifier = e.code;
        }
      }
    }
    // "Mali's Mopti region": a country possessor before the name.
    if (i >= s.first_token + 2 && tokens[i - 1].tag == Tag::kPossessive) {
      for (const Entity& e : s.entities) {
        if (e.last == i - 1 && e.place_name) {
          // Only a place of that country: "Taiwan's Vice Foreign Minister"
          // is no town in Peru.
          bool inside = false;
          for (uint32_t c : cands.first(std::min<size_t>(cands.size(), 50))) {
            inside |= gazetteer_->place(c).country == e.code;
          }
          if (!inside) continue;
          qualifier = e.code;
          cues.push_back("possessive country");
        }
      }
    }
    if (cues.empty()) {
      i = end;
      continue;
    }
    // Choose among same-named places.
    uint32_t best = cands[0];
    double best_score = -1e9;
    std::string best_reason;
    for (uint32_t c : cands.first(std::min<size_t>(cands.size(), 50))) {
      Place p = gazetteer_->place(c);
      std::string country(p.country);
      double score = std::log10(static_cast<double>(p.population) + 10.0);
      std::string reason = "population";
      if (!qualifier.empty() && country == qualifier) {
        score += 8;
        reason = "qualifier " + qualifier;
      } else if (!doc.focus_country.empty() && country == doc.focus_country) {
        score += 4;
        reason = "document focus " + country;
      } else if (sentence_countries.count(country)) {
        score += 3;
        reason = "country named in the sentence";
      }
      if (p.kind == PlaceKind::kRegion) score += region_cue ? 5 : -0.5;
      if (p.kind == PlaceKind::kCountry) score += 6;
      if (score > best_score) {
        best_score = score;
        best = c;
        best_reason = reason;
      }
    }
    PlaceMention m;
    m.first = i;
    m.last = end;
    m.place = best;
    m.reason = best_reason + "; cue: " + cues.front();
    s.places.push_back(m);
    i = end;
  }
}

void Geolocator::Locate(Document& doc) const {
  // Places matter only where events are: skip the other sentences.
  std::vector<bool> has_event(doc.sentences.size(), false);
  for (const Event& e : doc.events) has_event[e.sentence] = true;
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    doc.sentences[si].places.clear();
    if (has_event[si] && gazetteer_->size() > 0) FindPlaces(doc, doc.sentences[si]);
  }
  // Where the document happens: its focal country, unless the places it
  // names point elsewhere (a report on Mali mentioning Russia's forces).
  std::map<std::string, int> weight;
  for (const Sentence& s : doc.sentences) {
    for (const PlaceMention& m : s.places) weight[std::string(gazetteer_->place(m.place).country)] += 2;
  }
  std::string focus = doc.focus_country;
  if (!focus.empty()) weight[focus] += 1;
  for (const auto& [country, w] : weight) {
    if (focus.empty() || w > weight[focus]) focus = country;
  }
  for (Event& e : doc.events) {
    const Sentence& s = doc.sentences[e.sentence];
    const PlaceMention* in_clause = nullptr;
    const PlaceMention* in_sentence = nullptr;
    for (const PlaceMention& m : s.places) {
      uint32_t b = doc.tokens[m.first].span.begin;
      bool inside = b >= e.clause.begin && b < e.clause.end;
      // A country mention is a weaker location than a town or region.
      bool finer = !in_clause ||
                   gazetteer_->place(in_clause->place).kind == PlaceKind::kCountry;
      if (inside && finer) in_clause = &m;
      if (!in_sentence) in_sentence = &m;
    }
    if (in_clause) {
      e.location = FromPlace(in_clause->place, "clause: " + in_clause->reason);
    } else if (in_sentence) {
      e.location = FromPlace(in_sentence->place, "sentence: " + in_sentence->reason);
    } else if (!focus.empty()) {
      auto it = country_place_.find(focus);
      if (it != country_place_.end()) {
        e.location = FromPlace(it->second, "document focus");
      } else {
        e.location.country = focus;
        e.location.precision = "country";
        e.location.reason = "document focus (no coordinates in the gazetteer)";
      }
    }
  }
}

}  // namespace griot
