// A two-country topology for tests that need a WorldMap without the
// world-atlas data: "Mali" (466) is the square lon 10..11, lat 20..21; "Niger"
// (562) the square west of it, sharing Mali's western edge (arc 1, which
// Niger walks backwards as ~1); "Kosovo" has no id, as in world-atlas.
// Quantized: lon = 10 + 0.5 q, lat = 20 + 0.5 q.
#pragma once

namespace griot::testing {

inline constexpr const char* kTinyTopology = R"({
  "type": "Topology",
  "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
  "objects": {"countries": {"type": "GeometryCollection", "geometries": [
    {"type": "Polygon", "id": "466", "properties": {"name": "Mali"}, "arcs": [[0, 1]]},
    {"type": "Polygon", "id": "562", "properties": {"name": "Niger"}, "arcs": [[-2, 2]]},
    {"type": "MultiPolygon", "properties": {"name": "Kosovo"}, "arcs": [[[3]]]},
    {"type": "Point", "id": "004", "coordinates": [1, 1]},
    {"type": null}
  ]}},
  "arcs": [
    [[0, 0], [2, 0], [0, 2], [-2, 0]],
    [[0, 2], [0, -2]],
    [[0, 2], [-2, 0], [0, -2], [2, 0]],
    [[40, 40], [1, 0], [0, 1], [-1, 0], [0, -1]]
  ]
})";

}  // namespace griot::testing
