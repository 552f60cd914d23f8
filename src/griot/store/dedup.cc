#include "griot/store/dedup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <tuple>
#include <cstdint>

#include "griot/store/stored_event.h"

namespace griot {
namespace {

constexpr double kPlaceKm = 25.0;

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

std::vector<std::string> Shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

// Whether both sides name participants of a role and none is shared.
bool Contradict(const std::vector<std::string>& a, const std::vector<std::string>& b,
                const std::vector<std::string>& shared) {
  return !a.empty() && !b.empty() && shared.empty();
}

// Types whose two sides are interchangeable: "Mali and Niger signed" and
// "Niger signed with Mali" report one agreement.
bool Symmetric(const std::string& type) {
  return type == "AGREE" || type == "CONSULT" || type == "COOPERATE";
}

std::vector<std::string> Union(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

std::string SameEvent(const DedupRecord& a, const DedupRecord& b, double* score) {
  if (a.doc_id == b.doc_id || a.event != b.event) return "";
  int64_t days = std::llabs(DayNumber(a.day) - DayNumber(b.day));
  if (a.day.empty() || b.day.empty() || days > (a.own_date && b.own_date ? 1 : 3)) return "";
  std::vector<std::string> actors, recipients;
  if (Symmetric(a.event)) {
    // Both sides as one set of parties; two shared parties count as a
    // shared actor and a shared recipient.
    std::vector<std::string> pa = Union(a.actors, a.recipients), pb = Union(b.actors, b.recipients);
    std::vector<std::string> shared = Shared(pa, pb);
    if (shared.empty() || (shared.size() < 2 && pa.size() >= 2 && pb.size() >= 2)) return "";
    actors.push_back(shared[0]);
    recipients.assign(shared.begin() + 1, shared.end());
  } else {
    actors = Shared(a.actors, b.actors);
    recipients = Shared(a.recipients, b.recipients);
    if (actors.empty() && recipients.empty()) return "";
    if (Contradict(a.actors, b.actors, actors) ||
        Contradict(a.recipients, b.recipients, recipients)) {
      return "";
    }
  }
  double km = 0;
  std::string place;
  if (a.precision.empty() || b.precision.empty()) {
    if (!a.precision.empty() || !b.precision.empty()) return "";
    if (actors.empty() || recipients.empty()) return "";
    place = "no place";
  } else {
    if (a.country != b.country) return "";
    if (a.precision == "place" && b.precision == "place") {
      km = Km(a.lat, a.lon, b.lat, b.lon);
      if (km > kPlaceKm) return "";
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.0f km", km);
      place = buf;
    } else if (a.precision != "country" && b.precision != "country") {
      if (a.admin1.empty() || a.admin1 != b.admin1) return "";
      place = "same region " + a.admin1;
    } else {
      place = "same country " + a.country;
    }
  }
  *score = 10.0 * static_cast<double>(actors.size() + recipients.size()) - static_cast<double>(days) -
           km / 100.0;
  std::string why = "same " + a.event + "; shared";
  for (const std::string& s : actors) why += " " + s;
  for (const std::string& s : recipients) {
    if (std::find(actors.begin(), actors.end(), s) == actors.end()) why += " " + s;
  }
  why += "; " + place + "; " + std::to_string(days) + (days == 1 ? " day apart" : " days apart");
  return why;
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
  // Candidates by type, country and day: the rule never links across types
  // or countries, nor more than 3 days apart.
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  auto key = [](const DedupRecord& r, int64_t day) {
    return r.event + '\x1f' + r.country + '\x1f' + std::to_string(day);
  };
  auto index = [&](size_t i) {
    by_key[key(canonical[i], DayNumber(canonical[i].day))].push_back(i);
  };
  for (size_t i = 0; i < canonical.size(); ++i) index(i);
  std::vector<MentionLink> links;
  links.reserve(fresh.size());
  for (const DedupRecord& r : fresh) {
    size_t best = SIZE_MAX;
    double best_score = 0;
    std::string best_why;
    int64_t day = DayNumber(r.day);
    for (int64_t d = day - 3; !r.day.empty() && d <= day + 3; ++d) {
      auto it = by_key.find(key(r, d));
      if (it == by_key.end()) continue;
      for (size_t i : it->second) {
        const DedupRecord& c = canonical[i];
        double score = 0;
        std::string why = SameEvent(c, r, &score);
        if (why.empty()) continue;
        // Ties go to the earliest report (then the smallest id): the order
        // of `canonical` is not the order of reports once runs interleave.
        if (best == SIZE_MAX || score > best_score ||
            (score == best_score && std::tie(c.reported, c.event_id) <
                                        std::tie(canonical[best].reported, canonical[best].event_id))) {
          best = i;
          best_score = score;
          best_why = std::move(why);
        }
      }
    }
    MentionLink link{r.event_id, r.event_id, r.doc_id, r.source, r.reported, "first report", r.row, r.day};
    if (best != SIZE_MAX) {
      link.canonical_id = canonical[best].event_id;
      link.reason = std::move(best_why);
    } else {
      canonical.push_back(r);
      index(canonical.size() - 1);
    }
    links.push_back(std::move(link));
  }
  return links;
}

}  // namespace griot
