#include "griot/eval/doc_gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

namespace griot {
namespace {

using nlohmann::json;

std::string Str(const json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : "";
}

Status ReadEntities(const json& o, const char* role, const Ontology& ontology,
                    std::vector<GoldEntity>* out) {
  auto it = o.find(role);
  if (it == o.end() || !it->is_array()) return InvalidArgument(std::string(role) + " must be a list");
  for (const json& e : *it) {
    if (!e.is_object() || !e.contains("code") || !e.contains("sector")) {
      return InvalidArgument(std::string(role) + " entries need \"code\" and \"sector\"");
    }
    GoldEntity g{Str(e, "code"), Str(e, "sector"), Str(e, "words")};
    if (!g.sector.empty() && !ontology.HasSector(g.sector)) {
      return InvalidArgument("unknown sector '" + g.sector + "' (ontology.txt lists them)");
    }
    out->push_back(std::move(g));
  }
  return Status::Ok();
}

Status ReadEvent(const json& o, const Ontology& ontology, GoldEvent* ev) {
  const json& at = o.value("at", json());
  if (!at.is_array() || at.size() != 2 || !at[0].is_number_unsigned() ||
      !at[1].is_number_unsigned() || at[0].get<uint32_t>() >= at[1].get<uint32_t>()) {
    return InvalidArgument("\"at\" must be [begin, end) code-point offsets, begin < end");
  }
  ev->begin = at[0].get<uint32_t>();
  ev->end = at[1].get<uint32_t>();
  ev->words = Str(o, "words");
  if (ev->words.empty()) return InvalidArgument("\"words\" (the trigger's text) is missing");
  ev->event = Str(o, "event");
  ev->mode = Str(o, "mode");
  if (!ontology.FindType(ev->event)) return InvalidArgument("unknown event type '" + ev->event + "'");
  if (!ev->mode.empty() && !ontology.HasMode(ev->event, ev->mode)) {
    return InvalidArgument("'" + ev->mode + "' is not a mode of " + ev->event);
  }
  GRIOT_RETURN_IF_ERROR(ReadEntities(o, "actor", ontology, &ev->actor));
  GRIOT_RETURN_IF_ERROR(ReadEntities(o, "recipient", ontology, &ev->recipient));
  if (!o.contains("place")) return InvalidArgument("\"place\" is missing (null when none)");
  if (const json& p = o["place"]; !p.is_null()) {
    if (!p.is_object() || !p.contains("name") || !p.contains("country")) {
      return InvalidArgument("\"place\" must be null or {\"name\", \"country\"}");
    }
    ev->has_place = true;
    ev->place_name = Str(p, "name");
    ev->place_country = Str(p, "country");
  }
  if (!o.contains("date")) return InvalidArgument("\"date\" is missing (null when none)");
  if (!o["date"].is_null()) {
    static const std::regex kDay(R"(\d{4}-\d\d-\d\d)");
    ev->date = Str(o, "date");
    ev->granularity = Str(o, "granularity");
    if (!std::regex_match(ev->date, kDay)) return InvalidArgument("\"date\" must be YYYY-MM-DD or null");
    if (ev->granularity != "day" && ev->granularity != "week" && ev->granularity != "month" &&
        ev->granularity != "year") {
      return InvalidArgument("\"granularity\" must be day, week, month or year");
    }
  }
  static const std::map<std::string, GoldAux> kAux = {{"negated", GoldAux::kNegated},
                                                     {"hypothetical", GoldAux::kHypothetical},
                                                     {"future", GoldAux::kFuture},
                                                     {"historical", GoldAux::kHistorical}};
  const json& aux = o.value("aux", json::array());
  if (!aux.is_array()) return InvalidArgument("\"aux\" must be a list");
  for (const json& a : aux) {
    auto it = a.is_string() ? kAux.find(a.get<std::string>()) : kAux.end();
    if (it == kAux.end()) return InvalidArgument("unknown aux mode " + a.dump());
    ev->aux |= static_cast<uint8_t>(it->second);
  }
  ev->doubt = o.value("doubt", false);
  return Status::Ok();
}

Status LoadFile(const std::string& path, const Ontology& ontology, GoldSet* set,
                std::map<std::string, size_t>* index) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open gold file");
  std::string line;
  int line_no = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++line_no;
    std::string where = path + ":" + std::to_string(line_no);
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[0] == '#') continue;
    json o = json::parse(line, nullptr, false);
    if (o.is_discarded() || !o.is_object()) return InvalidArgument(where + ": not a JSON object");
    if (!header) {
      if (o.value("griot_gold", 0) != 1) {
        return InvalidArgument(where + ": the first line must be {\"griot_gold\": 1}");
      }
      header = true;
      continue;
    }
    std::string id = Str(o, "doc");
    if (id.empty()) return InvalidArgument(where + ": \"doc\" (the document id) is missing");
    if (o.contains("split")) {
      GoldDocument d{id, Str(o, "split"), Str(o, "date"), where, {}};
      if (d.split != "dev" && d.split != "report") {
        return InvalidArgument(where + ": \"split\" must be dev or report");
      }
      if (!index->emplace(id, set->documents.size()).second) {
        return InvalidArgument(where + ": document " + id + " is annotated twice");
      }
      set->documents.push_back(std::move(d));
      continue;
    }
    auto it = index->find(id);
    if (it == index->end()) {
      return InvalidArgument(where + ": event of " + id + " before its document line");
    }
    GoldEvent ev;
    ev.source = where;
    Status st = ReadEvent(o, ontology, &ev);
    if (!st.ok()) return InvalidArgument(where + ": " + st.message());
    set->documents[it->second].events.push_back(std::move(ev));
  }
  if (!header) return InvalidArgument(path + ": empty gold file");
  return Status::Ok();
}

}  // namespace

Result<GoldSet> LoadGold(const std::string& path, const Ontology& ontology) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".jsonl") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return NotFound(path + ": no .jsonl gold files");
  } else {
    files.push_back(path);
  }
  GoldSet set;
  std::map<std::string, size_t> index;
  for (const std::string& f : files) GRIOT_RETURN_IF_ERROR(LoadFile(f, ontology, &set, &index));
  return set;
}

}  // namespace griot
