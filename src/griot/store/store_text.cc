#include "griot/store/store_text.h"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace griot {

std::string UtcNow() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// JSON text written directly: these run for every stored event, and a DOM
// per event cost more than the database insert. Keys in sorted order, as
// nlohmann's objects print them, so the columns read like the JSONL record.
void AppendString(std::string_view v, std::string* out) {
  out->push_back('"');
  for (unsigned char c : v) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out->append(buf);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void AppendNumber(double v, std::string* out) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
}

void AppendField(const char* key, std::string_view value, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
  AppendString(value, out);
}

}  // namespace

std::string ContextJson(const std::vector<std::string>& context) {
  std::string out = "[";
  for (size_t i = 0; i < context.size(); ++i) {
    if (i) out.push_back(',');
    AppendString(context[i], &out);
  }
  return out + "]";
}

std::string ArgumentsJson(const std::vector<StoredArgument>& args) {
  std::string out = "[";
  for (size_t i = 0; i < args.size(); ++i) {
    const StoredArgument& a = args[i];
    out.append(i ? ",{" : "{");
    AppendField("code", a.code, &out);
    if (!a.code_from.empty()) {
      out.push_back(',');
      AppendField("code_from", a.code_from, &out);
    }
    out.push_back(',');
    AppendField("name", a.name, &out);
    out.push_back(',');
    AppendField("sector", a.sector, &out);
    out.push_back(',');
    AppendField("text", a.text, &out);
    out.push_back('}');
  }
  return out + "]";
}

std::string LocationJson(const StoredLocation& l) {
  if (l.precision.empty()) return "null";
  std::string out = "{";
  AppendField("admin1", l.admin1, &out);
  out.push_back(',');
  AppendField("country", l.country, &out);
  out.append(",\"geonames_id\":");
  if (l.geonames_id) {
    out.append(std::to_string(l.geonames_id));
  } else {
    out.append("null");
  }
  out.append(",\"lat\":");
  AppendNumber(l.lat, &out);
  out.append(",\"lon\":");
  AppendNumber(l.lon, &out);
  out.push_back(',');
  AppendField("name", l.name, &out);
  out.push_back(',');
  AppendField("precision", l.precision, &out);
  out.push_back(',');
  AppendField("reason", l.reason, &out);
  return out + "}";
}

namespace {

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void ParseArgumentsJson(const std::string& json, std::vector<StoredArgument>* args) {
  args->clear();
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return;
  for (const nlohmann::json& a : j) {
    if (!a.is_object()) continue;
    StoredArgument s;
    s.text = Str(a, "text");
    s.code = Str(a, "code");
    s.sector = Str(a, "sector");
    s.name = Str(a, "name");
    s.code_from = Str(a, "code_from");
    args->push_back(std::move(s));
  }
}

void ParseLocationJson(const std::string& json, StoredLocation* l) {
  *l = StoredLocation();
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return;
  l->name = Str(j, "name");
  l->country = Str(j, "country");
  l->admin1 = Str(j, "admin1");
  l->precision = Str(j, "precision");
  l->reason = Str(j, "reason");
  if (j.contains("lat") && j["lat"].is_number()) l->lat = j["lat"].get<double>();
  if (j.contains("lon") && j["lon"].is_number()) l->lon = j["lon"].get<double>();
  if (j.contains("geonames_id") && j["geonames_id"].is_number()) {
    l->geonames_id = j["geonames_id"].get<int64_t>();
  }
}

void ParseContextJson(const std::string& json, std::vector<std::string>* context) {
  context->clear();
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return;
  for (const nlohmann::json& c : j) {
    if (c.is_string()) context->push_back(c.get<std::string>());
  }
}

std::string LocationKey(const StoredLocation& l) {
  std::string key;
  key.reserve(l.name.size() + l.country.size() + l.admin1.size() + 48);
  key.append(l.name).push_back('\x1f');
  key.append(l.country).push_back('\x1f');
  key.append(l.admin1).push_back('\x1f');
  key.append(l.precision).push_back('\x1f');
  key.append(std::to_string(l.geonames_id)).push_back('\x1f');
  AppendNumber(l.lat, &key);
  key.push_back('\x1f');
  AppendNumber(l.lon, &key);
  return key;
}

std::vector<std::string> SearchWords(const std::string& query) {
  std::vector<std::string> words;
  std::string w;
  for (unsigned char c : query) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      w += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      w += static_cast<char>(c - 'A' + 'a');
    } else if (!w.empty()) {
      words.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

const char* const kRefreshCanonicalSql = R"sql(
UPDATE events SET is_canonical = 0, mentions = NULL, articles = NULL, sources = NULL,
  first_reported = NULL, last_reported = NULL
FROM (SELECT m.mention_id AS id FROM mentions m JOIN touched t ON t.event_id = m.event_id
      WHERE m.mention_id <> m.event_id) AS x
WHERE events.event_id = x.id;
UPDATE events SET is_canonical = 1, mentions = g.n, articles = g.a, sources = g.s,
  first_reported = g.f, last_reported = g.l
FROM (SELECT m.event_id AS id, COUNT(*) AS n, COUNT(DISTINCT m.doc_id) AS a,
        COUNT(DISTINCT m.source) AS s, MIN(m.reported) AS f, MAX(m.reported) AS l
      FROM mentions m JOIN touched t ON t.event_id = m.event_id GROUP BY m.event_id) AS g
WHERE events.event_id = g.id;
INSERT INTO rollup_pending SELECT DISTINCT COALESCE(e.day, '') FROM events e
  JOIN touched t ON t.event_id = e.event_id WHERE true ON CONFLICT DO NOTHING;
)sql";

const char* const kRefreshRollupSql = R"sql(
DELETE FROM daily_counts WHERE day IN (SELECT day FROM rollup_pending);
INSERT INTO daily_counts
  SELECT e.day, COALESCE(e.week, ''), COALESCE(e.country, ''), COALESCE(e.admin1, ''), e.event,
    e.quad, COUNT(*), SUM(COALESCE(e.mentions, 1))
  FROM events e WHERE e.is_canonical = 1 AND e.day IN (SELECT day FROM rollup_pending)
  GROUP BY e.day, e.week, e.country, e.admin1, e.event, e.quad;
INSERT INTO daily_counts
  SELECT '', '', COALESCE(e.country, ''), COALESCE(e.admin1, ''), e.event, e.quad, COUNT(*),
    SUM(COALESCE(e.mentions, 1))
  FROM events e WHERE e.is_canonical = 1 AND e.day IS NULL
    AND EXISTS (SELECT 1 FROM rollup_pending WHERE day = '')
  GROUP BY e.country, e.admin1, e.event, e.quad;
DELETE FROM monthly_counts WHERE month IN (SELECT DISTINCT substr(day, 1, 7) FROM rollup_pending);
INSERT INTO monthly_counts
  SELECT substr(r.day, 1, 7), r.country, r.event, r.quad, SUM(r.events), SUM(r.reports)
  FROM daily_counts r WHERE substr(r.day, 1, 7) IN (SELECT DISTINCT substr(day, 1, 7) FROM rollup_pending)
  GROUP BY substr(r.day, 1, 7), r.country, r.event, r.quad;
DELETE FROM monthly_region_counts WHERE month IN (SELECT DISTINCT substr(day, 1, 7) FROM rollup_pending);
INSERT INTO monthly_region_counts
  SELECT substr(r.day, 1, 7), r.country, r.admin1, r.event, SUM(r.events)
  FROM daily_counts r WHERE substr(r.day, 1, 7) IN (SELECT DISTINCT substr(day, 1, 7) FROM rollup_pending)
  GROUP BY substr(r.day, 1, 7), r.country, r.admin1, r.event;
DELETE FROM rollup_pending;
)sql";

const char* const kClearLinksSql = R"sql(
DELETE FROM mentions;
DELETE FROM daily_counts;
DELETE FROM monthly_counts;
DELETE FROM location_counts;
DELETE FROM actor_counts;
DELETE FROM name_counts;
DELETE FROM monthly_region_counts;
UPDATE events SET is_canonical = NULL, mentions = NULL, articles = NULL, sources = NULL,
  first_reported = NULL, last_reported = NULL;
)sql";

}  // namespace griot
