// Gazetteer: every populated place of 1,000 people or more (GeoNames'
// cities1000), first-level regions and countries, and a curated supplement,
// compiled by `griot-gazetteer` into one binary file that loads fast.
//
//   Result<Gazetteer> g = Gazetteer::Load("build/gazetteer.bin");
//   for (uint32_t i : g->Lookup(NormalizeName("Mopti"))) { Place p = g->place(i); ... }
//
// The file is mapped read-only and shared by copies of the Gazetteer; a
// loaded Gazetteer is immutable, so any number of threads may use it.
// File layout: gazetteer_format.h; compiler: gazetteer_builder.h.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "griot/util/status.h"

namespace griot {

enum class PlaceKind : uint8_t { kPopulated = 0, kRegion = 1, kCountry = 2 };

struct Place {
  PlaceKind kind = PlaceKind::kPopulated;
  std::string_view name;     // preferred name (UTF-8)
  std::string_view country;  // ISO-3
  std::string_view admin1;   // first-level region name, "" when unknown
  float lat = 0, lon = 0;
  uint32_t population = 0;   // regions, countries: sum over their places in the gazetteer
  int64_t geonames_id = 0;   // 0 for supplement entries, regions and countries
};

class Gazetteer {
 public:
  // An empty gazetteer: every lookup misses (griot without a gazetteer file).
  Gazetteer() = default;

  // Maps a file written by BuildGazetteer; a missing, truncated or corrupt
  // file is an error naming the path.
  static Result<Gazetteer> Load(const std::string& path);

  // Places whose name or alternate name, normalized with NormalizeName, is
  // `key` (already normalized); countries first, then regions, then populated
  // places, most populous first within each kind.
  std::span<const uint32_t> Lookup(std::string_view key) const;
  Place place(uint32_t index) const;  // index < size()
  size_t size() const { return place_count_; }
  size_t key_count() const { return key_count_; }

 private:
  struct Mapping;
  std::shared_ptr<const Mapping> mapping_;  // keeps the pointers below valid
  const void* places_ = nullptr;            // gazetteer_format::PlaceRecord[place_count_]
  const uint32_t* key_offsets_ = nullptr;
  const uint32_t* posting_offsets_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const char* key_pool_ = nullptr;
  const char* string_pool_ = nullptr;
  uint32_t place_count_ = 0;
  uint32_t key_count_ = 0;
};

// The lookup key of a name: case folded, accents removed, whitespace runs
// collapsed to one space, hyphens and apostrophes kept (typographic ones made
// ASCII): "Tillabéri" -> "tillaberi", "North  Kivu" -> "north kivu",
// "N’Djamena" -> "n'djamena". Thread-safe. (normalize_name.cc)
std::string NormalizeName(std::string_view name);

}  // namespace griot
