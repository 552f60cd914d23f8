// The colours of briefs, one meaning each across the chart, the map and the
// tables (docs/briefs.md shows the legend).
//
// Quad classes use the Okabe-Ito palette, which stays distinguishable under
// the common colour-vision deficiencies. Event types take shades of their
// quad's family (blues: verbal cooperation, greens: material cooperation,
// oranges: verbal conflict, reds and purples: material conflict): sixteen
// colours cannot all be told apart by everyone, but the family always can,
// and every bar carries a tooltip and a legend entry.
#pragma once

#include <string>
#include <string_view>

namespace griot {

// 0 = unknown, 1 verbal cooperation, 2 material cooperation, 3 verbal
// conflict, 4 material conflict; out-of-range values count as unknown.
const char* QuadColor(int quad);
const char* QuadLabel(int quad);
// A PLOVER type's colour ("ASSAULT" -> "#a50f15"); grey for unknown types.
const char* TypeColor(std::string_view type);

}  // namespace griot
