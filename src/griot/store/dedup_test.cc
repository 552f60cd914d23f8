// Differential test of duplicate linking: the fast LinkDuplicates (compact
// records, integer buckets, reason built for the winner only) against the
// rule written plainly, on a few thousand random records shaped to hit every
// branch of the rule, including exact score ties.
#include "griot/store/dedup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <tuple>

#include "griot/store/stored_event.h"

namespace griot {
namespace {

// ---- The reference: the rule as first written, strings and all. ----

int64_t RefDay(const std::string& day) {
  int64_t n = 0;
  return ParseDay(day, &n) ? n : 0;
}

double RefKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<std::string> RefShared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::vector<std::string> RefUnion(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string RefSameEvent(const DedupRecord& a, const DedupRecord& b, double* score) {
  if (a.doc_id == b.doc_id || a.event != b.event) return "";
  int64_t days = std::llabs(RefDay(a.day) - RefDay(b.day));
  if (a.day.empty() || b.day.empty() || days > (a.own_date && b.own_date ? 1 : 3)) return "";
  std::vector<std::string> actors, recipients;
  if (a.event == "AGREE" || a.event == "CONSULT" || a.event == "COOPERATE") {
    std::vector<std::string> pa = RefUnion(a.actors, a.recipients), pb = RefUnion(b.actors, b.recipients);
    std::vector<std::string> shared = RefShared(pa, pb);
    if (shared.empty() || (shared.size() < 2 && pa.size() >= 2 && pb.size() >= 2)) return "";
    actors.push_back(shared[0]);
    recipients.assign(shared.begin() + 1, shared.end());
  } else {
    actors = RefShared(a.actors, b.actors);
    recipients = RefShared(a.recipients, b.recipients);
    if (actors.empty() && recipients.empty()) return "";
    if (!a.actors.empty() && !b.actors.empty() && actors.empty()) return "";
    if (!a.recipients.empty() && !b.recipients.empty() && recipients.empty()) return "";
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
      km = RefKm(a.lat, a.lon, b.lat, b.lon);
      if (km > 25.0) return "";
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

// Every fresh record against every canonical record so far. Candidates are
// of the same country (LinkDuplicates has always looked them up by type,
// country and day, which matters for records without a place).
std::vector<MentionLink> RefLink(std::vector<DedupRecord> canonical, const std::vector<DedupRecord>& fresh) {
  std::vector<MentionLink> links;
  for (const DedupRecord& r : fresh) {
    const DedupRecord* best = nullptr;
    double best_score = 0;
    std::string best_why;
    for (const DedupRecord& c : canonical) {
      if (c.country != r.country) continue;
      double score = 0;
      std::string why = RefSameEvent(c, r, &score);
      if (why.empty()) continue;
      if (!best || score > best_score ||
          (score == best_score && std::tie(c.reported, c.event_id) < std::tie(best->reported, best->event_id))) {
        best = &c;
        best_score = score;
        best_why = why;
      }
    }
    MentionLink link{r.event_id, r.event_id, r.doc_id, r.source, r.reported, "first report", r.row, r.day};
    if (best) {
      link.canonical_id = best->event_id;
      link.reason = best_why;
    }
    links.push_back(link);
    if (!best) canonical.push_back(r);
  }
  return links;
}

// ---- Random records: few values per field, so that many pairs match. ----

std::vector<DedupRecord> RandomRecords(uint64_t seed, int n) {
  std::mt19937_64 rng(seed);
  auto pick = [&](auto& options) { return options[rng() % std::size(options)]; };
  const char* types[] = {"AGREE", "CONSULT", "ASSAULT", "PROTEST", "COERCE"};
  const char* countries[] = {"MLI", "NER"};
  const char* admin1[] = {"", "Gao", "Kidal"};
  const char* precisions[] = {"place", "place", "admin1", "country", "", "region"};
  const char* keys[] = {"MLI MIL", "MLI GOV", "MLI CVL", "NER MIL", "REB", "MLI REB"};
  std::vector<DedupRecord> out;
  for (int i = 0; i < n; ++i) {
    DedupRecord r;
    char id[32];
    std::snprintf(id, sizeof id, "e%05d", static_cast<int>(rng() % 100000));
    r.event_id = std::string(id) + "-" + std::to_string(i);
    r.doc_id = "d" + std::to_string(rng() % 600);
    r.source = "s" + std::to_string(rng() % 7);
    int day = static_cast<int>(rng() % 12);
    r.own_date = rng() % 2;
    r.day = rng() % 40 == 0 ? "" : ShiftDay("2025-03-01", day);
    r.reported = ShiftDay("2025-03-01", day + static_cast<int>(rng() % 3));
    r.event = pick(types);
    r.country = pick(countries);
    r.admin1 = pick(admin1);
    r.precision = pick(precisions);
    // Within about 45 km of each other: some pairs within 25 km, some not.
    r.lat = 16.0 + static_cast<double>(rng() % 1000) / 1000.0 * 0.4;
    r.lon = -0.1 + static_cast<double>(rng() % 1000) / 1000.0 * 0.1;
    for (auto* side : {&r.actors, &r.recipients}) {
      for (uint64_t k = rng() % 4; k > 0; --k) side->push_back(pick(keys));
      std::sort(side->begin(), side->end());
      side->erase(std::unique(side->begin(), side->end()), side->end());
    }
    r.row = i + 1;
    out.push_back(std::move(r));
  }
  SortByReport(&out);
  return out;
}

void ExpectSameLinks(const std::vector<MentionLink>& got, const std::vector<MentionLink>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE("link " + std::to_string(i) + " of " + want[i].event_id);
    EXPECT_EQ(got[i].event_id, want[i].event_id);
    EXPECT_EQ(got[i].canonical_id, want[i].canonical_id);
    EXPECT_EQ(got[i].reason, want[i].reason);
    EXPECT_EQ(got[i].doc_id, want[i].doc_id);
    EXPECT_EQ(got[i].source, want[i].source);
    EXPECT_EQ(got[i].reported, want[i].reported);
    EXPECT_EQ(got[i].row, want[i].row);
    EXPECT_EQ(got[i].day, want[i].day);
    if (testing::Test::HasFailure()) return;  // one mismatch tells the story
  }
}

int CountReasons(const std::vector<MentionLink>& links, const std::string& part) {
  int n = 0;
  for (const MentionLink& l : links) n += l.reason != "first report" && l.reason.find(part) != std::string::npos;
  return n;
}

TEST(DedupLinking, FirstLoadLinksAsThePlainRuleDoes) {
  std::vector<DedupRecord> fresh = RandomRecords(7, 4000);
  std::vector<MentionLink> want = RefLink({}, fresh);
  ExpectSameLinks(LinkDuplicates({}, fresh), want);
  // The records exercise every kind of match, and ties among them.
  EXPECT_GT(CountReasons(want, " km;"), 50);
  EXPECT_GT(CountReasons(want, "same region"), 50);
  EXPECT_GT(CountReasons(want, "same country"), 50);
  EXPECT_GT(CountReasons(want, "no place"), 5);
  EXPECT_GT(CountReasons(want, "same AGREE"), 20);
  EXPECT_GT(std::count_if(want.begin(), want.end(), [](const MentionLink& l) { return l.reason == "first report"; }),
            100);
}

TEST(DedupLinking, LaterLoadsLinkToStoredCanonicalEventsAsThePlainRuleDoes) {
  for (uint64_t seed : {1, 2, 3}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::vector<DedupRecord> all = RandomRecords(seed, 3000);
    // Stored canonical events come in the engine's order, not report order.
    std::vector<DedupRecord> canonical(all.begin(), all.begin() + 800);
    std::shuffle(canonical.begin(), canonical.end(), std::mt19937_64(seed));
    std::vector<DedupRecord> fresh(all.begin() + 800, all.end());
    ExpectSameLinks(LinkDuplicates(canonical, fresh), RefLink(canonical, fresh));
  }
}

TEST(DedupLinking, SameEventExplainsAndScoresAsThePlainRuleDoes) {
  std::vector<DedupRecord> records = RandomRecords(11, 600);
  int same = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    for (size_t j = 0; j < records.size(); j += 7) {
      double got_score = -1, want_score = -1;
      std::string got = SameEvent(records[i], records[j], &got_score);
      std::string want = RefSameEvent(records[i], records[j], &want_score);
      ASSERT_EQ(got, want) << records[i].event_id << " vs " << records[j].event_id;
      ASSERT_EQ(got_score, want_score) << records[i].event_id << " vs " << records[j].event_id;
      same += !got.empty();
    }
  }
  EXPECT_GT(same, 100);
}

}  // namespace
}  // namespace griot
