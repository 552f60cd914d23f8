// RenderBriefHtml: one self-contained page (inline CSS and SVG, no script,
// no outside request) that reads on screen and prints on A4. Every string
// from the data is escaped here; urls become links only when they are
// plain http(s) urls (markup.h).
#include <cstdio>

#include "griot/analysis/brief.h"
#include "griot/analysis/brief_css.h"
#include "griot/analysis/markup.h"
#include "griot/analysis/palette.h"
#include "griot/analysis/sentence_marks.h"
#include "griot/analysis/svg_chart.h"
#include "griot/analysis/world_map.h"

namespace griot {
namespace {

std::string CountryTitle(const BriefData& b) {
  return b.country_name.empty() ? b.country : b.country_name;
}

std::string PValue(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, p >= 0.001 ? "%.3f" : "%.1e", p);
  return buf;
}

// Event ids become in-page anchors only when they need no escaping there.
bool IsAnchorSafe(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != ':' && c != '.') {
      return false;
    }
  }
  return true;
}

std::string Header(const BriefData& b) {
  std::string out = "<header>\n<h1>" + HtmlEscape(CountryTitle(b)) + " <span class=\"code\">" +
                    HtmlEscape(b.country) + "</span></h1>\n<p class=\"period\">Country brief, " +
                    HtmlEscape(b.from) + " to " + HtmlEscape(b.to);
  if (!b.generated.empty()) out += " &middot; generated " + HtmlEscape(b.generated);
  out += "</p>\n<dl class=\"totals\">";
  const std::pair<const char*, int64_t> totals[] = {
      {"Events", b.events}, {"Reports", b.reports}, {"Documents", b.documents}};
  for (const auto& [name, value] : totals) {
    out += "<div><dt>" + std::string(name) + "</dt><dd>" + FormatCount(value) + "</dd></div>";
  }
  out += "</dl>\n";
  if (b.events == 0) {
    out += "<p class=\"note\">No events were coded for " + HtmlEscape(CountryTitle(b)) +
           " in this period.</p>\n";
  }
  return out + "</header>\n";
}

std::string ChartSection(const BriefData& b) {
  const std::string per = b.series.period.empty() ? "period" : b.series.period;
  return "<section>\n<h2>Events by type over time</h2>\n<figure>\n" +
         RenderSeriesSvg(b.series, 900, 320) + "<figcaption>Distinct events per " +
         HtmlEscape(per) + " and PLOVER type; hover a bar for its count.</figcaption>\n</figure>\n"
         "</section>\n";
}

std::string MapSection(const BriefData& b, const WorldMap* map) {
  std::string out = "<section>\n<h2>Map</h2>\n";
  if (map == nullptr) {
    return out + "<p class=\"note\">The country shapes are missing, so there is no map: run "
                 "<code>scripts/fetch-world-atlas.sh</code> and make the brief again.</p>\n"
                 "</section>\n";
  }
  return out + "<figure>\n" + map->RenderCountryMapSvg(b.country, b.points, 900, 560) +
         "<figcaption>Places with events; circle area grows with the number of events, colour "
         "gives the quad class most of them have.</figcaption>\n</figure>\n</section>\n";
}

std::string AlertsSection(const BriefData& b) {
  std::string out = "<section>\n<h2>Alerts</h2>\n";
  if (b.alerts.empty()) {
    return out + "<p class=\"note\">No unusual rises in the latest period.</p>\n</section>\n";
  }
  out += "<table>\n<thead><tr><th>Where</th><th>Type</th><th>Period</th><th class=\"num\">Observed"
         "</th><th class=\"num\">Expected</th><th class=\"num\">Ratio</th><th class=\"num\">p-value"
         "</th><th>Method</th><th>Evidence</th></tr></thead>\n<tbody>\n";
  for (const Alert& a : b.alerts) {
    std::string ids;
    for (const std::string& id : a.evidence) {
      if (!ids.empty()) ids += ", ";
      ids += IsAnchorSafe(id) ? "<a href=\"#ev-" + id + "\">" + id + "</a>" : HtmlEscape(id);
    }
    out += "<tr><td>" + HtmlEscape(a.admin1.empty() ? a.country : a.admin1 + ", " + a.country) +
           "</td><td>" + HtmlEscape(a.event) + "</td><td>" + HtmlEscape(a.period) +
           "</td><td class=\"num\">" + FormatCount(a.observed) + "</td><td class=\"num\">" +
           FormatFixed(a.test.expected, 1) + "</td><td class=\"num\">" +
           FormatFixed(a.test.ratio, 1) + "&times;</td><td class=\"num\">" +
           PValue(a.test.p_value) + "</td><td>" + HtmlEscape(a.test.method) +
           "</td><td class=\"ids\">" + ids + "</td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

// A ranked list with an inline bar scaled to the first (largest) row.
std::string CountTable(const char* title, const char* column, const std::vector<BriefCount>& rows,
                       bool type_swatches) {
  std::string out = "<section>\n<h2>" + std::string(title) + "</h2>\n";
  if (rows.empty()) return out + "<p class=\"note\">None.</p>\n</section>\n";
  int64_t most = 1;
  for (const BriefCount& r : rows) most = std::max(most, r.events);
  out += "<table>\n<thead><tr><th>" + std::string(column) +
         "</th><th class=\"num\">Events</th><th></th></tr></thead>\n<tbody>\n";
  for (const BriefCount& r : rows) {
    const std::string swatch = type_swatches ? "<span class=\"swatch\" style=\"background:" +
                                                   std::string(TypeColor(r.label)) + "\"></span>"
                                             : "";
    out += "<tr><td>" + swatch + HtmlEscape(r.label) + "</td><td class=\"num\">" +
           FormatCount(r.events) + "</td><td class=\"bar\"><span style=\"width:" +
           FormatFixed(100.0 * std::max<int64_t>(0, r.events) / most, 1) + "%\"></span></td></tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::string MarkedSentence(const BriefEvent& e) {
  std::string out;
  for (const MarkedRun& run : MarkSentence(e)) {
    if (run.roles == 0) {
      out += HtmlEscape(run.text);
      continue;
    }
    std::string classes;
    if (run.roles & kMarkTrigger) classes += " t";
    if (run.roles & kMarkActor) classes += " a";
    if (run.roles & kMarkRecipient) classes += " r";
    out += "<mark class=\"" + classes.substr(1) + "\">" + HtmlEscape(run.text) + "</mark>";
  }
  return out;
}

std::string EventArticle(const BriefEvent& e) {
  const int quad = e.quad >= 1 && e.quad <= 4 ? e.quad : 0;
  std::string out = "<article class=\"event q" + std::to_string(quad) + "\"";
  if (IsAnchorSafe(e.event_id)) out += " id=\"ev-" + e.event_id + "\"";
  out += ">\n<p class=\"meta\">" + HtmlEscape(e.day) + " &middot; <span class=\"type\">" +
         HtmlEscape(e.event) + "</span>";
  if (!e.mode.empty()) out += " (" + HtmlEscape(e.mode) + ")";
  if (!e.actor.empty() || !e.recipient.empty()) {
    out += " &middot; " + HtmlEscape(e.actor.empty() ? "?" : e.actor);
    if (!e.recipient.empty()) out += " &rarr; " + HtmlEscape(e.recipient);
  }
  if (!e.place.empty()) out += " &middot; " + HtmlEscape(e.place);
  out += " &middot; " + FormatCount(e.mentions) + (e.mentions == 1 ? " mention, " : " mentions, ") +
         FormatCount(e.sources) + (e.sources == 1 ? " source" : " sources") + "</p>\n<blockquote>" +
         MarkedSentence(e) + "</blockquote>\n";
  const std::string title = e.title.empty() ? (e.url.empty() ? "" : e.url) : e.title;
  if (!title.empty()) {
    out += "<p class=\"source\">";
    out += IsWebUrl(e.url) ? "<a href=\"" + HtmlEscape(e.url) + "\">" + HtmlEscape(title) + "</a>"
                           : HtmlEscape(title);
    out += "</p>\n";
  }
  return out + "</article>\n";
}

std::string NotableSection(const BriefData& b) {
  std::string out = "<section>\n<h2>Notable events</h2>\n";
  if (b.notable.empty()) return out + "<p class=\"note\">None.</p>\n</section>\n";
  out += "<p class=\"note\">Most reported first. In each sentence: <mark class=\"t\">trigger"
         "</mark>, <mark class=\"a\">actor</mark>, <mark class=\"r\">recipient</mark>.</p>\n";
  for (const BriefEvent& e : b.notable) out += EventArticle(e);
  return out + "</section>\n";
}

}  // namespace

std::string RenderBriefHtml(const BriefData& b, const WorldMap* map) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      HtmlEscape(CountryTitle(b)) + " &ndash; country brief, " + HtmlEscape(b.from) + " to " +
      HtmlEscape(b.to) + "</title>\n<style>" + kBriefCss + "</style>\n</head>\n<body>\n";
  html += Header(b) + ChartSection(b) + MapSection(b, map) + AlertsSection(b);
  html += "<div class=\"grid\">\n" + CountTable("Top actors", "Actor", b.actors, false) +
          CountTable("Top dyads", "Actor &rarr; recipient", b.dyads, false) +
          CountTable("Event types", "Type", b.types, true) +
          CountTable("Regions", "Region", b.regions, false) + "</div>\n";
  html += NotableSection(b);
  html += "<footer>Coded by griot from news reports; counts are of distinct events. Country "
          "shapes: Natural Earth (public domain) via world-atlas.</footer>\n</body>\n</html>\n";
  return html;
}

}  // namespace griot
