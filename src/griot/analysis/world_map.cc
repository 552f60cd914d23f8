#include "griot/analysis/world_map.h"

#include <algorithm>
#include <cmath>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

constexpr double kPi = 3.14159265358979323846;

// world-atlas features without an ISO numeric id that a brief can still be
// about (see world_map.h for why these three and not the others).
constexpr std::pair<std::string_view, std::string_view> kUnnumbered[] = {
    {"Kosovo", "XKX"}, {"Somaliland", "SOM"}, {"N. Cyprus", "CYP"}};

GeoBox RingBox(const Ring& ring) {
  GeoBox b{1e9, 1e9, -1e9, -1e9};
  for (const LonLat& p : ring) {
    b.west = std::min(b.west, p.lon), b.east = std::max(b.east, p.lon);
    b.south = std::min(b.south, p.lat), b.north = std::max(b.north, p.lat);
  }
  return b;
}

// Outer-ring area in squared degrees of longitude at the ring's latitude:
// enough to tell the largest polygon of a country.
double RingArea(const Ring& ring) {
  double sum = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i) {
    const double k = std::cos((ring[i].lat + ring[i + 1].lat) * kPi / 360);
    sum += (ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat) * k;
  }
  return std::abs(sum) / 2;
}

// world-atlas stitches polygons that Natural Earth cut at the antimeridian
// back together, so a ring may jump from 180 to -180 and back (Russia,
// Fiji). Such a ring is made continuous (longitudes past 180), then moved so
// that it starts west of 180. A ring around a pole (Antarctica) does not
// close when unwrapped and is left as it is: it spans the world anyway.
void Unwrap(Ring* ring, double near_lon) {
  std::vector<double> shifts(ring->size(), 0);
  double shift = 0, west = ring->empty() ? 0 : ring->front().lon;
  for (size_t i = 1; i < ring->size(); ++i) {
    const double step = (*ring)[i].lon - (*ring)[i - 1].lon;
    if (step > 180) shift -= 360;
    if (step < -180) shift += 360;
    shifts[i] = shift;
    west = std::min(west, (*ring)[i].lon + shift);
  }
  if (shift != 0) return;  // around a pole
  double move = 0;
  while (west + move < near_lon - 180) move += 360;
  while (west + move >= near_lon + 180) move -= 360;
  for (size_t i = 0; i < ring->size(); ++i) (*ring)[i].lon += shifts[i] + move;
}

GeoBox Shifted(GeoBox b, double dlon) {
  b.west += dlon, b.east += dlon;
  return b;
}

// Gap between two boxes in degrees (0 when they touch or overlap), longitude
// scaled to the latitude so that high-latitude islands are not over-counted.
double Gap(const GeoBox& a, const GeoBox& b) {
  const double dx = std::max({0.0, a.west - b.east, b.west - a.east});
  const double dy = std::max({0.0, a.south - b.north, b.south - a.north});
  const double k = std::cos((a.south + a.north) * kPi / 360);
  return std::hypot(dx * k, dy);
}

void Extend(GeoBox* a, const GeoBox& b) {
  a->west = std::min(a->west, b.west), a->east = std::max(a->east, b.east);
  a->south = std::min(a->south, b.south), a->north = std::max(a->north, b.north);
}

}  // namespace

std::string WorldMap::DefaultPath() {
#ifdef GRIOT_DEFAULT_WORLD_ATLAS
  return GRIOT_DEFAULT_WORLD_ATLAS;
#else
  return "third_party/world-atlas/node_modules/world-atlas/countries-50m.json";
#endif
}

Result<WorldMap> WorldMap::Load(const std::string& path, const CountryNumbers& numbers) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) {
    return NotFound(text.status().message() + "; run scripts/fetch-world-atlas.sh for the country shapes");
  }
  return Parse(*text, path, numbers);
}

Result<WorldMap> WorldMap::Parse(std::string_view topojson, const std::string& path,
                                 const CountryNumbers& numbers) {
  Result<std::vector<TopoFeature>> features = DecodeTopoJson(topojson, "countries", path);
  if (!features.ok()) return features.status();
  WorldMap map;
  for (TopoFeature& f : *features) {
    std::string iso3 = f.id.empty() ? "" : numbers.Iso3FromNumeric(f.id);
    for (const auto& [name, code] : kUnnumbered) {
      if (f.id.empty() && f.name == name) iso3 = code;
    }
    map.Add(std::move(iso3), std::move(f.name), std::move(f.polygons));
  }
  if (map.index_.empty()) return DataLoss(path + ": no country shape has a known ISO numeric id");
  return map;
}

void WorldMap::Add(std::string iso3, std::string name, std::vector<Polygon> polygons) {
  if (polygons.empty()) return;
  std::vector<GeoBox> boxes;
  for (Polygon& p : polygons) {
    Unwrap(&p.front(), 0);
    const double west = RingBox(p.front()).west;
    for (size_t hole = 1; hole < p.size(); ++hole) Unwrap(&p[hole], west);  // stay with the outer ring
    boxes.push_back(RingBox(p.front()));
  }
  if (!iso3.empty()) {
    if (auto it = index_.find(iso3); it != index_.end()) {  // a second feature: merge
      Country& c = countries_[it->second];
      std::move(polygons.begin(), polygons.end(), std::back_inserter(c.polygons));
      c.boxes.insert(c.boxes.end(), boxes.begin(), boxes.end());
      return;
    }
    index_.emplace(iso3, countries_.size());
  }
  countries_.push_back({std::move(iso3), std::move(name), std::move(polygons), std::move(boxes)});
}

std::optional<GeoBox> WorldMap::FocusBox(std::string_view iso3) const {
  auto it = index_.find(std::string(iso3));
  if (it == index_.end()) return std::nullopt;
  const Country& c = countries_[it->second];
  size_t largest = 0;
  double largest_area = -1;
  for (size_t i = 0; i < c.polygons.size(); ++i) {
    const double area = RingArea(c.polygons[i].front());
    if (area > largest_area) largest = i, largest_area = area;
  }
  GeoBox view = c.boxes[largest];
  // How far a polygon may lie from the territory gathered so far: a fifth of
  // the main polygon's size, between 1 and 5 degrees.
  const double size = std::max((view.east - view.west) * std::cos((view.south + view.north) * kPi / 360),
                               view.north - view.south);
  const double reach = std::clamp(size / 5, 1.0, 5.0);
  std::vector<bool> taken(c.polygons.size(), false);
  taken[largest] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < c.boxes.size(); ++i) {
      if (taken[i]) continue;
      for (double shift : {0.0, 360.0, -360.0}) {
        const GeoBox b = Shifted(c.boxes[i], shift);
        if (Gap(view, b) <= reach) {
          Extend(&view, b);
          taken[i] = grew = true;
          break;
        }
      }
    }
  }
  return view;
}

}  // namespace griot
