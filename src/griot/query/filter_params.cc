#include "griot/query/filter_params.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace griot {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// A list filter: every part must be non-empty, so "country=MLI," is an
// error rather than a silent match on "".
Status SetList(const std::string& name, const std::string& value, std::vector<std::string>* out) {
  for (const std::string& part : SplitParamList(value)) {
    if (part.empty()) return InvalidArgument(name + ": empty value in '" + value + "'");
    out->push_back(part);
  }
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& FilterParamNames() {
  static const std::vector<std::string> names = {
      "country", "admin1", "actor", "role", "dyad", "type", "mode", "context", "quad",
      "from",    "to",     "bbox",  "near", "text", "doc",  "min_confidence", "all_mentions"};
  return names;
}

bool IsFilterParam(const std::string& name) {
  const auto& n = FilterParamNames();
  return std::find(n.begin(), n.end(), name) != n.end();
}

std::vector<std::string> SplitParamList(const std::string& value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    out.push_back(Trim(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool IsParamDay(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

Result<std::vector<double>> ParseNumberList(const std::string& name, const std::string& value) {
  std::vector<double> out;
  for (const std::string& part : SplitParamList(value)) {
    char* end = nullptr;
    double d = std::strtod(part.c_str(), &end);
    if (part.empty() || !end || *end != '\0' || !std::isfinite(d)) {
      return InvalidArgument(name + ": '" + part + "' is not a number");
    }
    out.push_back(d);
  }
  return out;
}

Status SetFilterParam(const std::string& name, const std::string& value, EventFilter* f) {
  if (name == "country") return SetList(name, value, &f->countries);
  if (name == "admin1") return SetList(name, value, &f->admin1);
  if (name == "actor") return SetList(name, value, &f->actors);
  if (name == "dyad") {
    GRIOT_RETURN_IF_ERROR(SetList(name, value, &f->dyads));
    for (const std::string& d : f->dyads) {
      size_t arrow = d.find("->");
      if (arrow == std::string::npos || Trim(d.substr(0, arrow)).empty() || Trim(d.substr(arrow + 2)).empty()) {
        return InvalidArgument("dyad: '" + d + "' (write ACTOR->RECIPIENT, e.g. 'MLI MIL->MLI CVL')");
      }
    }
    return Status::Ok();
  }
  if (name == "type") return SetList(name, value, &f->types);
  if (name == "mode") return SetList(name, value, &f->modes);
  if (name == "context") return SetList(name, value, &f->contexts);
  if (name == "role") {
    if (value != "actor" && value != "recipient") {
      return InvalidArgument("role: '" + value + "' (actor or recipient)");
    }
    f->role = value;
    return Status::Ok();
  }
  if (name == "quad") {
    for (const std::string& part : SplitParamList(value)) {
      if (part.size() != 1 || part[0] < '1' || part[0] > '4') {
        return InvalidArgument("quad: " + part + " is not a quad class (1-4)");
      }
      f->quads.push_back(part[0] - '0');
    }
    return Status::Ok();
  }
  if (name == "from" || name == "to") {
    if (!IsParamDay(value)) return InvalidArgument(name + ": " + value + " is not a date (YYYY-MM-DD)");
    (name == "from" ? f->from : f->to) = value;
    return Status::Ok();
  }
  if (name == "bbox") {
    Result<std::vector<double>> v = ParseNumberList(name, value);
    if (!v.ok()) return v.status();
    const std::vector<double>& x = *v;
    if (x.size() != 4 || x[1] < -90 || x[3] > 90 || x[1] > x[3] || std::fabs(x[0]) > 180 ||
        std::fabs(x[2]) > 180) {
      return InvalidArgument("bbox: '" + value + "' (give WEST,SOUTH,EAST,NORTH in degrees)");
    }
    f->bbox = x;
    return Status::Ok();
  }
  if (name == "near") {
    Result<std::vector<double>> v = ParseNumberList(name, value);
    if (!v.ok()) return v.status();
    const std::vector<double>& n = *v;
    if (n.size() != 3 || std::fabs(n[0]) > 90 || std::fabs(n[1]) > 180 || !(n[2] > 0)) {
      return InvalidArgument("near: '" + value + "' (give LAT,LON,KM with KM > 0)");
    }
    f->near = n;
    return Status::Ok();
  }
  if (name == "text") {
    f->text = value;
    return Status::Ok();
  }
  if (name == "doc") {
    f->doc_id = value;
    return Status::Ok();
  }
  if (name == "min_confidence") {
    Result<std::vector<double>> v = ParseNumberList(name, value);
    if (!v.ok()) return v.status();
    if (v->size() != 1 || (*v)[0] < 0 || (*v)[0] > 1) {
      return InvalidArgument("min_confidence: '" + value + "' (a number from 0 to 1)");
    }
    f->min_confidence = (*v)[0];
    return Status::Ok();
  }
  if (name == "all_mentions") {
    if (value == "1" || value == "true") {
      f->all_mentions = true;
    } else if (value == "0" || value == "false" || value.empty()) {
      f->all_mentions = false;
    } else {
      return InvalidArgument("all_mentions: '" + value + "' (0 or 1)");
    }
    return Status::Ok();
  }
  return InvalidArgument(name + ": unknown parameter");
}

}  // namespace griot
