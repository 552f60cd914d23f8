// How linking stays fast on a load of millions of records: every record is
// first compacted into what the rule reads (CompactRecord: the day as a
// number, interned ids for types, countries and regions, a hash of the
// document id, and participant keys as ids in a shared array), so judging a
// candidate pair compares numbers and walks small sorted id runs without
// allocating.
// Participant ids are ranks in the sorted list of distinct keys, so id order
// is string order: intersections, unions and the order of the names in a
// `reason` are exactly those of the strings. The `reason` text is built only
// for the winning candidate. Candidates are found by (type, country, day)
// buckets chained in insertion order, so ties resolve as they always have.
// Scores are the same floating-point expression as ever: byte-identical
// links (dedup_test.cc checks them against the rule written plainly).
#include "griot/store/dedup.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "griot/store/stored_event.h"

namespace griot {
namespace {

constexpr double kPlaceKm = 25.0;
// 25.6 km of latitude on Km's sphere: places further apart in latitude are
// further than kPlaceKm apart whatever the rounding.
constexpr double kPlaceLatDegrees = 0.23;
constexpr uint32_t kNone = UINT32_MAX;

// Days are valid once stored (FillAnalysisDates); 0 for anything else.
int64_t DayNumber(const std::string& day) {
  int64_t n = 0;
  return ParseDay(day, &n) ? n : 0;
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// Types whose two sides are interchangeable: "Mali and Niger signed" and
// "Niger signed with Mali" report one agreement.
bool Symmetric(const std::string& type) {
  return type == "AGREE" || type == "CONSULT" || type == "COOPERATE";
}

// The only questions the rule asks of a location's precision.
enum class Precision : uint8_t { kNone, kPlace, kRegion, kCountry };

Precision PrecisionOf(const std::string& p) {
  if (p.empty()) return Precision::kNone;
  if (p == "place") return Precision::kPlace;
  if (p == "country") return Precision::kCountry;
  return Precision::kRegion;  // admin1, or any finer-than-country area
}

// A run of participant ids in Compacted::ids.
struct IdRun {
  uint32_t begin = 0, size = 0;
};

struct CompactRecord {
  int64_t day = 0;
  // A hash, not an interned id: a load holds about as many documents as
  // records, and equal hashes are confirmed on the strings.
  uint64_t doc = 0;
  uint32_t type = 0, country = 0, admin1 = 0;  // interned; 0 is ""
  Precision precision = Precision::kNone;
  bool has_day = false, own_date = false, symmetric = false;
  double lat = 0, lon = 0;
  IdRun actors, recipients, parties;  // parties: both sides, symmetric types only
};

// Interns strings as small numbers, "" as 0. The views point into records
// that outlive the interner.
class Interner {
 public:
  uint32_t Id(std::string_view s) {
    if (s.empty()) return 0;
    // Records of one document are neighbours in report order: the last
    // answer is often the next one (the same type, country, region).
    if (s == last_) return last_id_;
    last_ = s;
    last_id_ = ids_.try_emplace(s, static_cast<uint32_t>(ids_.size() + 1)).first->second;
    return last_id_;
  }
  const std::unordered_map<std::string_view, uint32_t>& ids() const { return ids_; }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::string_view last_;
  uint32_t last_id_ = 0;
};

// Records in compact form, with what is needed to turn ids back into names.
class Compacted {
 public:
  explicit Compacted(const std::vector<const DedupRecord*>& records) : records_(records) {
    compact_.reserve(records.size());
    ids_.reserve(records.size() * 2);
    for (const DedupRecord* r : records) Add(*r);
    RankKeys();
    std::vector<uint32_t> both;
    for (CompactRecord& c : compact_) {
      if (!c.symmetric) continue;
      // Into a buffer first: appending to ids_ can move the sides.
      both.clear();
      std::set_union(ids_.begin() + c.actors.begin, ids_.begin() + c.actors.begin + c.actors.size,
                     ids_.begin() + c.recipients.begin,
                     ids_.begin() + c.recipients.begin + c.recipients.size, std::back_inserter(both));
      c.parties = {static_cast<uint32_t>(ids_.size()), static_cast<uint32_t>(both.size())};
      ids_.insert(ids_.end(), both.begin(), both.end());
    }
  }

  size_t size() const { return compact_.size(); }
  const CompactRecord& operator[](size_t i) const { return compact_[i]; }
  const DedupRecord& record(size_t i) const { return *records_[i]; }
  const uint32_t* ids(IdRun run) const { return ids_.data() + run.begin; }
  const std::string_view& key(uint32_t id) const { return keys_[id]; }

 private:
  void Add(const DedupRecord& r) {
    CompactRecord c;
    if (r.day != last_day_) {  // neighbours in report order share days
      last_day_ = r.day;
      last_day_number_ = DayNumber(r.day);
    }
    c.day = last_day_number_;
    c.has_day = !r.day.empty();
    c.own_date = r.own_date;
    c.doc = std::hash<std::string_view>()(r.doc_id);
    c.type = types_.Id(r.event);
    c.country = countries_.Id(r.country);
    c.admin1 = regions_.Id(r.admin1);
    c.precision = PrecisionOf(r.precision);
    c.symmetric = Symmetric(r.event);
    c.lat = r.lat;
    c.lon = r.lon;
    c.actors = AddKeys(r.actors);
    c.recipients = AddKeys(r.recipients);
    compact_.push_back(c);
  }

  IdRun AddKeys(const std::vector<std::string>& keys) {
    IdRun run{static_cast<uint32_t>(ids_.size()), static_cast<uint32_t>(keys.size())};
    for (const std::string& k : keys) ids_.push_back(key_ids_.Id(k));
    return run;
  }

  // Replaces first-seen ids by ranks in string order, so comparing ids
  // compares the keys.
  void RankKeys() {
    keys_.assign(key_ids_.ids().size() + 1, std::string_view());
    std::vector<std::pair<std::string_view, uint32_t>> sorted(key_ids_.ids().begin(),
                                                              key_ids_.ids().end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<uint32_t> rank(sorted.size() + 1, 0);  // "" stays 0, first
    for (size_t i = 0; i < sorted.size(); ++i) {
      rank[sorted[i].second] = static_cast<uint32_t>(i + 1);
      keys_[i + 1] = sorted[i].first;
    }
    for (uint32_t& id : ids_) id = rank[id];
  }

  const std::vector<const DedupRecord*>& records_;
  std::vector<CompactRecord> compact_;
  std::vector<uint32_t> ids_;
  std::vector<std::string_view> keys_;  // by rank
  Interner types_, countries_, regions_, key_ids_;
  std::string_view last_day_;
  int64_t last_day_number_ = 0;  // DayNumber("")
};

// Shared ids of two sorted runs; appended to `out` when given.
size_t Shared(const uint32_t* a, uint32_t na, const uint32_t* b, uint32_t nb,
              std::vector<uint32_t>* out) {
  size_t n = 0;
  const uint32_t *ea = a + na, *eb = b + nb;
  while (a != ea && b != eb) {
    if (*a < *b) {
      ++a;
    } else if (*b < *a) {
      ++b;
    } else {
      if (out) out->push_back(*a);
      ++n, ++a, ++b;
    }
  }
  return n;
}

enum class PlaceMatch { kNoPlace, kKm, kRegion, kCountry };

// What a match rests on, for its `reason`.
struct MatchDetail {
  std::vector<uint32_t> actors, recipients;
  PlaceMatch place = PlaceMatch::kNoPlace;
  double km = 0;
  int64_t days = 0;
};

// The rule (dedup.h) on compact records: whether `b` reports the same
// event as canonical `a`, and its score. Allocates only to fill `detail`.
// The conditions are checked cheapest and most selective first (the place
// before the participants); all must hold, so the order changes nothing.
bool Match(const Compacted& all, size_t ia, size_t ib, double* score, MatchDetail* detail) {
  const CompactRecord &a = all[ia], &b = all[ib];
  if (a.type != b.type) return false;
  if (a.doc == b.doc && all.record(ia).doc_id == all.record(ib).doc_id) return false;
  int64_t days = std::llabs(a.day - b.day);
  if (!a.has_day || !b.has_day || days > (a.own_date && b.own_date ? 1 : 3)) return false;
  double km = 0;
  PlaceMatch place = PlaceMatch::kNoPlace;
  bool placeless = a.precision == Precision::kNone || b.precision == Precision::kNone;
  if (placeless) {
    if (a.precision != b.precision) return false;
  } else {
    if (a.country != b.country) return false;
    if (a.precision == Precision::kPlace && b.precision == Precision::kPlace) {
      // No distance is shorter than the difference in latitude: skip the
      // trigonometry for places clearly too far apart.
      if (std::fabs(a.lat - b.lat) > kPlaceLatDegrees) return false;
      km = Km(a.lat, a.lon, b.lat, b.lon);
      if (km > kPlaceKm) return false;
      place = PlaceMatch::kKm;
    } else if (a.precision != Precision::kCountry && b.precision != Precision::kCountry) {
      if (a.admin1 == 0 || a.admin1 != b.admin1) return false;
      place = PlaceMatch::kRegion;
    } else {
      place = PlaceMatch::kCountry;
    }
  }
  size_t actors = 0, recipients = 0;
  if (a.symmetric) {
    // Both sides as one set of parties; two shared parties count as a
    // shared actor and a shared recipient.
    std::vector<uint32_t>* out = detail ? &detail->actors : nullptr;
    size_t shared = Shared(all.ids(a.parties), a.parties.size, all.ids(b.parties), b.parties.size, out);
    if (shared == 0 || (shared < 2 && a.parties.size >= 2 && b.parties.size >= 2)) return false;
    actors = 1;
    recipients = shared - 1;
  } else {
    actors = Shared(all.ids(a.actors), a.actors.size, all.ids(b.actors), b.actors.size,
                    detail ? &detail->actors : nullptr);
    recipients = Shared(all.ids(a.recipients), a.recipients.size, all.ids(b.recipients),
                        b.recipients.size, detail ? &detail->recipients : nullptr);
    if (actors == 0 && recipients == 0) return false;
    // Both sides name actors (recipients) and none is shared: a contradiction.
    if (a.actors.size && b.actors.size && actors == 0) return false;
    if (a.recipients.size && b.recipients.size && recipients == 0) return false;
  }
  // Without places, only a shared actor and a shared recipient will do.
  if (placeless && (actors == 0 || recipients == 0)) return false;
  *score = 10.0 * static_cast<double>(actors + recipients) - static_cast<double>(days) - km / 100.0;
  if (detail) {
    detail->place = place;
    detail->km = km;
    detail->days = days;
  }
  return true;
}

// "same ASSAULT; shared MLI MIL MLI CVL; 4 km; 1 day apart". For symmetric
// types all shared parties are in detail.actors.
std::string Reason(const Compacted& all, size_t ia, const MatchDetail& d) {
  const DedupRecord& a = all.record(ia);
  std::string why = "same " + a.event + "; shared";
  for (uint32_t id : d.actors) (why += ' ') += all.key(id);
  for (uint32_t id : d.recipients) {
    if (std::find(d.actors.begin(), d.actors.end(), id) == d.actors.end()) (why += ' ') += all.key(id);
  }
  why += "; ";
  switch (d.place) {
    case PlaceMatch::kNoPlace:
      why += "no place";
      break;
    case PlaceMatch::kKm: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.0f km", d.km);
      why += buf;
      break;
    }
    case PlaceMatch::kRegion:
      why += "same region " + a.admin1;
      break;
    case PlaceMatch::kCountry:
      why += "same country " + a.country;
      break;
  }
  why += "; " + std::to_string(d.days) + (d.days == 1 ? " day apart" : " days apart");
  return why;
}

std::string Explain(const Compacted& all, size_t ia, size_t ib, double* score) {
  MatchDetail detail;
  if (!Match(all, ia, ib, score, &detail)) return "";
  return Reason(all, ia, detail);
}

// Canonical records by (type, country, day), each bucket a chain in
// insertion order through `next_`. The buckets of 8 consecutive days share
// one table entry, so the 7 days around a record take at most 2 lookups.
class Buckets {
 public:
  explicit Buckets(size_t records) : next_(records, kNone) { blocks_.reserve(records / kDays); }

  void Add(uint32_t group, int64_t day, uint32_t record) {
    auto [it, added] = blocks_.try_emplace(BlockKey(group, day), static_cast<uint32_t>(heads_.size()));
    if (added) heads_.emplace_back();
    Chain& chain = heads_[it->second][static_cast<size_t>(Offset(day))];
    if (chain.first == kNone) {
      chain.first = record;
    } else {
      next_[chain.last] = record;
    }
    chain.last = record;
  }

  // Calls visit(record) for the records of days [from, to], day by day,
  // each day in insertion order.
  template <typename Visit>
  void ForEach(uint32_t group, int64_t from, int64_t to, Visit&& visit) const {
    for (int64_t d = from; d <= to;) {
      int64_t block_end = d - Offset(d) + kDays - 1;
      auto it = blocks_.find(BlockKey(group, d));
      if (it == blocks_.end()) {
        d = block_end + 1;
        continue;
      }
      const Block& block = heads_[it->second];
      for (; d <= to && d <= block_end; ++d) {
        for (uint32_t i = block[static_cast<size_t>(Offset(d))].first; i != kNone; i = next_[i]) visit(i);
      }
    }
  }

 private:
  static constexpr int64_t kDays = 8;
  struct Chain {
    uint32_t first = kNone, last = kNone;
  };
  using Block = std::array<Chain, kDays>;

  // Stored days are years 0000-9999: a block number fits 32 bits.
  static uint64_t BlockKey(uint32_t group, int64_t day) {
    int64_t block = day >= 0 ? day / kDays : -((-day + kDays - 1) / kDays);
    return (static_cast<uint64_t>(group) << 32) | static_cast<uint32_t>(static_cast<int32_t>(block));
  }
  static int64_t Offset(int64_t day) { return ((day % kDays) + kDays) % kDays; }

  std::unordered_map<uint64_t, uint32_t> blocks_;  // block key -> heads_ index
  std::vector<Block> heads_;
  std::vector<uint32_t> next_;
};

}  // namespace

std::string SameEvent(const DedupRecord& a, const DedupRecord& b, double* score) {
  std::vector<const DedupRecord*> pair = {&a, &b};
  Compacted all(pair);
  return Explain(all, 0, 1, score);
}

DedupRecord ToDedupRecord(const StoredDocument& doc, const StoredEvent& e) {
  DedupRecord d;
  d.event_id = e.event_id;
  d.doc_id = e.doc_id;
  d.source = doc.source.empty() ? e.doc_id : doc.source;
  d.reported = e.report_date;
  d.event = e.event;
  d.day = e.day;
  d.own_date = e.date_granularity == "day";
  d.country = e.location.country;
  d.admin1 = e.location.admin1;
  d.precision = e.location.precision;
  if (!d.precision.empty()) {
    d.lat = e.location.lat;
    d.lon = e.location.lon;
  }
  for (int role = 0; role < 2; ++role) {
    std::vector<std::string>& keys = role == 0 ? d.actors : d.recipients;
    for (const StoredArgument& a : role == 0 ? e.actor : e.recipient) {
      std::string key = a.Key();
      if (!key.empty()) keys.push_back(std::move(key));
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  }
  return d;
}

void SortByReport(std::vector<DedupRecord>* records) {
  std::sort(records->begin(), records->end(), [](const DedupRecord& a, const DedupRecord& b) {
    return std::tie(a.reported, a.event_id) < std::tie(b.reported, b.event_id);
  });
}

std::vector<MentionLink> LinkDuplicates(std::vector<DedupRecord> canonical,
                                        const std::vector<DedupRecord>& fresh) {
  // One index space: the stored canonical records, then the fresh ones.
  std::vector<const DedupRecord*> records;
  records.reserve(canonical.size() + fresh.size());
  for (const DedupRecord& r : canonical) records.push_back(&r);
  for (const DedupRecord& r : fresh) records.push_back(&r);
  Compacted all(records);

  // Candidates by type, country and day: the rule never links across types
  // or countries, nor more than 3 days apart.
  std::unordered_map<uint64_t, uint32_t> groups;
  std::vector<uint32_t> group(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    uint64_t type_country = (static_cast<uint64_t>(all[i].type) << 32) | all[i].country;
    group[i] = groups.try_emplace(type_country, static_cast<uint32_t>(groups.size())).first->second;
  }
  Buckets buckets(records.size());
  auto index = [&](size_t i) { buckets.Add(group[i], all[i].day, static_cast<uint32_t>(i)); };
  for (size_t i = 0; i < canonical.size(); ++i) index(i);

  std::vector<MentionLink> links;
  links.reserve(fresh.size());
  for (size_t f = canonical.size(); f < records.size(); ++f) {
    const DedupRecord& r = *records[f];
    uint32_t best = kNone;
    double best_score = 0;
    auto consider = [&](uint32_t i) {
      double score = 0;
      if (!Match(all, i, f, &score, nullptr)) return;
      // Ties go to the earliest report (then the smallest id): the order
      // of the candidates is not the order of reports once runs interleave.
      const DedupRecord& c = *records[i];
      if (best == kNone || score > best_score ||
          (score == best_score && std::tie(c.reported, c.event_id) <
                                      std::tie(records[best]->reported, records[best]->event_id))) {
        best = i;
        best_score = score;
      }
    };
    if (all[f].has_day) buckets.ForEach(group[f], all[f].day - 3, all[f].day + 3, consider);
    MentionLink link{r.event_id, r.event_id, r.doc_id, r.source, r.reported, "first report", r.row, r.day};
    if (best != kNone) {
      double score = 0;
      link.canonical_id = records[best]->event_id;
      link.reason = Explain(all, best, f, &score);
    } else {
      index(f);
    }
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace griot
