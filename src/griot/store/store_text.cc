#include "griot/store/store_text.h"

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

std::string ContextJson(const std::vector<std::string>& context) {
  return nlohmann::json(context).dump();
}

std::string ArgumentsJson(const std::vector<StoredArgument>& args) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoredArgument& a : args) {
    nlohmann::json j = {{"text", a.text}, {"code", a.code}, {"sector", a.sector}, {"name", a.name}};
    if (!a.code_from.empty()) j["code_from"] = a.code_from;
    out.push_back(std::move(j));
  }
  return out.dump();
}

std::string LocationJson(const StoredLocation& l) {
  if (l.precision.empty()) return "null";
  nlohmann::json j = {{"name", l.name},           {"country", l.country}, {"admin1", l.admin1},
                      {"lat", l.lat},             {"lon", l.lon},         {"precision", l.precision},
                      {"geonames_id", nullptr},   {"reason", l.reason}};
  if (l.geonames_id) j["geonames_id"] = l.geonames_id;
  return j.dump();
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
  char coords[64];
  std::snprintf(coords, sizeof coords, "%.17g\x1f%.17g", l.lat, l.lon);
  return l.name + '\x1f' + l.country + '\x1f' + l.admin1 + '\x1f' + l.precision + '\x1f' +
         std::to_string(l.geonames_id) + '\x1f' + coords;
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
UPDATE events SET
  is_canonical = 1,
  mentions = (SELECT COUNT(*) FROM mentions m WHERE m.event_id = events.event_id),
  articles = (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.event_id = events.event_id),
  sources = (SELECT COUNT(DISTINCT m.source) FROM mentions m WHERE m.event_id = events.event_id),
  first_reported = (SELECT MIN(m.reported) FROM mentions m WHERE m.event_id = events.event_id),
  last_reported = (SELECT MAX(m.reported) FROM mentions m WHERE m.event_id = events.event_id)
WHERE event_id IN (SELECT event_id FROM touched);
)sql";

const char* const kClearLinksSql = R"sql(
DELETE FROM mentions;
UPDATE events SET is_canonical = NULL, mentions = NULL, articles = NULL, sources = NULL,
  first_reported = NULL, last_reported = NULL;
)sql";

}  // namespace griot
