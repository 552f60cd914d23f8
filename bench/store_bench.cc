// griot-bench-store: builds a store of N synthetic events through the Store
// interface (as `griot code --db` writes), then times typical queries and
// aggregations on it. bench/store.sh runs it on SQLite and PostgreSQL.
//
//   griot-bench-store --db /tmp/events.db --events 1000000
//
// The events are synthetic but shaped like news: 40 countries with skewed
// weights, 16 types, a few thousand actors and places, three years of days,
// five events per document and a fifth of the events reported again by a
// second document (near the same place, a day later), so deduplication has
// real work to do.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>

#include "griot/query/aggregate.h"
#include "griot/query/event_reader.h"
#include "griot/store/store.h"
#include "griot/util/status.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

struct CountryShape {
  const char* code;
  double lat, lon;  // a central point
  double weight;
};

const CountryShape kCountries[] = {
    {"NGA", 9.1, 8.7, 12}, {"MLI", 17.6, -4.0, 8}, {"BFA", 12.2, -1.6, 7}, {"NER", 17.6, 8.1, 5},
    {"SDN", 12.9, 30.2, 9}, {"SSD", 7.9, 30.0, 4},  {"COD", -2.9, 23.7, 9}, {"ETH", 9.1, 40.5, 6},
    {"SOM", 5.2, 46.2, 7},  {"KEN", 0.0, 37.9, 3},  {"UKR", 48.4, 31.2, 10}, {"RUS", 55.8, 37.6, 8},
    {"SYR", 35.0, 38.5, 8}, {"IRQ", 33.2, 43.7, 6}, {"YEM", 15.6, 48.5, 6}, {"AFG", 33.9, 67.7, 6},
    {"PAK", 30.4, 69.3, 6}, {"IND", 21.0, 78.0, 6}, {"MMR", 21.9, 95.9, 5}, {"PHL", 12.9, 121.8, 3},
    {"COL", 4.6, -74.1, 4}, {"MEX", 23.6, -102.5, 4}, {"VEN", 6.4, -66.6, 3}, {"HTI", 18.9, -72.3, 3},
    {"ISR", 31.0, 34.9, 7}, {"PSE", 31.9, 35.2, 7},  {"LBN", 33.9, 35.9, 3}, {"IRN", 32.4, 53.7, 4},
    {"TUR", 39.0, 35.2, 3}, {"EGY", 26.8, 30.8, 3},  {"LBY", 26.3, 17.2, 3}, {"TCD", 15.5, 18.7, 3},
    {"CMR", 7.4, 12.4, 3},  {"CAF", 6.6, 20.9, 3},  {"MOZ", -18.7, 35.5, 2}, {"USA", 38.9, -77.0, 6},
    {"CHN", 35.9, 104.2, 5}, {"FRA", 46.2, 2.2, 3},  {"GBR", 55.4, -3.4, 3},  {"BRA", -14.2, -51.9, 3},
};
const char* kTypes[] = {"ASSAULT",  "COERCE",  "PROTEST",  "ACCUSE", "CONSULT", "AGREE",
                        "SUPPORT",  "COOPERATE", "THREATEN", "REJECT", "AID",    "MOBILIZE",
                        "SANCTION", "RETREAT", "CONCEDE",  "REQUEST"};
const double kTypeWeights[] = {20, 12, 10, 9, 8, 5, 5, 5, 4, 4, 4, 3, 3, 2, 2, 4};
const char* kSectors[] = {"GOV", "MIL", "REB", "CVL", "OPP", "COP", "JUD", "MED", "REF", "BUS"};
const char* kWords[] = {"soldiers", "convoy", "ambush", "village", "market", "protesters",
                        "ministers", "talks", "ceasefire", "election", "journalists", "police",
                        "militants", "border", "aid", "sanctions", "refugees", "drone",
                        "court", "parliament", "strike", "pipeline", "camp", "checkpoint"};

// The PLOVER manual's quads (kb/en/ontology.txt).
int Quad(const std::string& type) {
  if (type == "ASSAULT" || type == "COERCE" || type == "MOBILIZE" || type == "SANCTION" ||
      type == "PROTEST") {
    return 4;
  }
  if (type == "ACCUSE" || type == "REQUEST" || type == "THREATEN" || type == "REJECT") return 3;
  if (type == "AID" || type == "RETREAT" || type == "COOPERATE") return 2;
  return 1;
}

class Generator {
 public:
  // Documents dated `first_day` .. `first_day + days - 1` days after
  // 2023-01-01, with ids "bench-<prefix><index>".
  explicit Generator(uint64_t seed, int first_day = 0, int days = 3 * 365, std::string prefix = "")
      : rng_(seed), first_day_(first_day), days_(days), prefix_(std::move(prefix)) {
    std::vector<double> w;
    for (const CountryShape& c : kCountries) w.push_back(c.weight);
    country_ = std::discrete_distribution<int>(w.begin(), w.end());
    type_ = std::discrete_distribution<int>(std::begin(kTypeWeights), std::end(kTypeWeights));
  }

  // One document of `n` events; with probability 0.2 an event is a second
  // report of one from the previous document.
  void Document(int64_t index, int n, griot::StoredDocument* doc,
                std::vector<griot::StoredEvent>* events) {
    std::uniform_int_distribution<int> day(first_day_, first_day_ + days_ - 1);
    int doc_day = day(rng_);
    char date[16];
    doc->id = "bench-" + prefix_ + std::to_string(index);
    std::string d = griot::ShiftDay("2023-01-01", doc_day);
    doc->date = d;
    doc->title = "Synthetic story " + std::to_string(index);
    doc->url = "https://bench.example/" + std::to_string(index);
    doc->source = "source-" + std::to_string(index % 500);
    doc->input = "bench" + prefix_;
    doc->line = static_cast<uint64_t>(index) + 1;
    doc->sentences = n * 3;
    doc->events = n;
    std::snprintf(date, sizeof date, "%016llx", static_cast<unsigned long long>(index) ^ std::hash<std::string>()(prefix_));
    doc->content_hash = std::string(date) + std::string(date);
    events->clear();
    std::vector<griot::StoredEvent> previous = last_;
    for (int i = 0; i < n; ++i) {
      griot::StoredEvent e;
      if (!previous.empty() && std::uniform_real_distribution<>(0, 1)(rng_) < 0.2) {
        e = previous[static_cast<size_t>(i) % previous.size()];
        e.location.lat += 0.05;
        e.report_date = griot::ShiftDay(e.report_date, 1);
        e.date_granularity = "unresolved";
        e.event_date.clear();
      } else {
        e = Fresh(doc_day);
      }
      e.event_id = doc->id + "-" + std::to_string(i) + "-0";
      e.doc_id = doc->id;
      e.sentence = i;
      griot::FillAnalysisDates(&e);
      events->push_back(std::move(e));
    }
    last_ = *events;
  }

 private:
  griot::StoredEvent Fresh(int doc_day) {
    const CountryShape& c = kCountries[country_(rng_)];
    std::string type = kTypes[type_(rng_)];
    griot::StoredEvent e;
    e.event = type;
    e.mode = "";
    e.quad = Quad(type);
    e.score = e.quad == 4 ? -9 : e.quad == 3 ? -4 : e.quad == 2 ? 5 : 2;
    e.cameo = e.quad == 4 ? "190" : e.quad == 3 ? "111" : e.quad == 2 ? "070" : "040";
    std::uniform_int_distribution<int> sector(0, 9), actor(0, 49), place(0, 99), word(0, 23);
    auto arg = [&](const char* code) {
      griot::StoredArgument a;
      a.code = code;
      a.sector = kSectors[sector(rng_)];
      int k = actor(rng_);
      if (k < 5) a.name = std::string(code) + " leader " + std::to_string(k);
      a.text = a.name.empty() ? std::string(a.sector) + " of " + code : a.name;
      return a;
    };
    e.actor.push_back(arg(c.code));
    if (e.quad != 3 || word(rng_) % 2) e.recipient.push_back(arg(c.code));
    e.text = e.actor[0].text;
    for (int w = 0; w < 12; ++w) e.text += std::string(" ") + kWords[word(rng_)];
    e.text += ".";
    e.spans = "{\"trigger\":[0,4],\"actor\":[[0,4]],\"recipient\":[]}";
    e.pattern = "bench";
    e.confidence = 0.75;
    e.report_date = griot::ShiftDay("2023-01-01", doc_day);
    if (word(rng_) < 16) {
      e.event_date = griot::ShiftDay(e.report_date, -(word(rng_) % 3));
      e.date_granularity = "day";
    } else {
      e.date_granularity = "unresolved";
    }
    int p = place(rng_);
    e.location.country = c.code;
    if (p < 90) {
      // A hundred places per country on a grid around its central point.
      e.location.name = std::string(c.code) + " town " + std::to_string(p);
      e.location.admin1 = std::string(c.code) + " region " + std::to_string(p % 8);
      e.location.lat = c.lat + (p % 10 - 4.5) * 0.4;
      e.location.lon = c.lon + (p / 10 - 4.5) * 0.4;
      e.location.precision = "place";
      e.location.geonames_id = 1000000 + p;
    } else if (p < 97) {
      e.location.name = std::string(c.code) + " region " + std::to_string(p % 8);
      e.location.admin1 = e.location.name;
      e.location.lat = c.lat + (p % 8 - 4) * 0.5;
      e.location.lon = c.lon;
      e.location.precision = "admin1";
    } else {
      e.location.name = c.code;
      e.location.lat = c.lat;
      e.location.lon = c.lon;
      e.location.precision = "country";
    }
    e.location.reason = "bench";
    e.counts = "{}";
    e.aux = "[]";
    return e;
  }

  std::mt19937_64 rng_;
  int first_day_, days_;
  std::string prefix_;
  std::discrete_distribution<int> country_;
  std::discrete_distribution<int> type_;
  std::vector<griot::StoredEvent> last_;
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct LoadFigures {
  int64_t events = 0, documents = 0;
  double write_seconds = 0, finish_seconds = 0;
};

// Writes `events` generated events as `griot code --db` does (documents,
// events, record outcomes), then Finish(): linking, rollups, indexes.
griot::Result<LoadFigures> Load(griot::Store& store, Generator gen, int64_t events) {
  LoadFigures f;
  griot::StoredDocument doc;
  std::vector<griot::StoredEvent> batch;
  double generating = 0;
  Clock::time_point start = Clock::now();
  while (f.events < events) {
    Clock::time_point g = Clock::now();
    gen.Document(f.documents, static_cast<int>(std::min<int64_t>(5, events - f.events)), &doc, &batch);
    generating += Seconds(g);
    GRIOT_RETURN_IF_ERROR(store.WriteDocument(doc, batch));
    GRIOT_RETURN_IF_ERROR(store.Account({doc.input, doc.line, 0, doc.id, "coded", "", ""}));
    f.events += static_cast<int64_t>(batch.size());
    ++f.documents;
  }
  f.write_seconds = Seconds(start) - generating;
  Clock::time_point d = Clock::now();
  griot::RunSummary summary;
  summary.documents_read = summary.documents_coded = static_cast<uint64_t>(f.documents);
  summary.events = static_cast<uint64_t>(f.events);
  GRIOT_RETURN_IF_ERROR(store.Finish(summary));  // commits and links duplicates
  f.finish_seconds = Seconds(d);
  return f;
}

void Print(const LoadFigures& f) {
  std::printf("events, documents      %lld, %lld\n", static_cast<long long>(f.events),
              static_cast<long long>(f.documents));
  std::printf("write seconds          %.2f  (%.0f events/s)\n", f.write_seconds,
              static_cast<double>(f.events) / f.write_seconds);
  std::printf("dedup seconds          %.2f\n", f.finish_seconds);
  std::printf("ingest events/s        %.0f  (write + dedup)\n",
              static_cast<double>(f.events) / (f.write_seconds + f.finish_seconds));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"griot-bench-store: build a synthetic store and time queries on it"};
  std::string db;
  int64_t events = 1000000;
  int runs = 5;
  bool queries_only = false;
  int64_t append = 0;
  app.add_option("--db", db, "SQLite file or postgresql:// URL")->required();
  app.add_option("--events", events, "events to generate")->capture_default_str();
  app.add_option("--runs", runs, "timed runs per query (median printed)")->capture_default_str();
  app.add_flag("--queries-only", queries_only, "time the queries on an existing store");
  app.add_option("--append", append,
                 "then load this many more events, of the store's last week, into it (a daily update)");
  CLI11_PARSE(app, argc, argv);

  if (!queries_only) {
    if (!griot::Store::IsPostgresUrl(db)) {
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
    }
    auto store = griot::Store::Open(db);
    if (!store.ok()) {
      std::cerr << "griot-bench-store: " << store.status().message() << "\n";
      return 2;
    }
    griot::Result<LoadFigures> built = Load(**store, Generator(42), events);
    if (!built.ok()) {
      std::cerr << "griot-bench-store: " << built.status().message() << "\n";
      return 2;
    }
    std::printf("engine                 %s\n", (*store)->Engine());
    Print(*built);
  }
  if (append > 0) {
    auto store = griot::Store::Open(db);
    if (!store.ok()) {
      std::cerr << "griot-bench-store: " << store.status().message() << "\n";
      return 2;
    }
    // The last week of the three years: a day's news lands near the end.
    griot::Result<LoadFigures> added = Load(**store, Generator(7, 3 * 365 - 7, 7, "add-"), append);
    if (!added.ok()) {
      std::cerr << "griot-bench-store: " << added.status().message() << "\n";
      return 2;
    }
    std::printf("\nappended to the store (its last week):\n");
    Print(*added);
  }

  auto store = griot::Store::Open(db, griot::Store::Access::kReadOnly);
  if (!store.ok()) {
    std::cerr << "griot-bench-store: " << store.status().message() << "\n";
    return 2;
  }
  int64_t canonical = 0;
  (*store)->Select({"SELECT COUNT(*) FROM events WHERE is_canonical = 1", {}},
                   [&](const griot::SqlRow& r) {
                     canonical = griot::SqlValueInt(r[0]);
                     return false;
                   });
  std::printf("distinct events        %lld\n", static_cast<long long>(canonical));
  struct Named {
    const char* name;
    griot::QuerySpec spec;
  };
  std::vector<Named> queries;
  auto add = [&](const char* name, auto fill) {
    griot::QuerySpec q;
    fill(q);
    queries.push_back({name, q});
  };
  add("count by type (everything)", [](griot::QuerySpec& q) { q.group_by = {"type"}; });
  add("one country by month", [](griot::QuerySpec& q) {
    q.filter.countries = {"NGA"};
    q.group_by = {"month"};
  });
  add("country+type+quarter, list 100", [](griot::QuerySpec& q) {
    q.filter.countries = {"MLI"};
    q.filter.types = {"ASSAULT"};
    q.filter.from = "2024-01-01";
    q.filter.to = "2024-03-31";
    q.limit = 100;
  });
  add("actor 'SDN MIL' by type", [](griot::QuerySpec& q) {
    q.filter.actors = {"SDN MIL"};
    q.group_by = {"type"};
  });
  add("named actor by month", [](griot::QuerySpec& q) {
    q.filter.actors = {"UKR leader 3"};
    q.group_by = {"month"};
  });
  add("full text 'convoy ambush', list 100", [](griot::QuerySpec& q) {
    q.filter.text = "convoy ambush checkpoint";
    q.limit = 100;
  });
  add("50 km around a point by type", [](griot::QuerySpec& q) {
    q.filter.near = std::vector<double>{17.6, -4.0, 50};
    q.group_by = {"type"};
  });
  add("top dyads of a country", [](griot::QuerySpec& q) {
    q.filter.countries = {"COD"};
    q.group_by = {"dyad"};
    q.limit = 20;
  });
  add("ASSAULT by week, one year", [](griot::QuerySpec& q) {
    q.filter.types = {"ASSAULT"};
    q.filter.from = "2024-01-01";
    q.filter.to = "2024-12-31";
    q.group_by = {"week"};
  });
  add("box by region", [](griot::QuerySpec& q) {
    q.filter.bbox = std::vector<double>{-6, 10, 4, 20};
    q.group_by = {"admin1"};
  });
  add("country x type, one month", [](griot::QuerySpec& q) {
    q.filter.from = "2025-06-01";
    q.filter.to = "2025-06-30";
    q.group_by = {"country", "type"};
  });
  std::printf("\n%-38s %10s %8s\n", "query", "median ms", "rows");
  double worst = 0;
  for (const Named& n : queries) {
    std::vector<double> times;
    size_t rows = 0;
    for (int r = 0; r < runs; ++r) {
      Clock::time_point t = Clock::now();
      auto result = griot::RunQuery(**store, n.spec);
      times.push_back(Seconds(t) * 1000);
      if (!result.ok()) {
        std::cerr << "griot-bench-store: " << n.name << ": " << result.status().message() << "\n";
        return 2;
      }
      rows = result->rows.size();
    }
    double m = Median(times);
    worst = std::max(worst, m);
    std::printf("%-38s %10.1f %8zu\n", n.name, m, rows);
  }
  std::printf("%-38s %10.1f\n", "slowest median", worst);
  return 0;
}
