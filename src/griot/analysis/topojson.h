// A decoder for the part of TopoJSON that country shapes use: quantized,
// delta-encoded arcs (transform scale/translate), negative arc indices for
// reversed arcs (~i), Polygon and MultiPolygon geometries.
//
//   Result<std::vector<TopoFeature>> f = DecodeTopoJson(json_text, "countries", path);
//   for (const TopoFeature& c : *f) Draw(c.id, c.polygons);
//
// Geometries of other types (Point, LineString, null) carry nothing a country
// map draws and are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct LonLat {
  double lon = 0;
  double lat = 0;
};
using Ring = std::vector<LonLat>;     // closed: the last point repeats the first
using Polygon = std::vector<Ring>;    // the outer ring first, then holes

struct TopoFeature {
  std::string id;    // "" when the geometry has none
  std::string name;  // properties.name, "" when absent
  std::vector<Polygon> polygons;
};

// Fails (naming `path`) on text that is not JSON, a missing object, or an arc
// index out of range.
Result<std::vector<TopoFeature>> DecodeTopoJson(std::string_view json, const std::string& object,
                                                const std::string& path);

}  // namespace griot
