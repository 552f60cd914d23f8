#include "griot/export/gdelt_export.h"

#include <algorithm>
#include <cstdio>

#include "griot/export/export_format.h"

namespace griot {
namespace {

// PLOVER sectors that are also CAMEO role codes with the same meaning. REL
// is not one (CAMEO codes religions, which griot does not know, in the
// religion fields), so it gives no role code.
constexpr std::string_view kCameoRoles[] = {"AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "GOV",
                                            "HLH", "HRI", "IGO", "JUD", "LAB", "LEG", "MED", "MIL",
                                            "NGO", "OPP", "PTY", "REB", "REF", "SPY", "UAF"};

// Actor codes that name a kind of organisation rather than a country; CAMEO
// puts them first in an actor code and GDELT repeats them in Type1Code.
constexpr std::string_view kOrganisationKinds[] = {"IGO", "NGO", "IMG", "MNC"};

template <size_t N>
bool In(const std::string_view (&set)[N], const std::string& s) {
  return std::find(std::begin(set), std::end(set), s) != std::end(set);
}

std::string Role(const std::string& sector) { return In(kCameoRoles, sector) ? sector : ""; }

// "2025-05-14" -> "20250514"; "" unless the text starts with a valid date shape.
std::string Compact(const std::string& day) {
  if (day.size() < 10 || day[4] != '-' || day[7] != '-') return "";
  std::string out = day.substr(0, 4) + day.substr(5, 2) + day.substr(8, 2);
  bool digits = std::all_of(out.begin(), out.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? out : "";
}

// GDELT's codebook: YYYY.FFFF with FFFF = (month * 30 + day) / 365.
std::string FractionDate(const std::string& yyyymmdd) {
  int y = std::stoi(yyyymmdd.substr(0, 4)), m = std::stoi(yyyymmdd.substr(4, 2)),
      d = std::stoi(yyyymmdd.substr(6, 2));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", y + (m * 30 + d) / 365.0);
  return buf;
}

std::string Flatten(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s;
}

}  // namespace

int64_t GdeltEventId(std::string_view event_id) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64 offset basis
  for (unsigned char c : event_id) {
    h ^= c;
    h *= 1099511628211ull;  // FNV prime
  }
  int64_t id = static_cast<int64_t>(h & 0x7fffffffffffffffull);
  return id == 0 ? 1 : id;
}

std::string GdeltFormatter::Fips(const std::string& iso3) const {
  return fips_ && !iso3.empty() ? fips_(iso3) : "";
}

void GdeltFormatter::AddActor(const std::vector<StoredArgument>& args,
                              std::vector<std::string>* row) const {
  if (args.empty()) {
    row->insert(row->end(), 10, "");
    return;
  }
  const StoredArgument& a = args.front();
  std::string role = Role(a.sector);
  std::string country, type1 = role, type2;
  if (In(kOrganisationKinds, a.code)) {
    type1 = a.code;
    type2 = role == a.code ? "" : role;
  } else {
    country = a.code;
  }
  std::string code = a.code == role ? a.code : a.code + role;
  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
  // Religion2Code, Type1Code, Type2Code, Type3Code.
  row->insert(row->end(), {code, ArgumentLabel(a), country, "", "", "", "", type1, type2, ""});
}

// GDELT's geographic types: 1 country, 2 US state, 3 US city, 4 world city,
// 5 world state (first-level region).
void GdeltFormatter::AddActionGeo(const StoredLocation& l, std::vector<std::string>* row) const {
  if (l.precision.empty()) {
    row->insert(row->end(), {"0", "", "", "", "", "", "", ""});
    return;
  }
  bool us = l.country == "USA";
  const char* type = l.precision == "country"  ? "1"
                     : l.precision == "admin1" ? (us ? "2" : "5")
                                               : (us ? "3" : "4");
  std::string name = l.name;
  if (!l.admin1.empty() && l.admin1 != l.name) name += (name.empty() ? "" : ", ") + l.admin1;
  std::string fips = Fips(l.country);
  // ADM1Code: GDELT's is the FIPS country code followed by the FIPS region
  // code, which griot does not have; the country code alone is GDELT's own
  // form for a place whose region is unknown.
  row->insert(row->end(),
              {type, name, fips, fips, "", FormatDecimal(l.lat, 4), FormatDecimal(l.lon, 4),
               l.geonames_id > 0 ? std::to_string(l.geonames_id) : ""});
}

std::vector<std::string> GdeltFormatter::Fields(const StoredEvent& e) const {
  std::vector<std::string> row;
  row.reserve(kGdeltColumns);
  std::string day = Compact(e.day);
  row.push_back(std::to_string(GdeltEventId(e.event_id)));
  if (day.empty()) {
    row.insert(row.end(), 4, "");
  } else {
    row.insert(row.end(), {day, day.substr(0, 6), day.substr(0, 4), FractionDate(day)});
  }
  AddActor(e.actor, &row);
  AddActor(e.recipient, &row);
  row.push_back(e.sentence == 0 ? "1" : "0");
  row.push_back(e.cameo);
  row.push_back(e.cameo.substr(0, 3));
  row.push_back(e.cameo.substr(0, 2));
  row.push_back(e.quad > 0 ? std::to_string(e.quad) : "");
  row.push_back(FormatDecimal(e.score, 1));
  // A record that is not canonical (or not yet deduplicated) still stands
  // for one mention of one article from one source.
  for (int64_t n : {e.mentions, e.sources, e.articles}) {
    row.push_back(std::to_string(std::max<int64_t>(n, 1)));
  }
  row.push_back("");  // AvgTone
  for (int geo = 0; geo < 2; ++geo) row.insert(row.end(), {"0", "", "", "", "", "", "", ""});
  AddActionGeo(e.location, &row);
  std::string added = Compact(e.first_reported);
  if (added.empty()) added = Compact(e.report_date);
  if (added.empty()) added = day;
  row.push_back(added.empty() ? "" : added + "000000");
  row.push_back(e.url.empty() ? e.doc_id : e.url);
  for (std::string& f : row) f = Flatten(std::move(f));
  return row;
}

std::string GdeltFormatter::Line(const StoredEvent& e) const {
  std::vector<std::string> fields = Fields(e);
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    out += fields[i];
  }
  return out;
}

}  // namespace griot
