// RenderBriefMarkdown: the brief's sections as Markdown tables, for pasting
// into reports and chat. There is no map (it needs the SVG of the HTML
// brief) and the chart becomes a table of counts per period.
//
// Text from the news is escaped for Markdown: the characters that start
// emphasis, links, code, tables or raw HTML get a backslash, and newlines
// become spaces, so a sentence can neither break a table nor inject HTML
// into a renderer that passes HTML through.
#include <algorithm>
#include <cstdio>

#include "griot/analysis/brief.h"
#include "griot/analysis/markup.h"
#include "griot/analysis/sentence_marks.h"

namespace griot {
namespace {

constexpr size_t kChartColumns = 6;  // types shown in the counts table; the rest are "other"

std::string Md(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '~': case '!':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string Row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) out += " " + c + " |";
  return out + "\n";
}

std::string HeaderRow(const std::vector<std::string>& cells, size_t numeric_from) {
  std::string out = Row(cells) + "|";
  for (size_t i = 0; i < cells.size(); ++i) out += i >= numeric_from ? " ---: |" : " --- |";
  return out + "\n";
}

std::string ChartTable(const BriefSeries& s) {
  std::string out = "## Events by type over time\n\n";
  int64_t all = 0;
  for (const auto& row : s.counts) {
    for (int64_t c : row) all += std::max<int64_t>(0, c);
  }
  if (s.periods.empty() || all == 0) return out + "No events in this period.\n\n";
  const size_t shown = std::min(kChartColumns, s.types.size());
  const bool other = s.types.size() > shown;
  std::vector<std::string> head = {s.period == "month" ? "Month" : "Week of"};
  for (size_t t = 0; t < shown; ++t) head.push_back(Md(s.types[t]));
  if (other) head.push_back("other");
  head.push_back("total");
  out += HeaderRow(head, 1);
  for (size_t p = 0; p < s.periods.size(); ++p) {
    std::vector<std::string> cells = {Md(s.periods[p])};
    int64_t rest = 0, total = 0;
    for (size_t t = 0; t < s.types.size() && t < s.counts.size(); ++t) {
      const int64_t c = p < s.counts[t].size() ? std::max<int64_t>(0, s.counts[t][p]) : 0;
      total += c;
      if (t < shown) cells.push_back(FormatCount(c));
      else rest += c;
    }
    while (cells.size() < shown + 1) cells.push_back("0");
    if (other) cells.push_back(FormatCount(rest));
    cells.push_back(FormatCount(total));
    out += Row(cells);
  }
  return out + "\n";
}

std::string AlertsTable(const std::vector<Alert>& alerts) {
  std::string out = "## Alerts\n\n";
  if (alerts.empty()) return out + "No unusual rises in the latest period.\n\n";
  out += HeaderRow({"Where", "Type", "Period", "Observed", "Expected", "Ratio", "p-value", "Method",
                    "Evidence"}, 3);
  for (const Alert& a : alerts) {
    std::string ids;
    for (const std::string& id : a.evidence) {
      if (!ids.empty()) ids += ", ";
      ids += Md(id);
    }
    char p[32];
    std::snprintf(p, sizeof p, a.test.p_value >= 0.001 ? "%.3f" : "%.1e", a.test.p_value);
    out += Row({Md(a.admin1.empty() ? a.country : a.admin1 + ", " + a.country), Md(a.event),
                Md(a.period), FormatCount(a.observed), FormatFixed(a.test.expected, 1),
                FormatFixed(a.test.ratio, 1) + "×", p, Md(a.test.method), ids});
  }
  return out + "\n";
}

std::string CountTable(const char* title, const char* column, const std::vector<BriefCount>& rows) {
  std::string out = "## " + std::string(title) + "\n\n";
  if (rows.empty()) return out + "None.\n\n";
  out += HeaderRow({column, "Events"}, 1);
  for (const BriefCount& r : rows) out += Row({Md(r.label), FormatCount(r.events)});
  return out + "\n";
}

// The sentence with its trigger in bold. Spaces stay outside the asterisks,
// where Markdown would not read them as emphasis.
std::string BoldTrigger(const BriefEvent& e) {
  // Only the trigger is shown, so runs that differ in other roles are joined.
  std::vector<MarkedRun> runs;
  for (MarkedRun& run : MarkSentence(e)) {
    run.roles &= kMarkTrigger;
    if (!runs.empty() && runs.back().roles == run.roles) {
      runs.back().text += run.text;
    } else {
      runs.push_back(std::move(run));
    }
  }
  std::string out;
  for (const MarkedRun& run : runs) {
    if (!(run.roles & kMarkTrigger)) {
      out += Md(run.text);
      continue;
    }
    const size_t b = run.text.find_first_not_of(" \t\n");
    if (b == std::string::npos) {
      out += Md(run.text);
      continue;
    }
    const size_t e_end = run.text.find_last_not_of(" \t\n") + 1;
    out += Md(run.text.substr(0, b)) + "**" + Md(run.text.substr(b, e_end - b)) + "**" +
           Md(run.text.substr(e_end));
  }
  return out;
}

std::string LinkUrl(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

std::string Notable(const std::vector<BriefEvent>& events) {
  std::string out = "## Notable events\n\n";
  if (events.empty()) return out + "None.\n\n";
  for (const BriefEvent& e : events) {
    out += "### " + Md(e.day) + " · " + Md(e.event) + (e.mode.empty() ? "" : " (" + Md(e.mode) + ")") +
           "\n\n";
    if (!e.actor.empty() || !e.recipient.empty()) {
      out += "- Actor → recipient: " + Md(e.actor.empty() ? "?" : e.actor) +
             (e.recipient.empty() ? "" : " → " + Md(e.recipient)) + "\n";
    }
    if (!e.place.empty()) out += "- Place: " + Md(e.place) + "\n";
    out += "- Reported: " + FormatCount(e.mentions) + (e.mentions == 1 ? " mention, " : " mentions, ") +
           FormatCount(e.sources) + (e.sources == 1 ? " source" : " sources") + "\n";
    const std::string title = Md(e.title.empty() ? e.url : e.title);
    if (!title.empty()) {
      out += "- Source: " + (IsWebUrl(e.url) ? "[" + title + "](" + LinkUrl(e.url) + ")" : title) + "\n";
    }
    out += "\n> " + BoldTrigger(e) + "\n\n";
  }
  return out;
}

}  // namespace

std::string RenderBriefMarkdown(const BriefData& b) {
  const std::string name = b.country_name.empty() ? b.country : b.country_name;
  std::string md = "# " + Md(name) + " (" + Md(b.country) + ") — country brief\n\n";
  md += "Period: " + Md(b.from) + " to " + Md(b.to);
  if (!b.generated.empty()) md += " · generated " + Md(b.generated);
  md += "\n\n" + HeaderRow({"Events", "Reports", "Documents"}, 0) +
        Row({FormatCount(b.events), FormatCount(b.reports), FormatCount(b.documents)}) + "\n";
  if (b.events == 0) md += "No events were coded for " + Md(name) + " in this period.\n\n";
  md += ChartTable(b.series);
  md += "## Map\n\nThe map is in the HTML brief (`griot brief --format html`).\n\n";
  md += AlertsTable(b.alerts);
  md += CountTable("Top actors", "Actor", b.actors) + CountTable("Top dyads", "Dyad", b.dyads) +
        CountTable("Event types", "Type", b.types) + CountTable("Regions", "Region", b.regions);
  md += Notable(b.notable);
  md += "---\n\nCoded by griot from news reports; counts are of distinct events.\n";
  return md;
}

}  // namespace griot
