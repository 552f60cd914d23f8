// Country briefs: what happened in one country over a period, as a
// self-contained HTML page (inline CSS and SVG, prints well) or Markdown.
//
//   Result<BriefData> data = CollectBrief(store, "MLI", "2025-01-01", "2025-06-30", {});
//   Result<WorldMap> map = WorldMap::Load(WorldMap::DefaultPath(), codes);
//   std::string html = RenderBriefHtml(*data, map.ok() ? &*map : nullptr);
//
// Collecting (brief_data.cc) queries the store; rendering (brief_html.cc,
// brief_markdown.cc) only formats a BriefData, so it is tested without one.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "griot/analysis/alerts.h"
#include "griot/util/status.h"

namespace griot {

class Store;
class WorldMap;

struct BriefCount {
  std::string label;  // a type, an actor key ("MLI MIL"), a dyad ("MLI MIL -> MLI CVL"), a region
  int64_t events = 0;
};

// Events by type over time: counts[t][p] is the number of events of
// types[t] in periods[p].
struct BriefSeries {
  std::string period;                // "week" or "month"
  std::vector<std::string> periods;  // first day of each period (YYYY-MM-DD), oldest first, no gaps
  std::vector<std::string> types;    // PLOVER types, most frequent first
  std::vector<std::vector<int64_t>> counts;
};

// A place on the map: events at one location.
struct BriefPoint {
  std::string name;
  double lat = 0;
  double lon = 0;
  int64_t events = 0;
  int quad = 0;  // the quad class most of its events have (1..4), 0 = unknown
};

struct BriefEvent {
  std::string event_id;
  std::string day;
  std::string event;
  std::string mode;
  std::string actor;      // display text: "Malian soldiers (MLI MIL)"
  std::string recipient;
  std::string place;      // "Gao, Gao region"
  std::string text;       // the source sentence
  // Character (code point) ranges in `text` to highlight: trigger, actor, recipient.
  std::vector<std::pair<int, int>> trigger_spans;
  std::vector<std::pair<int, int>> actor_spans;
  std::vector<std::pair<int, int>> recipient_spans;
  std::string title;  // the document's title and link
  std::string url;
  int64_t mentions = 1;
  int64_t sources = 1;
  int quad = 0;
};

struct BriefData {
  std::string country;       // ISO-3
  std::string country_name;  // "Mali"
  std::string from;          // YYYY-MM-DD, inclusive
  std::string to;            // YYYY-MM-DD, inclusive
  std::string generated;     // UTC timestamp of the brief
  int64_t events = 0;        // distinct (deduplicated) events
  int64_t reports = 0;       // event records, duplicates included
  int64_t documents = 0;
  BriefSeries series;
  std::vector<BriefCount> types;    // most frequent first
  std::vector<BriefCount> actors;
  std::vector<BriefCount> dyads;
  std::vector<BriefCount> regions;  // admin1
  std::vector<BriefPoint> points;
  std::vector<BriefEvent> notable;  // most reported first
  std::vector<Alert> alerts;
};

struct BriefOptions {
  int top = 10;      // rows in each top list
  int notable = 12;  // notable events
  std::string period;  // "" = week for spans up to 6 months, else month
};

Result<BriefData> CollectBrief(Store& store, const std::string& country, const std::string& from,
                               const std::string& to, const BriefOptions& options);

// `map` may be null (no world-atlas data): the map section then says so.
std::string RenderBriefHtml(const BriefData& brief, const WorldMap* map);
std::string RenderBriefMarkdown(const BriefData& brief);

}  // namespace griot
