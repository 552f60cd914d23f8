// The "events by type over time" chart of a country brief: a stacked bar
// per period, one colour per PLOVER type (palette.h), round y ticks, period
// labels thinned so they never overlap, a tooltip on every bar segment.
//
//   std::string svg = RenderSeriesSvg(brief.series, 720, 300);
#pragma once

#include <string>

#include "griot/analysis/brief.h"

namespace griot {

// `height` grows when the legend needs more rows. A series with no periods
// or no events gives a short SVG saying so.
std::string RenderSeriesSvg(const BriefSeries& series, int width, int height);

// Axis helper, exposed for tests: the smallest step of 1, 2 or 5 times a
// power of ten that covers `max` in at most `ticks` steps (at least 1).
int64_t NiceStep(int64_t max, int ticks);

}  // namespace griot
