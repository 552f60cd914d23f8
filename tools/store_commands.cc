#include "store_commands.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "griot/geo/gazetteer.h"
#include "griot/query/aggregate.h"
#include "griot/query/event_filter.h"
#include "griot/store/store.h"

#ifndef GRIOT_DEFAULT_GAZETTEER
#define GRIOT_DEFAULT_GAZETTEER ""
#endif

namespace griot_cli {

struct StoreCommands::Options {
  CLI::App* query = nullptr;
  CLI::App* dedup = nullptr;
  std::string db;
  griot::QuerySpec spec;
  std::vector<std::string> group_by;
  std::string bbox, near, format = "table";
  std::string gazetteer = GRIOT_DEFAULT_GAZETTEER;
  bool rebuild = false;
};

namespace {

void AddFilters(CLI::App* c, griot::EventFilter* f, std::string* bbox, std::string* near) {
  c->add_option("--country", f->countries, "ISO-3 codes of the event's place (comma-separated or repeated)")
      ->delimiter(',');
  c->add_option("--admin1", f->admin1, "first-level regions (comma-separated or repeated)")
      ->delimiter(',');
  c->add_option("--actor", f->actors,
                "actor or recipient: code (MLI), code and sector ('MLI MIL'), sector (MIL) or name")
      ->delimiter(',');
  c->add_option("--role", f->role, "with --actor: only as actor, or only as recipient")
      ->check(CLI::IsMember({"actor", "recipient"}));
  c->add_option("--dyad", f->dyads, "actor acting on recipient: 'MLI MIL->MLI CVL'");
  c->add_option("--type", f->types, "PLOVER event types (ASSAULT,PROTEST,...)")->delimiter(',');
  c->add_option("--mode", f->modes, "PLOVER modes")->delimiter(',');
  c->add_option("--context", f->contexts, "PLOVER contexts")->delimiter(',');
  c->add_option("--quad", f->quads, "quad classes 1-4")->delimiter(',');
  c->add_option("--from", f->from, "first day (YYYY-MM-DD), inclusive");
  c->add_option("--to", f->to, "last day (YYYY-MM-DD), inclusive");
  c->add_option("--bbox", *bbox, "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT");
  c->add_option("--near", *near, "LAT,LON,KM or PLACE,KM (a place name from the gazetteer)");
  c->add_option("--text", f->text, "words that must all occur in the sentence");
  c->add_option("--doc", f->doc_id, "events of one document");
  c->add_option("--min-confidence", f->min_confidence, "0-1");
  c->add_flag("--all-mentions", f->all_mentions,
              "count every report, not each real-world event once (see docs/database.md)");
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ',')) out.push_back(part);
  return out;
}

bool ParseNumber(const std::string& s, double* v) {
  char* end = nullptr;
  *v = std::strtod(s.c_str(), &end);
  return !s.empty() && end && *end == '\0';
}

// --bbox and --near: numbers, or a gazetteer place for --near.
griot::Status ParseGeometry(const std::string& bbox, const std::string& near,
                            const std::string& gazetteer, griot::EventFilter* f) {
  if (!bbox.empty()) {
    std::vector<double> v;
    for (const std::string& p : Split(bbox)) {
      double d = 0;
      if (!ParseNumber(p, &d)) return griot::InvalidArgument("--bbox: '" + p + "' is not a number");
      v.push_back(d);
    }
    f->bbox = v;
  }
  if (!near.empty()) {
    std::vector<std::string> parts = Split(near);
    std::vector<double> v;
    for (const std::string& p : parts) {
      double d = 0;
      if (ParseNumber(p, &d)) v.push_back(d);
    }
    if (parts.size() == 2 && v.size() == 1) {
      griot::Result<griot::Gazetteer> g = griot::Gazetteer::Load(gazetteer);
      if (!g.ok()) return g.status();
      auto hits = g->Lookup(griot::NormalizeName(parts[0]));
      if (hits.empty()) return griot::NotFound("--near: no place called '" + parts[0] + "' in the gazetteer");
      // A town rather than the region of the same name (Gao, Mopti).
      uint32_t pick = hits[0];
      for (uint32_t h : hits) {
        if (g->place(h).kind == griot::PlaceKind::kPopulated) {
          pick = h;
          break;
        }
      }
      griot::Place p = g->place(pick);
      std::cerr << "griot: --near " << parts[0] << ": " << p.name << " (" << p.country
                << (p.admin1.empty() ? "" : ", ") << p.admin1 << ") at " << p.lat << "," << p.lon
                << "\n";
      v = {p.lat, p.lon, v[0]};
    }
    f->near = v;
  }
  return griot::Status::Ok();
}

int Fail(const griot::Status& s) {
  std::cerr << "griot: " << s.message() << "\n";
  return s.code() == griot::StatusCode::kInvalidArgument ? 1 : 2;
}

}  // namespace

StoreCommands::StoreCommands(CLI::App* app) : o_(std::make_unique<Options>()) {
  Options& o = *o_;
  o.query = app->add_subcommand("query", "list, filter and count the events of a store");
  o.query->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  AddFilters(o.query, &o.spec.filter, &o.bbox, &o.near);
  std::string keys;
  for (const std::string& k : griot::GroupKeys()) keys += (keys.empty() ? "" : ", ") + k;
  o.query->add_option("--group-by", o.group_by, "count by " + keys + " (comma-separated)")
      ->delimiter(',');
  o.query->add_option("--format", o.format, "table, csv or json")->capture_default_str();
  o.query->add_option("--limit", o.spec.limit, "rows (event lists: 100 by default)");
  o.query->add_option("--offset", o.spec.offset, "rows to skip");
  o.query->add_option("--gazetteer", o.gazetteer, "compiled gazetteer, for --near PLACE,KM")
      ->capture_default_str();

  o.dedup = app->add_subcommand("dedup", "link reports of the same event across documents");
  o.dedup->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  o.dedup->add_flag("--rebuild", o.rebuild, "drop every link and link all events again");
}

StoreCommands::~StoreCommands() = default;

int StoreCommands::Run() {
  Options& o = *o_;
  if (*o.query) {
    griot::Status st = ParseGeometry(o.bbox, o.near, o.gazetteer, &o.spec.filter);
    if (!st.ok()) return Fail(st);
    o.spec.group_by = o.group_by;
    auto store = griot::Store::Open(o.db, griot::Store::Access::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto table = griot::RunQuery(**store, o.spec);
    if (!table.ok()) return Fail(table.status());
    auto text = griot::FormatResult(*table, o.format);
    if (!text.ok()) return Fail(text.status());
    std::cout << *text;
    return 0;
  }
  if (*o.dedup) {
    auto store = griot::Store::Open(o.db);
    if (!store.ok()) return Fail(store.status());
    if (o.rebuild) {
      griot::Status st = (*store)->ClearLinks();
      if (!st.ok()) return Fail(st);
    }
    int64_t linked = 0;
    griot::Status st = (*store)->Deduplicate(&linked);
    if (!st.ok()) return Fail(st);
    int64_t events = 0, canonical = 0;
    st = (*store)->Select({"SELECT COUNT(*), COUNT(CASE WHEN is_canonical = 1 THEN 1 END) FROM events", {}},
                          [&](const griot::SqlRow& r) {
                            events = griot::SqlValueInt(r[0]);
                            canonical = griot::SqlValueInt(r[1]);
                            return false;
                          });
    if (!st.ok()) return Fail(st);
    std::cerr << "griot: linked " << linked << " event records; the store holds " << events
              << " records of " << canonical << " distinct events\n";
    return 0;
  }
  return -1;
}

}  // namespace griot_cli
