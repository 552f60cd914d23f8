// Internals of BuildGazetteer, shared by gazetteer_builder.cc (reading and
// linking the sources) and gazetteer_writer.cc (index and file layout).
// Not a public interface.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "griot/geo/gazetteer.h"
#include "griot/geo/gazetteer_builder.h"

namespace griot::gazetteer_build {

// One place being compiled.
struct Entry {
  PlaceKind kind = PlaceKind::kPopulated;
  std::string name;
  std::string country;      // ISO-3
  std::string admin1;       // region name
  float lat = 0, lon = 0;
  uint64_t population = 0;  // summed for regions and countries before writing
  uint32_t geonames_id = 0;
  std::string admin1_code;  // GeoNames "ISO2.code" of a city, "" when none
};

struct Country {
  std::string iso2;
  float lat = 0, lon = 0;
};

struct Region {
  std::string where;        // file:line, for warnings
  std::string iso2;
  std::string capital_key;  // normalized capital name
  bool named_after_capital = false;  // its name or an alias is the capital's
  uint32_t entry = 0;
};

// A city that may be a region's capital. Rank: PPLA 0, PPLC 1, PPLA2 2, any
// other place 3 (the lower, the better evidence of the region's admin1 code).
struct Capital {
  uint32_t entry;
  int rank;
};

// Decimal degrees with |value| <= limit.
bool ParseCoordinate(std::string_view text, double limit, float* out);
// Pure digits, or 2-4 upper-case ASCII letters ("MZI", "NY"): alternate names
// that are codes, not names, and would only add false matches.
bool IsCodeLike(std::string_view name);

class Builder {
 public:
  explicit Builder(GazetteerBuildReport& report);

  Status ReadCountryCodes(const std::string& path);
  Status ReadRegions(const std::string& path);
  Status ReadCities(const std::string& path);
  void LinkRegions();
  Status ReadCountries(const std::string& path);
  Status ReadSupplement(const std::string& path);
  Status Write(const std::string& out_path);  // gazetteer_writer.cc

  size_t kb_errors() const { return kb_errors_.size(); }
  const std::string& first_kb_error() const { return kb_errors_.front(); }
  size_t bad_city_lines() const { return bad_city_lines_; }

 private:
  uint32_t AddEntry(Entry e);
  void AddKeys(uint32_t entry, std::vector<std::string> keys);  // normalized keys
  void ReadCityLine(std::string_view line, const std::string& where);
  void KbError(const Status& s) {
    kb_errors_.push_back(s.message());
    report_.errors.push_back(s.message());
  }

  GazetteerBuildReport& report_;
  std::vector<Entry> entries_;
  std::vector<std::pair<std::string, uint32_t>> index_;        // (key, entry)
  std::unordered_map<std::string, std::string> iso3_by_iso2_;
  std::map<std::string, Country> countries_;                   // by ISO-3
  std::vector<Region> regions_;
  std::unordered_map<std::string, uint32_t> region_by_key_;    // "ISO3|normalized name"
  // Cities with an admin1 code by "ISO2|normalized name", and the PPLAs by ISO-2.
  std::unordered_map<std::string, std::vector<Capital>> towns_by_key_;
  std::unordered_map<std::string, std::vector<uint32_t>> pplas_;
  std::vector<std::string> kb_errors_;
  size_t bad_city_lines_ = 0;
};

}  // namespace griot::gazetteer_build
