#include "store_commands.h"

#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>

#include "griot/analysis/alerts.h"
#include "griot/analysis/brief.h"
#include "griot/analysis/world_map.h"
#include "griot/export/export.h"
#include "griot/geo/country_numbers.h"
#include "griot/geo/gazetteer.h"
#include "griot/kb/kb_file.h"
#include "griot/query/table.h"
#include "griot/query/aggregate.h"
#include "griot/query/event_filter.h"
#include "griot/query/filter_params.h"
#include "griot/store/store.h"

#ifndef GRIOT_DEFAULT_GAZETTEER
#define GRIOT_DEFAULT_GAZETTEER ""
#endif

namespace griot_cli {

struct StoreCommands::Options {
  CLI::App* query = nullptr;
  CLI::App* dedup = nullptr;
  CLI::App* export_ = nullptr;
  CLI::App* alerts = nullptr;
  CLI::App* brief = nullptr;
  std::string out;
  std::string export_format;
  griot::AlertOptions alert_options;
  std::string country, as_of;
  std::string brief_format = "html";
  griot::BriefOptions brief_options;
  std::string kb_dir = GRIOT_DEFAULT_KB_DIR;
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

// The shared parser's messages name the HTTP parameter ("bbox: ..."); here
// they name the option.
griot::Status AsOption(const griot::Status& s) {
  return s.ok() ? s : griot::Status(s.code(), "--" + s.message());
}

// --bbox and --near: numbers (filter_params.h), or a gazetteer place for --near.
griot::Status ParseGeometry(const std::string& bbox, const std::string& near,
                            const std::string& gazetteer, griot::EventFilter* f) {
  if (!bbox.empty()) GRIOT_RETURN_IF_ERROR(AsOption(griot::SetFilterParam("bbox", bbox, f)));
  if (near.empty()) return griot::Status::Ok();
  std::vector<std::string> parts = griot::SplitParamList(near);
  if (parts.size() != 2 || !griot::ParseNumberList("near", parts[1]).ok() ||
      griot::ParseNumberList("near", parts[0]).ok()) {
    return AsOption(griot::SetFilterParam("near", near, f));
  }
  double km = (*griot::ParseNumberList("near", parts[1]))[0];
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
            << (p.admin1.empty() ? "" : ", ") << p.admin1 << ") at " << p.lat << "," << p.lon << "\n";
  f->near = std::vector<double>{p.lat, p.lon, km};
  return griot::Status::Ok();
}

// The country's first name in the knowledge base, else its code.
std::string CountryName(const std::string& kb_dir, const std::string& iso3) {
  auto file = griot::ReadKbFile(kb_dir + "/countries.txt", "countries");
  if (!file.ok()) return iso3;
  for (const griot::KbLine& l : file->lines) {
    if (l.fields.size() > 1 && l.fields[0] == iso3) return l.fields[1].substr(0, l.fields[1].find(';'));
  }
  return iso3;
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

  o.export_ = app->add_subcommand("export", "write the events of a store as PLOVER JSON, CSV or GDELT");
  o.export_->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  o.export_->add_option("--format", o.export_format, griot::ExportFormats())->required();
  o.export_->add_option("-o,--out", o.out, "output file (default: standard output)");
  AddFilters(o.export_, &o.spec.filter, &o.bbox, &o.near);
  o.export_->add_option("--gazetteer", o.gazetteer, "compiled gazetteer, for --near PLACE,KM")
      ->capture_default_str();

  o.alerts = app->add_subcommand("alerts", "flag unusual rises per country (and region) and event type");
  o.alerts->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  o.alerts->add_option("--country", o.country, "one country (ISO-3); default: all");
  o.alerts->add_option("--as-of", o.as_of, "a day of the period to test (default: the latest day stored)");
  o.alerts->add_option("--period", o.alert_options.period, "week or month")->capture_default_str();
  o.alerts->add_option("--baseline", o.alert_options.baseline_periods, "periods of history")
      ->capture_default_str();
  o.alerts->add_option("--p", o.alert_options.p_threshold, "p-value threshold")->capture_default_str();
  o.alerts->add_option("--min-count", o.alert_options.min_count, "least events in the period")
      ->capture_default_str();
  o.alerts->add_option("--min-ratio", o.alert_options.min_ratio, "least ratio to the baseline mean")
      ->capture_default_str();
  o.alerts->add_option("--format", o.format, "table, csv or json")->capture_default_str();

  o.brief = app->add_subcommand("brief", "write a country brief (HTML or Markdown)");
  o.brief->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  o.brief->add_option("--country", o.country, "ISO-3 code")->required();
  o.brief->add_option("--from", o.spec.filter.from, "first day (default: the first stored)");
  o.brief->add_option("--to", o.spec.filter.to, "last day (default: the last stored)");
  o.brief->add_option("--format", o.brief_format, "html or md")->capture_default_str()
      ->check(CLI::IsMember({"html", "md"}));
  o.brief->add_option("--period", o.brief_options.period, "week or month (default: by span)");
  o.brief->add_option("-o,--out", o.out, "output file")->required();
  o.brief->add_option("--kb", o.kb_dir, "knowledge base (country names)")->capture_default_str();

  o.dedup = app->add_subcommand(
      "dedup", "link reports of the same event across documents (renames a store's older PLOVER names)");
  o.dedup->add_option("--db", o.db, "SQLite file or postgresql:// URL")->required();
  o.dedup->add_flag("--rebuild", o.rebuild, "drop every link and link all events again");
  o.dedup->add_option("--kb", o.kb_dir, "knowledge base (its ontology.txt renames older names)")
      ->capture_default_str();
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
  if (*o.export_) {
    griot::Status st = ParseGeometry(o.bbox, o.near, o.gazetteer, &o.spec.filter);
    if (!st.ok()) return Fail(st);
    auto store = griot::Store::Open(o.db, griot::Store::Access::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    griot::ExportOptions options;
    auto numbers = griot::CountryNumbers::Load(griot::CountryNumbers::DefaultPath());
    if (!numbers.ok()) return Fail(numbers.status());
    options.fips = [&](const std::string& iso3) { return numbers->Fips(iso3); };
    std::ofstream file;
    if (!o.out.empty()) {
      file.open(o.out, std::ios::binary);
      if (!file) return Fail(griot::IoError(o.out + ": cannot write"));
    }
    st = griot::ExportEvents(**store, o.spec.filter, o.export_format, o.out.empty() ? std::cout : file,
                             options);
    if (!st.ok()) return Fail(st);
    file.close();
    if (!o.out.empty() && !file) return Fail(griot::IoError(o.out + ": write failed"));
    return 0;
  }
  if (*o.alerts) {
    auto store = griot::Store::Open(o.db, griot::Store::Access::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto alerts = griot::FindAlerts(**store, o.alert_options, o.country, o.as_of);
    if (!alerts.ok()) return Fail(alerts.status());
    griot::ResultTable t;
    t.columns = {"period", "country", "admin1", "type", "observed", "expected", "ratio", "p",
                 "method", "evidence"};
    for (const griot::Alert& a : *alerts) {
      std::string evidence;
      for (const std::string& id : a.evidence) evidence += (evidence.empty() ? "" : " ") + id;
      t.rows.push_back({a.period, a.country, a.admin1, a.event, a.observed, a.test.expected,
                        a.test.ratio, a.test.p_value, a.test.method, evidence});
    }
    auto text = griot::FormatResult(t, o.format);
    if (!text.ok()) return Fail(text.status());
    std::cout << *text;
    return 0;
  }
  if (*o.brief) {
    auto store = griot::Store::Open(o.db, griot::Store::Access::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto data = griot::CollectBrief(**store, o.country, o.spec.filter.from, o.spec.filter.to,
                                    o.brief_options);
    if (!data.ok()) return Fail(data.status());
    data->country_name = CountryName(o.kb_dir, o.country);
    std::string text;
    if (o.brief_format == "md") {
      text = griot::RenderBriefMarkdown(*data);
    } else {
      // Without the world-atlas shapes the brief says how to fetch them.
      std::optional<griot::WorldMap> map;
      auto numbers = griot::CountryNumbers::Load(griot::CountryNumbers::DefaultPath());
      if (numbers.ok()) {
        auto loaded = griot::WorldMap::Load(griot::WorldMap::DefaultPath(), *numbers);
        if (loaded.ok()) {
          map = std::move(*loaded);
        } else {
          std::cerr << "griot: note: " << loaded.status().message() << "\n";
        }
      }
      text = griot::RenderBriefHtml(*data, map ? &*map : nullptr);
    }
    std::ofstream file(o.out, std::ios::binary);
    file << text;
    file.close();
    if (!file) return Fail(griot::IoError(o.out + ": cannot write"));
    std::cerr << "griot: wrote " << o.out << ": " << data->events << " events from " << data->from
              << " to " << data->to << ", " << data->alerts.size() << " alerts\n";
    return 0;
  }
  if (*o.dedup) {
    auto ontology = griot::Ontology::Load(o.kb_dir + "/ontology.txt");
    if (!ontology.ok()) return Fail(ontology.status());
    auto store = griot::Store::Open(o.db, griot::Store::Access::kReadWrite, &*ontology);
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
