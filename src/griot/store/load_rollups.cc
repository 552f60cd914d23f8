#include "griot/store/load_rollups.h"

#include <algorithm>
#include <array>

namespace griot {
namespace {

uint64_t Pack(uint32_t high, uint32_t low) { return (static_cast<uint64_t>(high) << 32) | low; }

// Sums by key, for the rollups derived from the daily one.
template <size_t N, size_t M>
using Rows = std::vector<std::pair<std::array<int64_t, N>, std::array<int64_t, M>>>;

template <size_t N, size_t M>
class Counter {
 public:
  void Add(const std::array<int64_t, N>& key, const std::array<int64_t, M>& add) {
    std::array<int64_t, M>& s = sums_[key];
    for (size_t i = 0; i < M; ++i) s[i] += add[i];
  }
  Rows<N, M> Take() { return Rows<N, M>(sums_.begin(), sums_.end()); }

 private:
  struct Hash {
    size_t operator()(const std::array<int64_t, N>& k) const {
      uint64_t h = 1469598103934665603ull;
      for (int64_t v : k) h = (h ^ static_cast<uint64_t>(v)) * 1099511628211ull;
      return static_cast<size_t>(h ^ (h >> 29));
    }
  };
  std::unordered_map<std::array<int64_t, N>, std::array<int64_t, M>, Hash> sums_;
};

// Rows in the order of their values (text columns bytewise, by the `rank`
// of their pool ids; `texts` has bit i set for a text column i): the
// tables' indexes lead with those columns, so rows are appended to them,
// not inserted all over, and two loads of the same input write the same
// rows in the same order.
template <size_t N, size_t M>
void SortRows(Rows<N, M>* rows, const std::vector<uint32_t>& rank, unsigned texts) {
  auto value = [&](const std::array<int64_t, N>& k, size_t i) {
    return (texts >> i) & 1u ? static_cast<int64_t>(rank[static_cast<size_t>(k[i])]) : k[i];
  };
  std::sort(rows->begin(), rows->end(), [&](const auto& a, const auto& b) {
    for (size_t i = 0; i < N; ++i) {
      const int64_t x = value(a.first, i), y = value(b.first, i);
      if (x != y) return x < y;
    }
    return false;
  });
}

}  // namespace

size_t LoadRollups::DimsHash::operator()(const Dims& d) const {
  uint64_t h = Pack(d.country, d.admin1) * 0x9e3779b97f4a7c15ull;
  h ^= Pack(d.event, static_cast<uint32_t>(d.quad)) + (h << 6) + (h >> 2);
  return static_cast<size_t>(h);
}

uint32_t LoadRollups::Pool::Id(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(texts_.size());
  texts_.emplace_back(s);
  ids_.emplace(texts_.back(), id);
  return id;
}

std::vector<uint32_t> LoadRollups::Pool::Ranks() const {
  std::vector<uint32_t> order(texts_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return texts_[a] < texts_[b]; });
  std::vector<uint32_t> rank(order.size());
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

void LoadRollups::Add(int64_t row, const StoredEvent& e, int64_t location_id) {
  Record r = Make(e, location_id);
  if (!rows_.empty() && row <= rows_.back()) rows_sorted_ = false;
  records_.push_back(r);
  rows_.push_back(row);
}

void LoadRollups::AddReports(const StoredEvent& e, int64_t location_id, int64_t reports) {
  Record r = Make(e, location_id);
  r.reports = reports;
  earlier_.push_back(r);
  earlier_reports_ += static_cast<size_t>(reports);
}

LoadRollups::Record LoadRollups::Make(const StoredEvent& e, int64_t location_id) {
  Record r;
  r.day = pool_.Id(e.day);
  // A record without a day is counted under day, week and month "" (the
  // refresh's second daily insert), whatever its week says.
  const bool dated = !e.day.empty();
  Calendar c{pool_.Id(dated ? std::string_view(e.week) : std::string_view()),
             pool_.Id(std::string_view(e.day).substr(0, 7))};
  auto [at, added] = calendar_.emplace(r.day, c);
  if (!added && at->second.week != c.week) calendar_consistent_ = false;
  Dims d{pool_.Id(e.location.country), pool_.Id(e.location.admin1), pool_.Id(e.event), e.quad};
  r.dims = dims_ids_.emplace(d, static_cast<uint32_t>(dims_.size())).first->second;
  if (r.dims == dims_.size()) dims_.push_back(d);
  r.location = location_ids_.emplace(location_id, static_cast<uint32_t>(locations_.size())).first->second;
  if (r.location == locations_.size()) locations_.push_back(location_id);
  r.actor_key = pool_.Id(e.actor.empty() ? std::string() : e.actor.front().Key());
  r.recipient_key = pool_.Id(e.recipient.empty() ? std::string() : e.recipient.front().Key());
  r.names_begin = static_cast<uint32_t>(names_.size());
  for (const auto* args : {&e.actor, &e.recipient}) {
    for (const StoredArgument& a : *args) {
      if (!a.name.empty()) names_.push_back(pool_.Id(a.code + '\x1f' + a.sector + '\x1f' + a.name));
    }
  }
  r.names_end = static_cast<uint32_t>(names_.size());
  return r;
}

bool LoadRollups::Link(size_t links, const std::vector<std::pair<int64_t, int64_t>>& canonical) {
  linked_ = false;
  if (!rows_sorted_ || !calendar_consistent_ || links != records_.size()) return false;
  for (Record& r : records_) r.events = r.reports = 0;
  size_t reports = earlier_reports_;
  for (const auto& [row, mentions] : canonical) {
    auto it = std::lower_bound(rows_.begin(), rows_.end(), row);
    // Not one of the added records: the groups are not this load's.
    if (it == rows_.end() || *it != row || mentions < 1) return false;
    Record& r = records_[static_cast<size_t>(it - rows_.begin())];
    r.events = 1;
    r.reports = mentions;
    reports += static_cast<size_t>(mentions);
  }
  // Every record is in exactly one of the groups.
  if (reports != links) return false;
  linked_ = true;
  return true;
}

Status LoadRollups::Emit(const RowWriter& row) const {
  if (!linked_) return Internal("rollups of a load emitted before its links");
  // Counted by (key, dims) packed in one integer.
  std::unordered_map<uint64_t, std::array<int64_t, 2>> daily, places;
  std::unordered_map<uint64_t, std::array<int64_t, 3>> actors;
  std::unordered_map<uint64_t, int64_t> names;
  auto count = [&](const Record& r) {
    if (r.reports == 0) return;  // not canonical
    auto& d = daily[Pack(r.day, r.dims)];
    d[0] += r.events;
    d[1] += r.reports;
    auto& p = places[Pack(r.location, r.dims)];
    p[0] += r.events;
    p[1] += r.reports;
    if (r.events == 0) return;  // an earlier event: only its reports grew
    if (r.actor_key != 0) {  // the pool's id of ""
      auto& a = actors[Pack(r.actor_key, r.dims)];
      a[0] += 1;
      a[2] += 1;
    }
    if (r.recipient_key != 0) {
      auto& a = actors[Pack(r.recipient_key, r.dims)];
      a[1] += 1;
      a[2] += r.recipient_key == r.actor_key ? 0 : 1;
    }
    for (uint32_t n = r.names_begin; n < r.names_end; ++n) ++names[Pack(names_[n], r.dims)];
  };
  for (const Record& r : records_) count(r);
  for (const Record& r : earlier_) count(r);

  const std::vector<uint32_t> rank = pool_.Ranks();
  auto text = [&](int64_t id) -> SqlValue { return pool_.Text(static_cast<uint32_t>(id)); };
  SqlRow out;
  Rows<6, 2> days;  // day, week, country, admin1, event, quad
  Counter<4, 2> monthly;  // month, country, event, quad
  Counter<4, 1> regional;  // month, country, admin1, event
  for (const auto& [key, sums] : daily) {
    const uint32_t day = static_cast<uint32_t>(key >> 32);
    const Dims& d = dims_[static_cast<uint32_t>(key)];
    const Calendar& c = calendar_.at(day);
    days.push_back({{day, c.week, d.country, d.admin1, d.event, d.quad}, sums});
    monthly.Add({c.month, d.country, d.event, d.quad}, sums);
    if (sums[0] != 0) regional.Add({c.month, d.country, d.admin1, d.event}, {sums[0]});
  }
  SortRows(&days, rank, 0b11111);
  for (const auto& [k, s] : days) {
    out = {text(k[0]), text(k[1]), text(k[2]), text(k[3]), text(k[4]), k[5], s[0], s[1]};
    GRIOT_RETURN_IF_ERROR(row("daily_counts", out));
  }
  Rows<4, 2> months = monthly.Take();
  SortRows(&months, rank, 0b111);
  for (const auto& [k, s] : months) {
    out = {text(k[0]), text(k[1]), text(k[2]), k[3], s[0], s[1]};
    GRIOT_RETURN_IF_ERROR(row("monthly_counts", out));
  }
  Rows<4, 1> regions = regional.Take();
  SortRows(&regions, rank, 0b1111);
  for (const auto& [k, s] : regions) {
    out = {text(k[0]), text(k[1]), text(k[2]), text(k[3]), s[0]};
    GRIOT_RETURN_IF_ERROR(row("monthly_region_counts", out));
  }
  Rows<5, 2> located;  // location id, country, admin1, event, quad
  for (const auto& [key, sums] : places) {
    const Dims& d = dims_[static_cast<uint32_t>(key)];
    located.push_back({{locations_[key >> 32], d.country, d.admin1, d.event, d.quad}, sums});
  }
  SortRows(&located, rank, 0b1110);
  for (const auto& [k, s] : located) {
    out = {k[0] ? SqlValue(k[0]) : SqlValue(), text(k[1]), text(k[2]), text(k[3]), k[4], s[0], s[1]};
    GRIOT_RETURN_IF_ERROR(row("location_counts", out));
  }
  Rows<5, 3> keyed;  // actor key, country, admin1, event, quad
  for (const auto& [key, sums] : actors) {
    const Dims& d = dims_[static_cast<uint32_t>(key)];
    keyed.push_back({{static_cast<int64_t>(key >> 32), d.country, d.admin1, d.event, d.quad}, sums});
  }
  SortRows(&keyed, rank, 0b1111);
  for (const auto& [k, s] : keyed) {
    out = {text(k[0]), text(k[1]), text(k[2]), text(k[3]), k[4], s[0], s[1], s[2]};
    GRIOT_RETURN_IF_ERROR(row("actor_counts", out));
  }
  Rows<5, 1> named;  // "code\x1fsector\x1fname", country, admin1, event, quad
  for (const auto& [key, uses] : names) {
    const Dims& d = dims_[static_cast<uint32_t>(key)];
    named.push_back({{static_cast<int64_t>(key >> 32), d.country, d.admin1, d.event, d.quad}, {uses}});
  }
  SortRows(&named, rank, 0b1111);
  for (const auto& [k, s] : named) {
    const std::string& joined = pool_.Text(static_cast<uint32_t>(k[0]));
    const size_t a = joined.find('\x1f'), b = joined.find('\x1f', a + 1);
    out = {joined.substr(0, a), joined.substr(a + 1, b - a - 1), joined.substr(b + 1),
           text(k[1]), text(k[2]), text(k[3]), k[4], s[0]};
    GRIOT_RETURN_IF_ERROR(row("name_counts", out));
  }
  return Status::Ok();
}

}  // namespace griot
