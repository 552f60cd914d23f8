// Drawing a country map as SVG. The page stays small because every ring is
// projected to pixels, thinned (a point closer than half a pixel to the one
// kept before it adds nothing visible), clipped to the view plus a margin
// (Russia's outline need not be printed whole on a map of Mongolia), and
// printed with one decimal.
#include <algorithm>
#include <cmath>

#include "griot/analysis/markup.h"
#include "griot/analysis/palette.h"
#include "griot/analysis/world_map.h"

namespace griot {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kPadding = 0.15;     // around the country, as a share of its size
constexpr double kMinSpan = 1.0;      // degrees: Monaco still shows its neighbours
constexpr double kClipMargin = 4.0;   // pixels beyond the view; strokes there stay unseen

struct Pixel {
  double x = 0, y = 0;
};

// Equirectangular, x scaled by the cosine of the middle latitude, centred in
// a width x height frame that the padded focus box fits.
class Projection {
 public:
  Projection(const GeoBox& box, int width, int height) : w_(width), h_(height) {
    clon_ = (box.west + box.east) / 2, clat_ = (box.south + box.north) / 2;
    kx_ = std::max(0.1, std::cos(clat_ * kPi / 180));
    const double span_x = std::max(kMinSpan, box.east - box.west) * (1 + 2 * kPadding) * kx_;
    const double span_y = std::max(kMinSpan, box.north - box.south) * (1 + 2 * kPadding);
    scale_ = std::min(w_ / span_x, h_ / span_y);
  }
  Pixel operator()(double lon, double lat) const {
    return {w_ / 2 + (lon - clon_) * kx_ * scale_, h_ / 2 - (lat - clat_) * scale_};
  }
  // The geographic box the frame shows.
  GeoBox Visible() const {
    const double half_lon = w_ / 2 / (kx_ * scale_), half_lat = h_ / 2 / scale_;
    return {clon_ - half_lon, clat_ - half_lat, clon_ + half_lon, clat_ + half_lat};
  }
  bool Inside(Pixel p) const { return p.x >= 0 && p.x <= w_ && p.y >= 0 && p.y <= h_; }

 private:
  double w_, h_, clon_ = 0, clat_ = 0, kx_ = 1, scale_ = 1;
};

bool Intersects(const GeoBox& a, const GeoBox& b) {
  return a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;
}

// The shift (0 or +-360) that brings `box` into `visible`, if one does.
std::optional<double> ShiftInto(const GeoBox& box, const GeoBox& visible) {
  for (double shift : {0.0, 360.0, -360.0}) {
    if (Intersects({box.west + shift, box.south, box.east + shift, box.north}, visible)) return shift;
  }
  return std::nullopt;
}

// Sutherland-Hodgman against one edge of the clip rectangle: `inside` says
// which side is kept, `cross` where a segment meets the edge.
template <typename InsideFn, typename CrossFn>
std::vector<Pixel> ClipEdge(const std::vector<Pixel>& in, InsideFn inside, CrossFn cross) {
  std::vector<Pixel> out;
  if (in.empty()) return out;
  Pixel prev = in.back();
  for (const Pixel& p : in) {
    if (inside(p)) {
      if (!inside(prev)) out.push_back(cross(prev, p));
      out.push_back(p);
    } else if (inside(prev)) {
      out.push_back(cross(prev, p));
    }
    prev = p;
  }
  return out;
}

std::vector<Pixel> ClipToRect(std::vector<Pixel> ring, double x0, double y0, double x1, double y1) {
  auto at_x = [](double x) {
    return [x](Pixel a, Pixel b) { return Pixel{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
  };
  auto at_y = [](double y) {
    return [y](Pixel a, Pixel b) { return Pixel{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
  };
  ring = ClipEdge(ring, [x0](Pixel p) { return p.x >= x0; }, at_x(x0));
  ring = ClipEdge(ring, [x1](Pixel p) { return p.x <= x1; }, at_x(x1));
  ring = ClipEdge(ring, [y0](Pixel p) { return p.y >= y0; }, at_y(y0));
  ring = ClipEdge(ring, [y1](Pixel p) { return p.y <= y1; }, at_y(y1));
  return ring;
}

void AppendRing(const Ring& ring, double shift, const Projection& project, int width, int height,
                std::string* d) {
  std::vector<Pixel> pixels;
  pixels.reserve(ring.size());
  for (const LonLat& p : ring) {
    const Pixel px = project(p.lon + shift, p.lat);
    if (!pixels.empty() && std::hypot(px.x - pixels.back().x, px.y - pixels.back().y) < 0.5) continue;
    pixels.push_back(px);
  }
  pixels = ClipToRect(std::move(pixels), -kClipMargin, -kClipMargin, width + kClipMargin,
                      height + kClipMargin);
  if (pixels.size() < 3) return;
  for (size_t i = 0; i < pixels.size(); ++i) {
    *d += i == 0 ? "M" : i == 1 ? "L" : " ";
    *d += FormatFixed(pixels[i].x, 1) + " " + FormatFixed(pixels[i].y, 1);
  }
  *d += "Z";
}

std::string SvgOpen(int width, int height, const std::string& label) {
  const std::string w = std::to_string(width), h = std::to_string(height);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 " + w + " " + h +
         "\" width=\"" + w + "\" height=\"" + h + "\" role=\"img\" aria-label=\"" +
         HtmlEscape(label) + "\" style=\"max-width:100%;height:auto;overflow:hidden\" " +
         "font-family=\"sans-serif\">\n";
}

std::string Legend(bool has_unknown, int height) {
  const int rows = has_unknown ? 5 : 4;
  const int top = height - 8 - rows * 15 - 6;
  std::string out = "<g class=\"legend\"><rect x=\"6\" y=\"" + std::to_string(top) +
                    "\" width=\"136\" height=\"" + std::to_string(rows * 15 + 6) +
                    "\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>\n";
  for (int row = 0; row < rows; ++row) {
    const int quad = row < 4 ? 4 - row : 0;  // conflict first: what a brief is read for
    const int y = top + 11 + row * 15;
    out += "<circle cx=\"16\" cy=\"" + std::to_string(y - 4) + "\" r=\"5\" fill=\"" +
           QuadColor(quad) + "\"/><text x=\"26\" y=\"" + std::to_string(y) +
           "\" font-size=\"11\">" + QuadLabel(quad) + "</text>\n";
  }
  return out + "</g>\n";
}

}  // namespace

std::string WorldMap::RenderCountryMapSvg(const std::string& iso3,
                                          const std::vector<BriefPoint>& points, int width,
                                          int height) const {
  width = std::clamp(width, 160, 4000), height = std::clamp(height, 120, 4000);
  std::optional<GeoBox> focus = FocusBox(iso3);
  if (!focus) {
    return SvgOpen(width, 40, "no map") + "<text x=\"8\" y=\"24\" font-size=\"13\">no shape for " +
           HtmlEscape(iso3) + "</text>\n</svg>\n";
  }
  const Country& target = countries_[index_.at(iso3)];
  const Projection project(*focus, width, height);
  const GeoBox visible = project.Visible();
  std::string svg = SvgOpen(width, height, "Map of " + target.name + " with event locations");
  svg += "<rect class=\"sea\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" fill=\"#dceaf5\"/>\n";
  auto draw = [&](const Country& c, const char* attributes) {
    std::string d;
    for (size_t i = 0; i < c.polygons.size(); ++i) {
      std::optional<double> shift = ShiftInto(c.boxes[i], visible);
      if (!shift) continue;
      for (const Ring& ring : c.polygons[i]) AppendRing(ring, *shift, project, width, height, &d);
    }
    if (d.empty()) return;
    svg += "<path " + std::string(attributes) + " fill-rule=\"evenodd\" d=\"" + d + "\"><title>" +
           HtmlEscape(c.name) + "</title></path>\n";
  };
  for (const Country& c : countries_) {
    if (&c != &target) draw(c, "class=\"land\" fill=\"#e6e6e6\" stroke=\"#b0b0b0\" stroke-width=\"0.6\"");
  }
  draw(target, "class=\"focus\" fill=\"#f5e9c4\" stroke=\"#6b5a2a\" stroke-width=\"1.4\"");

  // Largest circles first so that small ones stay on top and clickable.
  std::vector<const BriefPoint*> order;
  for (const BriefPoint& p : points) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(),
                   [](const BriefPoint* a, const BriefPoint* b) { return a->events > b->events; });
  const double most = order.empty() ? 1 : std::max<double>(1, order.front()->events);
  int dropped = 0;
  bool has_unknown = false;
  svg += "<g class=\"points\" stroke=\"#fff\" stroke-width=\"0.8\" fill-opacity=\"0.8\">\n";
  for (const BriefPoint* p : order) {
    std::optional<double> shift = ShiftInto({p->lon, p->lat, p->lon, p->lat}, visible);
    const Pixel at = project(p->lon + shift.value_or(0), p->lat);
    if (!shift || !project.Inside(at) || !std::isfinite(at.x) || !std::isfinite(at.y)) {
      ++dropped;
      continue;
    }
    const int quad = p->quad >= 1 && p->quad <= 4 ? p->quad : 0;
    has_unknown |= quad == 0;
    const double r = 3 + 9 * std::sqrt(std::max<double>(0, p->events) / most);
    svg += "<circle cx=\"" + FormatFixed(at.x, 1) + "\" cy=\"" + FormatFixed(at.y, 1) + "\" r=\"" +
           FormatFixed(r, 1) + "\" fill=\"" + QuadColor(quad) + "\"><title>" + HtmlEscape(p->name) +
           ": " + FormatCount(p->events) + (p->events == 1 ? " event" : " events") + " (mostly " +
           QuadLabel(quad) + ")</title></circle>\n";
  }
  svg += "</g>\n" + Legend(has_unknown, height);
  if (dropped > 0) {
    svg += "<text x=\"8\" y=\"18\" font-size=\"11\" stroke=\"#fff\" stroke-width=\"3\" "
           "paint-order=\"stroke\">" + std::to_string(dropped) +
           (dropped == 1 ? " place lies" : " places lie") + " outside this map</text>\n";
  }
  svg += "<text x=\"" + std::to_string(width - 6) + "\" y=\"" + std::to_string(height - 6) +
         "\" font-size=\"9\" fill=\"#555\" text-anchor=\"end\">Shapes: Natural Earth</text>\n";
  return svg + "</svg>\n";
}

}  // namespace griot
