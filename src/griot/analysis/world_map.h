// Country shapes for the maps of country briefs: Natural Earth's 1:50m
// admin-0 countries (public domain) as TopoJSON from the npm package
// world-atlas, fetched by scripts/fetch-world-atlas.sh.
//
//   Result<CountryNumbers> numbers = CountryNumbers::Load(CountryNumbers::DefaultPath());
//   Result<WorldMap> map = WorldMap::Load(WorldMap::DefaultPath(), *numbers);
//   std::string svg = map->RenderCountryMapSvg("MLI", brief.points, 640, 480);
//
// Shapes are keyed by ISO-3 through their ISO numeric id. A few features have
// no id; Kosovo is keyed by name (XKX), Somaliland and Northern Cyprus join
// the shapes of SOM and CYP as ISO 3166 counts them; the rest (Siachen
// Glacier, Indian Ocean Territories) are drawn as land but cannot be a map's
// focus. Features sharing an id (Australia and Ashmore and Cartier Islands)
// are merged.
//
// A map shows the country's main territory: its largest polygon and the
// polygons within a few degrees of it, chained (an archipelago comes whole;
// French Guiana does not come with France, nor Hawaii with the United
// States). Polygons across the antimeridian are moved by 360 degrees when
// that brings them nearer, so Russia's Chukotka and Fiji stay in one piece.
// Projection: equirectangular, x scaled by the cosine of the middle latitude.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "griot/analysis/brief.h"
#include "griot/analysis/topojson.h"
#include "griot/geo/country_numbers.h"
#include "griot/util/status.h"

namespace griot {

struct GeoBox {
  double west = 0, south = 0, east = 0, north = 0;  // east may exceed 180 (see above)
};

class WorldMap {
 public:
  static Result<WorldMap> Load(const std::string& topojson_path, const CountryNumbers& numbers);
  static Result<WorldMap> Parse(std::string_view topojson, const std::string& path,
                                const CountryNumbers& numbers);
  // countries-50m.json under third_party/world-atlas of the source tree.
  static std::string DefaultPath();

  bool Has(std::string_view iso3) const { return index_.count(std::string(iso3)) > 0; }
  size_t size() const { return countries_.size(); }
  // The country's main territory before padding; nullopt for an unknown code.
  std::optional<GeoBox> FocusBox(std::string_view iso3) const;

  // An SVG map of `iso3` with `points` as circles coloured by quad class;
  // points outside the view are dropped (the map says how many). An unknown
  // code gives a small SVG saying there is no shape for it.
  std::string RenderCountryMapSvg(const std::string& iso3, const std::vector<BriefPoint>& points,
                                  int width, int height) const;

 private:
  struct Country {
    std::string iso3;  // "" for shapes that are drawn but never focused
    std::string name;
    std::vector<Polygon> polygons;
    std::vector<GeoBox> boxes;  // of each polygon's outer ring
  };
  void Add(std::string iso3, std::string name, std::vector<Polygon> polygons);

  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> index_;  // ISO-3 -> countries_
};

}  // namespace griot
