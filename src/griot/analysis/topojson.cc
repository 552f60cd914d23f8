#include "griot/analysis/topojson.h"

#include <nlohmann/json.hpp>

namespace griot {
namespace {

using nlohmann::json;

// json::value() throws when the member has another type; outside data must not.
std::string StringField(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : "";
}

const json& Member(const json& o, const char* key) {
  static const json kNull;  // immutable; shared by every caller
  auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

// Arcs in absolute longitude and latitude. Quantized files store integer
// deltas from the previous position; un-quantized ones absolute positions.
Result<std::vector<Ring>> DecodeArcs(const json& topology, const std::string& path) {
  double sx = 1, sy = 1, tx = 0, ty = 0;
  bool quantized = false;
  if (auto t = topology.find("transform"); t != topology.end() && t->is_object()) {
    const json& scale = Member(*t, "scale");
    const json& translate = Member(*t, "translate");
    if (!scale.is_array() || !translate.is_array() || scale.size() != 2 || translate.size() != 2 || !scale[0].is_number() ||
        !scale[1].is_number() || !translate[0].is_number() || !translate[1].is_number()) {
      return DataLoss(path + ": TopoJSON transform needs scale and translate pairs");
    }
    sx = scale[0].get<double>(), sy = scale[1].get<double>();
    tx = translate[0].get<double>(), ty = translate[1].get<double>();
    quantized = true;
  }
  auto arcs_it = topology.find("arcs");
  if (arcs_it == topology.end() || !arcs_it->is_array()) {
    return DataLoss(path + ": not a TopoJSON topology (no arcs)");
  }
  std::vector<Ring> arcs;
  arcs.reserve(arcs_it->size());
  for (const json& arc : *arcs_it) {
    Ring points;
    points.reserve(arc.size());
    double x = 0, y = 0;
    for (const json& p : arc) {
      if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
        return DataLoss(path + ": arc " + std::to_string(arcs.size()) + " has a malformed position");
      }
      if (quantized) {
        x += p[0].get<double>(), y += p[1].get<double>();
        points.push_back({x * sx + tx, y * sy + ty});
      } else {
        points.push_back({p[0].get<double>(), p[1].get<double>()});
      }
    }
    arcs.push_back(std::move(points));
  }
  return arcs;
}

// Joins a ring's arcs; consecutive arcs share their end point, kept once.
Status StitchRing(const json& indices, const std::vector<Ring>& arcs, const std::string& path,
                  Ring* ring) {
  if (!indices.is_array()) return DataLoss(path + ": a ring is not a list of arc indices");
  for (const json& index : indices) {
    if (!index.is_number_integer()) return DataLoss(path + ": arc index is not an integer");
    const int64_t i = index.get<int64_t>();
    const int64_t arc = i >= 0 ? i : ~i;  // ~i: arc i walked backwards
    if (arc >= static_cast<int64_t>(arcs.size())) {
      return DataLoss(path + ": arc index " + std::to_string(i) + " out of range (" +
                      std::to_string(arcs.size()) + " arcs)");
    }
    const Ring& points = arcs[arc];
    const size_t skip = ring->empty() ? 0 : 1;
    if (i >= 0) {
      ring->insert(ring->end(), points.begin() + std::min(skip, points.size()), points.end());
    } else {
      ring->insert(ring->end(), points.rbegin() + std::min(skip, points.size()), points.rend());
    }
  }
  return Status::Ok();
}

Status DecodePolygon(const json& rings, const std::vector<Ring>& arcs, const std::string& path,
                     std::vector<Polygon>* out) {
  if (!rings.is_array()) return DataLoss(path + ": a polygon is not a list of rings");
  Polygon polygon;
  for (const json& indices : rings) {
    Ring ring;
    GRIOT_RETURN_IF_ERROR(StitchRing(indices, arcs, path, &ring));
    if (ring.size() >= 4) polygon.push_back(std::move(ring));  // smaller ones enclose nothing
  }
  if (!polygon.empty()) out->push_back(std::move(polygon));
  return Status::Ok();
}

}  // namespace

Result<std::vector<TopoFeature>> DecodeTopoJson(std::string_view text, const std::string& object,
                                                const std::string& path) {
  json topology = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (topology.is_discarded() || !topology.is_object()) return DataLoss(path + ": not valid JSON");
  if (StringField(topology, "type") != "Topology") return DataLoss(path + ": not a TopoJSON topology");
  Result<std::vector<Ring>> arcs = DecodeArcs(topology, path);
  if (!arcs.ok()) return arcs.status();
  const json* geometries = nullptr;
  if (auto objects = topology.find("objects"); objects != topology.end() && objects->is_object()) {
    if (auto o = objects->find(object); o != objects->end() && o->is_object()) {
      if (auto g = o->find("geometries"); g != o->end() && g->is_array()) geometries = &*g;
    }
  }
  if (geometries == nullptr) {
    return DataLoss(path + ": no object '" + object + "' with geometries; is this world-atlas' countries-*.json?");
  }
  std::vector<TopoFeature> features;
  for (const json& g : *geometries) {
    if (!g.is_object()) continue;
    const std::string type = StringField(g, "type");
    if (type != "Polygon" && type != "MultiPolygon") continue;
    TopoFeature f;
    if (auto id = g.find("id"); id != g.end()) {
      f.id = id->is_string() ? id->get<std::string>() : id->is_number() ? id->dump() : "";
    }
    if (auto props = g.find("properties"); props != g.end() && props->is_object()) {
      f.name = StringField(*props, "name");
    }
    const json& parts = Member(g, "arcs");
    if (type == "Polygon") {
      GRIOT_RETURN_IF_ERROR(DecodePolygon(parts, *arcs, path, &f.polygons));
    } else if (parts.is_array()) {
      for (const json& polygon : parts) {
        GRIOT_RETURN_IF_ERROR(DecodePolygon(polygon, *arcs, path, &f.polygons));
      }
    }
    features.push_back(std::move(f));
  }
  return features;
}

}  // namespace griot
