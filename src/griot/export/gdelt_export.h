// GDELT 2.0 Events table rows: tab-separated, no header, 61 columns, so that
// griot's events load with the tools and schemas built for GDELT.
//
//   GdeltFormatter gdelt([&](const std::string& iso3) { return numbers.Fips(iso3); });
//   out << gdelt.Line(event) << '\n';
//
// The columns, in GDELT 2.0's order (GDELT Event Codebook V2.0):
//    1 GlobalEventID   2 Day (YYYYMMDD)   3 MonthYear (YYYYMM)   4 Year
//    5 FractionDate (YYYY + (month * 30 + day) / 365, 4 decimals)
//    6-15  Actor1: Code, Name, CountryCode, KnownGroupCode, EthnicCode,
//          Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code
//   16-25  Actor2: the same 10
//   26 IsRootEvent  27 EventCode  28 EventBaseCode  29 EventRootCode
//   30 QuadClass  31 GoldsteinScale  32 NumMentions  33 NumSources
//   34 NumArticles  35 AvgTone
//   36-43  Actor1Geo: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat,
//          Long, FeatureID
//   44-51  Actor2Geo: the same 8
//   52-59  ActionGeo: the same 8
//   60 DATEADDED (YYYYMMDDHHMMSS)  61 SOURCEURL
//
// How griot's fields fill them (docs/exports.md, "GDELT"): the id is a
// 63-bit FNV-1a hash of the event id; actor codes are CAMEO-style country +
// role (MLI + MIL = "MLIMIL"); the CAMEO event code gives the event, base
// and root codes; quad and score give QuadClass and GoldsteinScale; the
// deduplicated totals give the counts; AvgTone is empty (griot measures no
// tone); only the action is located (Actor1Geo/Actor2Geo are empty, type 0).
// Geographic country codes are FIPS 10-4, looked up through `fips`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "griot/store/stored_event.h"

namespace griot {

inline constexpr int kGdeltColumns = 61;

// ISO 3166-1 alpha-3 -> FIPS 10-4 country code ("" when unknown).
using FipsLookup = std::function<std::string(const std::string& iso3)>;

// A stable positive 63-bit id for an event id (FNV-1a 64, top bit cleared;
// never 0).
int64_t GdeltEventId(std::string_view event_id);

class GdeltFormatter {
 public:
  // Without a lookup the geographic country codes are left empty.
  explicit GdeltFormatter(FipsLookup fips = nullptr) : fips_(std::move(fips)) {}

  // The 61 fields, tabs and line breaks inside them turned into spaces.
  std::vector<std::string> Fields(const StoredEvent& e) const;
  // The fields joined with tabs, without the newline.
  std::string Line(const StoredEvent& e) const;

 private:
  std::string Fips(const std::string& iso3) const;
  void AddActor(const std::vector<StoredArgument>& args, std::vector<std::string>* row) const;
  void AddActionGeo(const StoredLocation& l, std::vector<std::string>* row) const;

  FipsLookup fips_;
};

}  // namespace griot
