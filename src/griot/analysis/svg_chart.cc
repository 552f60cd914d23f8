#include "griot/analysis/svg_chart.h"

#include <algorithm>
#include <cmath>

#include "griot/analysis/markup.h"
#include "griot/analysis/palette.h"

namespace griot {
namespace {

constexpr int kLeft = 46, kRight = 12, kTop = 16, kAxis = 30;  // margins, pixels
constexpr double kCharWidth = 6.5;                             // of 11px sans-serif text
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string Num(double v) { return FormatFixed(v, 1); }

// "2025-03-10" -> {"10 Mar", "2025"} for weeks, {"Mar", "2025"} for months;
// anything else is shown as given.
std::pair<std::string, std::string> PeriodLabel(const std::string& day, bool weekly) {
  if (day.size() < 10 || day[4] != '-' || day[7] != '-') return {day, ""};
  const int month = std::atoi(day.substr(5, 2).c_str());
  if (month < 1 || month > 12) return {day, ""};
  std::string label = kMonths[month - 1];
  if (weekly) label = std::to_string(std::atoi(day.substr(8, 2).c_str())) + " " + label;
  return {label, day.substr(0, 4)};
}

std::string SvgOpen(int width, int height, const std::string& label) {
  const std::string w = std::to_string(width), h = std::to_string(height);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + w + " " + h +
         "\" width=\"" + w + "\" height=\"" + h + "\" role=\"img\" aria-label=\"" + label +
         "\" style=\"max-width:100%;height:auto\" font-family=\"sans-serif\" font-size=\"11\">\n";
}

struct LegendItem {
  size_t type;
  double x, y;
};

// Flows the legend entries into rows under the plot; returns the rows' height.
int LayoutLegend(const BriefSeries& s, const std::vector<int64_t>& type_totals, int width,
                 std::vector<LegendItem>* items) {
  double x = kLeft, y = 0;
  for (size_t t = 0; t < s.types.size(); ++t) {
    if (type_totals[t] == 0) continue;
    const double w = 18 + kCharWidth * s.types[t].size() + 12;
    if (x + w > width - kRight && x > kLeft) x = kLeft, y += 16;
    items->push_back({t, x, y});
    x += w;
  }
  return items->empty() ? 0 : static_cast<int>(y) + 22;
}

}  // namespace

int64_t NiceStep(int64_t max, int ticks) {
  if (max <= 0 || ticks <= 0) return 1;
  const double raw = static_cast<double>(max) / ticks;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    const auto step = static_cast<int64_t>(std::llround(m * magnitude));
    if (step >= 1 && step * ticks >= max) return step;
  }
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(raw)));
}

std::string RenderSeriesSvg(const BriefSeries& s, int width, int height) {
  width = std::clamp(width, 200, 4000), height = std::clamp(height, 120, 4000);
  const size_t n = s.periods.size();
  std::vector<int64_t> totals(n, 0), type_totals(s.types.size(), 0);
  for (size_t t = 0; t < s.types.size() && t < s.counts.size(); ++t) {
    for (size_t p = 0; p < n && p < s.counts[t].size(); ++p) {
      const int64_t c = std::max<int64_t>(0, s.counts[t][p]);
      totals[p] += c, type_totals[t] += c;
    }
  }
  const int64_t most = n == 0 ? 0 : *std::max_element(totals.begin(), totals.end());
  if (most == 0) {
    return SvgOpen(width, 40, "no events") +
           "<text x=\"8\" y=\"24\" font-size=\"13\">No events in this period.</text>\n</svg>\n";
  }
  std::vector<LegendItem> legend;
  const int legend_height = LayoutLegend(s, type_totals, width, &legend);
  height = std::max(height, kTop + 80 + kAxis + legend_height);
  const double plot_w = width - kLeft - kRight;
  const double plot_h = height - kTop - kAxis - legend_height;
  const double bottom = kTop + plot_h;
  const int64_t step = NiceStep(most, 5);
  const int64_t top = (most + step - 1) / step * step;
  auto y_of = [&](double v) { return bottom - v / top * plot_h; };

  std::string svg = SvgOpen(width, height, "Events by type per " + HtmlEscape(s.period));
  svg += "<text x=\"4\" y=\"10\" fill=\"#555\">events</text>\n<g class=\"grid\" stroke=\"#ddd\">\n";
  for (int64_t v = 0; v <= top; v += step) {
    svg += "<line x1=\"" + std::to_string(kLeft) + "\" x2=\"" + Num(kLeft + plot_w) + "\" y1=\"" +
           Num(y_of(v)) + "\" y2=\"" + Num(y_of(v)) + "\"/>\n";
  }
  svg += "</g>\n<g class=\"y-ticks\" text-anchor=\"end\" fill=\"#333\">\n";
  for (int64_t v = 0; v <= top; v += step) {
    svg += "<text x=\"" + std::to_string(kLeft - 5) + "\" y=\"" + Num(y_of(v) + 4) + "\">" +
           FormatCount(v) + "</text>\n";
  }
  svg += "</g>\n<g class=\"bars\">\n";
  const double slot = plot_w / n;
  const double bar = std::max(1.0, slot * 0.8);
  for (size_t p = 0; p < n; ++p) {
    const double x = kLeft + p * slot + (slot - bar) / 2;
    double below = 0;
    for (size_t t = 0; t < s.types.size() && t < s.counts.size(); ++t) {
      const int64_t c = p < s.counts[t].size() ? std::max<int64_t>(0, s.counts[t][p]) : 0;
      if (c == 0) continue;
      svg += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y_of(below + c)) + "\" width=\"" + Num(bar) +
             "\" height=\"" + Num(y_of(below) - y_of(below + c)) + "\" fill=\"" +
             TypeColor(s.types[t]) + "\"><title>" + HtmlEscape(s.periods[p]) + " " +
             HtmlEscape(s.types[t]) + ": " + FormatCount(c) + " of " + FormatCount(totals[p]) +
             "</title></rect>\n";
      below += c;
    }
  }
  svg += "</g>\n<g class=\"x-ticks\" text-anchor=\"middle\" fill=\"#333\">\n";
  // Thin the labels so that each has room for "10 Mar" and a gap.
  const auto every = static_cast<size_t>(std::max(1.0, std::ceil(48 / slot)));
  std::string last_year;
  for (size_t p = 0; p < n; p += every) {
    auto [label, year] = PeriodLabel(s.periods[p], s.period != "month");
    const std::string x = Num(kLeft + (p + 0.5) * slot);
    svg += "<text x=\"" + x + "\" y=\"" + Num(bottom + 14) + "\">" + HtmlEscape(label);
    if (year != last_year) {  // the year only where it changes
      svg += "<tspan x=\"" + x + "\" dy=\"12\">" + HtmlEscape(year) + "</tspan>";
      last_year = year;
    }
    svg += "</text>\n";
  }
  svg += "</g>\n<g class=\"legend\" fill=\"#333\">\n";
  for (const LegendItem& item : legend) {
    const double y = bottom + kAxis + item.y;
    svg += "<rect x=\"" + Num(item.x) + "\" y=\"" + Num(y) + "\" width=\"12\" height=\"12\" fill=\"" +
           TypeColor(s.types[item.type]) + "\"/><text x=\"" + Num(item.x + 16) + "\" y=\"" +
           Num(y + 10) + "\">" + HtmlEscape(s.types[item.type]) + "</text>\n";
  }
  return svg + "</g>\n</svg>\n";
}

}  // namespace griot
