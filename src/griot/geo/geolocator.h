// Geolocator: finds place names in each sentence, resolves them in the
// gazetteer, and gives every event a location.
//
//   Geolocator geo(&gazetteer);
//   geo.Locate(doc);   // fills Sentence::places and Event::location
//
// Recognition: a capitalized name (up to four words) that the gazetteer knows
// counts as a place only with a cue that it is one: a locative preposition
// before it ("in", "near", "at", "outside"), a place noun around it ("the
// northern town of X", "X region", "X state"), or a direction ("central
// Mali"). Actor mentions other than bare country or capital names (people,
// organizations, demonyms) are never places. The words are the lexicon's
// (flags locative, location, direction, genitive): none is written here.
// Resolution among same-named places: explicit qualifiers ("in central Mali",
// "the Lebanese city of Tyre", "Y region of X"), then the document's focal
// country, the countries the sentence names, and population; a region noun
// (flags region, region-after: "Borno state") favours the region of that
// name over a town. Each choice keeps its reason.
// Event location: a place in the event's own clause, else in its sentence,
// else the document's focal country (precision "country"); none otherwise.
#pragma once

#include <string>
#include <unordered_map>

#include "griot/doc/document.h"
#include "griot/geo/gazetteer.h"

namespace griot {

class Geolocator {
 public:
  explicit Geolocator(const Gazetteer* gazetteer);
  void Locate(Document& doc) const;

 private:
  void FindPlaces(const Document& doc, Sentence& sentence) const;
  Location FromPlace(uint32_t index, const std::string& reason) const;

  const Gazetteer* gazetteer_;
  std::unordered_map<std::string, uint32_t> country_place_;  // ISO-3 -> country entry
};

}  // namespace griot
