// The other codes of a country: ISO 3166-1 numeric (how Natural Earth and
// world-atlas key their shapes) and FIPS 10-4 (how GDELT names countries),
// from kb/geo/country_numbers.txt.
//
//   Result<CountryNumbers> n = CountryNumbers::Load(CountryNumbers::DefaultPath());
//   n->Iso3FromNumeric("466");  // "MLI"
//   n->Fips("NGA");             // "NI"
//   n->Numeric("DEU");          // "276"
//
// Lookups return "" for an unknown code or one that does not exist ("-" in
// the file).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "griot/util/status.h"

namespace griot {

class CountryNumbers {
 public:
  // Fails with file:line on a bad header, a wrong field count, a numeric code
  // that is not three digits, a FIPS code that is not two letters, or an ISO3,
  // numeric or FIPS code listed twice.
  static Result<CountryNumbers> Load(const std::string& path);
  static Result<CountryNumbers> Parse(std::string_view content, const std::string& path);
  // kb/geo/country_numbers.txt of the source tree this griot was built from.
  static std::string DefaultPath();

  std::string Iso3FromNumeric(std::string_view numeric) const;
  std::string Iso3FromFips(std::string_view fips) const;
  std::string Numeric(std::string_view iso3) const;
  std::string Fips(std::string_view iso3) const;
  bool Has(std::string_view iso3) const { return by_iso3_.count(std::string(iso3)) > 0; }
  size_t size() const { return by_iso3_.size(); }

 private:
  struct Codes {
    std::string numeric;  // "" when none
    std::string fips;
  };
  std::unordered_map<std::string, Codes> by_iso3_;
  std::unordered_map<std::string, std::string> iso3_by_numeric_;
  std::unordered_map<std::string, std::string> iso3_by_fips_;
};

}  // namespace griot
