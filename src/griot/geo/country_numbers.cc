#include "griot/geo/country_numbers.h"

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

bool IsNumericCode(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Lookup(const std::unordered_map<std::string, std::string>& map, std::string_view key) {
  auto it = map.find(std::string(key));
  return it == map.end() ? "" : it->second;
}

}  // namespace

std::string CountryNumbers::DefaultPath() {
#ifdef GRIOT_DEFAULT_KB_GEO_DIR
  return GRIOT_DEFAULT_KB_GEO_DIR "/country_numbers.txt";
#else
  return "kb/geo/country_numbers.txt";
#endif
}

Result<CountryNumbers> CountryNumbers::Load(const std::string& path) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) {
    return NotFound(content.status().message() + " (kb/geo/country_numbers.txt of the griot sources)");
  }
  return Parse(*content, path);
}

Result<CountryNumbers> CountryNumbers::Parse(std::string_view content, const std::string& path) {
  Result<KbFile> file = ParseKbFile(content, path, "country-numbers");
  if (!file.ok()) return file.status();
  CountryNumbers out;
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    if (f.size() != 3) return file->Error(l, "expected 'ISO3 | numeric | FIPS10-4'");
    if (!IsUpperCode(f[0], 3)) return file->Error(l, "'" + f[0] + "' is not an ISO-3 code");
    if (f[1] != "-" && !IsNumericCode(f[1])) {
      return file->Error(l, "numeric code '" + f[1] + "' is not three digits (or '-' for none)");
    }
    if (f[2] != "-" && !IsUpperCode(f[2], 2)) {
      return file->Error(l, "FIPS code '" + f[2] + "' is not two upper-case letters (or '-')");
    }
    Codes codes{f[1] == "-" ? "" : f[1], f[2] == "-" ? "" : f[2]};
    if (!out.by_iso3_.emplace(f[0], codes).second) {
      return file->Error(l, f[0] + " is listed twice");
    }
    if (!codes.numeric.empty() && !out.iso3_by_numeric_.emplace(codes.numeric, f[0]).second) {
      return file->Error(l, "numeric code " + codes.numeric + " is already used by " +
                                out.iso3_by_numeric_[codes.numeric]);
    }
    if (!codes.fips.empty() && !out.iso3_by_fips_.emplace(codes.fips, f[0]).second) {
      return file->Error(l, "FIPS code " + codes.fips + " is already used by " +
                                out.iso3_by_fips_[codes.fips]);
    }
  }
  return out;
}

std::string CountryNumbers::Iso3FromNumeric(std::string_view numeric) const {
  return Lookup(iso3_by_numeric_, numeric);
}

std::string CountryNumbers::Iso3FromFips(std::string_view fips) const {
  return Lookup(iso3_by_fips_, fips);
}

std::string CountryNumbers::Numeric(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  return it == by_iso3_.end() ? "" : it->second.numeric;
}

std::string CountryNumbers::Fips(std::string_view iso3) const {
  auto it = by_iso3_.find(std::string(iso3));
  return it == by_iso3_.end() ? "" : it->second.fips;
}

}  // namespace griot
