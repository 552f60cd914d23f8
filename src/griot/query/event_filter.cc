#include "griot/query/event_filter.h"

#include <cctype>
#include <cmath>

namespace griot {
namespace {

bool IsDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

bool IsCodeWord(const std::string& s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

class Builder {
 public:
  void And(const std::string& cond) { where_ += (where_.empty() ? "WHERE " : " AND ") + cond; }
  void Param(SqlValue v) { params_.push_back(std::move(v)); }
  // "col IN (?,?,...)" for the values.
  template <typename T>
  void In(const std::string& column, const std::vector<T>& values) {
    if (values.empty()) return;
    std::string c = column + " IN (";
    for (size_t i = 0; i < values.size(); ++i) {
      c += i ? ",?" : "?";
      if constexpr (std::is_same_v<T, int>) {
        Param(static_cast<int64_t>(values[i]));
      } else {
        Param(values[i]);
      }
    }
    And(c + ")");
  }
  // Events with a participant (of `role`, "" = any) matching `actor`.
  std::string Participant(const std::string& actor, const std::string& role) {
    std::string value = Trim(actor);
    std::string c = "e.event_id IN (SELECT p.event_id FROM participants p JOIN entities n ON "
                    "n.entity_id = p.entity_id WHERE ";
    if (!role.empty()) {
      c += "p.role = ? AND ";
      Param(role);
    }
    size_t space = value.find(' ');
    if (space != std::string::npos && IsCodeWord(value.substr(0, space)) &&
        IsCodeWord(Trim(value.substr(space + 1)))) {
      c += "n.code = ? AND n.sector = ?)";
      Param(value.substr(0, space));
      Param(Trim(value.substr(space + 1)));
    } else if (IsCodeWord(value)) {
      c += "(n.code = ? OR n.sector = ?))";
      Param(value);
      Param(value);
    } else {
      c += "lower(n.name) = lower(?))";
      Param(value);
    }
    return c;
  }
  SqlQuery Done() { return {where_, std::move(params_)}; }

 private:
  std::string where_;
  std::vector<SqlValue> params_;
};

}  // namespace

Result<SqlQuery> BuildWhere(const EventFilter& f, const Store& store, bool common_text) {
  Builder b;
  if (!f.all_mentions) b.And("e.is_canonical = 1");
  b.In("e.country", f.countries);
  b.In("e.admin1", f.admin1);
  b.In("e.event", f.types);
  b.In("e.mode", f.modes);
  for (int q : f.quads) {
    if (q < 1 || q > 4) return InvalidArgument("--quad: " + std::to_string(q) + " is not a quad class (1-4)");
  }
  b.In("e.quad", f.quads);
  if (!f.role.empty() && f.role != "actor" && f.role != "recipient") {
    return InvalidArgument("--role: '" + f.role + "' (actor or recipient)");
  }
  if (!f.actors.empty()) {
    std::string any;
    for (const std::string& a : f.actors) {
      if (Trim(a).empty()) return InvalidArgument("--actor: empty value");
      any += (any.empty() ? "(" : " OR ") + b.Participant(a, f.role);
    }
    b.And(any + ")");
  }
  if (!f.dyads.empty()) {
    std::string any;
    for (const std::string& d : f.dyads) {
      size_t arrow = d.find("->");
      if (arrow == std::string::npos || Trim(d.substr(0, arrow)).empty() ||
          Trim(d.substr(arrow + 2)).empty()) {
        return InvalidArgument("--dyad: '" + d + "' (write ACTOR->RECIPIENT, e.g. 'MLI MIL->MLI CVL')");
      }
      std::string c = "(" + b.Participant(d.substr(0, arrow), "actor") + " AND ";
      c += b.Participant(d.substr(arrow + 2), "recipient") + ")";
      any += (any.empty() ? "(" : " OR ") + c;
    }
    b.And(any + ")");
  }
  if (!f.contexts.empty()) {
    std::string any;
    for (const std::string& c : f.contexts) {
      any += any.empty() ? "(e.context LIKE ?" : " OR e.context LIKE ?";
      b.Param("%\"" + c + "\"%");
    }
    b.And(any + ")");
  }
  if (!f.from.empty()) {
    if (!IsDay(f.from)) return InvalidArgument("--from: '" + f.from + "' is not a date (YYYY-MM-DD)");
    b.And("e.day >= ?");
    b.Param(f.from);
  }
  if (!f.to.empty()) {
    if (!IsDay(f.to)) return InvalidArgument("--to: '" + f.to + "' is not a date (YYYY-MM-DD)");
    b.And("e.day <= ?");
    b.Param(f.to);
  }
  // Places are few next to events: the geometry is tested on the
  // locations, and events are found by their location's id. A
  // country-level location is the capital's point, which says nothing about
  // where in the country the event was: never inside a box or a radius.
  if (f.bbox) {
    const std::vector<double>& x = *f.bbox;
    if (x.size() != 4 || x[1] < -90 || x[3] > 90 || x[1] > x[3] || std::fabs(x[0]) > 180 ||
        std::fabs(x[2]) > 180) {
      return InvalidArgument("--bbox: give MIN_LON,MIN_LAT,MAX_LON,MAX_LAT in degrees");
    }
    // A box across the antimeridian (min lon > max lon) wraps around.
    b.And(std::string("e.location_id IN (SELECT l.location_id FROM locations l WHERE "
                      "l.precision <> 'country' AND l.lat BETWEEN ? AND ? AND ") +
          (x[0] <= x[2] ? "l.lon BETWEEN ? AND ?)" : "(l.lon >= ? OR l.lon <= ?))"));
    b.Param(x[1]);
    b.Param(x[3]);
    b.Param(x[0]);
    b.Param(x[2]);
  }
  if (f.near) {
    const std::vector<double>& n = *f.near;
    if (n.size() != 3 || std::fabs(n[0]) > 90 || std::fabs(n[1]) > 180 || !(n[2] > 0)) {
      return InvalidArgument("--near: give LAT,LON,KM (KM > 0)");
    }
    // Equirectangular distance, the same arithmetic on both engines; good
    // to ~0.5% within 500 km.
    constexpr double kKmPerDegree = 111.2;
    double kx = kKmPerDegree * std::cos(n[0] * M_PI / 180.0);
    // The box around the circle first, a little wider than the circle
    // (the same formula, so no place inside is lost): planners estimate
    // a range of a column from its statistics, not a distance; without
    // it PostgreSQL took a third of all places to match and scanned every
    // event.
    const double dlat = n[2] / kKmPerDegree * 1.001 + 1e-9;
    const double dlon = kx > 1e-6 ? n[2] / kx * 1.001 + 1e-9 : 360.0;
    b.And("e.location_id IN (SELECT l.location_id FROM locations l WHERE l.precision <> 'country' "
          "AND l.lat BETWEEN ? AND ? AND l.lon BETWEEN ? AND ? "
          "AND ((l.lat - ?) * (l.lat - ?) * ? + (l.lon - ?) * (l.lon - ?) * ?) <= ?)");
    b.Param(n[0] - dlat);
    b.Param(n[0] + dlat);
    b.Param(n[1] - dlon);
    b.Param(n[1] + dlon);
    b.Param(n[0]);
    b.Param(n[0]);
    b.Param(kKmPerDegree * kKmPerDegree);
    b.Param(n[1]);
    b.Param(n[1]);
    b.Param(kx * kx);
    b.Param(n[2] * n[2]);
  }
  if (!f.text.empty()) {
    std::string words = store.TextMatchParam(f.text);
    b.And(store.TextMatchSql(common_text));
    b.Param(words);
  }
  if (!f.doc_id.empty()) {
    b.And("e.doc_id = ?");
    b.Param(f.doc_id);
  }
  if (f.min_confidence > 0) {
    b.And("e.confidence >= ?");
    b.Param(f.min_confidence);
  }
  return b.Done();
}

// Above this many matches, walking a list's index beats reading every match.
constexpr int64_t kCommonTextMatches = 5000;

Result<SqlQuery> BuildPageWhere(const EventFilter& f, Store& store) {
  bool common_text = false;
  if (!f.text.empty()) {
    Result<bool> many = store.TextMatchesAtLeast(store.TextMatchParam(f.text), kCommonTextMatches);
    if (!many.ok()) return many.status();
    common_text = *many;
  }
  return BuildWhere(f, store, common_text);
}

SqlQuery PageOfEvents(const SqlQuery& where, const std::string& order_by, int64_t limit, int64_t offset) {
  SqlQuery q{" WHERE e.event_id IN (SELECT e.event_id FROM events e " + where.sql + order_by +
                 " LIMIT ? OFFSET ?)",
             where.params};
  q.params.push_back(limit);
  q.params.push_back(offset);
  return q;
}

}  // namespace griot
