#include "griot/kb/ontology.h"

#include <charconv>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

// Parses "key=value"; returns false when the field does not have that key.
bool KeyValue(const std::string& field, const std::string& key, std::string* value) {
  if (field.size() <= key.size() || field.compare(0, key.size(), key) != 0 ||
      field[key.size()] != '=') {
    return false;
  }
  *value = field.substr(key.size() + 1);
  return true;
}

bool ParseDouble(const std::string& s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Result<Ontology> Ontology::Load(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "ontology");
  if (!file.ok()) return file.status();
  Ontology o;
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    if (f[0] == "type") {
      if (f.size() < 5) return file->Error(l, "type needs: type | NAME | quad=N | score=X | cameo=C | description");
      EventType t;
      t.name = f[1];
      std::string v;
      if (!KeyValue(f[2], "quad", &v) || v.size() != 1 || v[0] < '1' || v[0] > '4') {
        return file->Error(l, "expected quad=1..4, found '" + f[2] + "'");
      }
      t.quad = v[0] - '0';
      if (!KeyValue(f[3], "score", &v) || !ParseDouble(v, &t.score) || t.score < -10 ||
          t.score > 10) {
        return file->Error(l, "expected score=-10..10, found '" + f[3] + "'");
      }
      if (!KeyValue(f[4], "cameo", &t.cameo) || t.cameo.empty()) {
        return file->Error(l, "expected cameo=CODE, found '" + f[4] + "'");
      }
      for (size_t k = 5; k < f.size(); ++k) {
        if (KeyValue(f[k], "implicit-actor", &v)) {
          t.implicit_actor = v;
        } else {
          t.description = f[k];
        }
      }
      if (o.types_.count(t.name)) return file->Error(l, "type " + t.name + " declared twice");
      o.types_[t.name] = t;
    } else if (f[0] == "mode") {
      if (f.size() < 4) return file->Error(l, "mode needs: mode | TYPE | name | cameo=C | description");
      auto it = o.types_.find(f[1]);
      if (it == o.types_.end()) return file->Error(l, "mode for undeclared type '" + f[1] + "'");
      std::string cameo;
      if (!KeyValue(f[3], "cameo", &cameo)) return file->Error(l, "expected cameo=CODE");
      if (it->second.mode_cameo.count(f[2])) return file->Error(l, "mode " + f[2] + " declared twice");
      it->second.mode_cameo[f[2]] = cameo;
      for (size_t k = 4; k < f.size(); ++k) {
        std::string v;
        if (KeyValue(f[k], "sector", &v)) {
          it->second.mode_for_sector[v] = f[2];
        } else if (KeyValue(f[k], "implicit-actor", &v)) {
          it->second.mode_implicit_actor[f[2]] = v;
        }
      }
    } else if (f[0] == "context") {
      if (f.size() < 2 || f[1].empty()) return file->Error(l, "context needs a name");
      o.contexts_[f[1]] = f.size() > 2 ? f[2] : "";
    } else if (f[0] == "sector") {
      if (f.size() < 2 || f[1].empty()) return file->Error(l, "sector needs a code");
      o.sectors_[f[1]] = f.size() > 2 ? f[2] : "";
    } else {
      return file->Error(l, "unknown entry '" + f[0] + "' (expected type, mode, context or sector)");
    }
  }
  if (o.types_.empty()) return InvalidArgument(path + ": no event types declared");
  for (const auto& [name, t] : o.types_) {
    if (!t.implicit_actor.empty() && !o.sectors_.count(t.implicit_actor)) {
      return InvalidArgument(path + ": implicit-actor of " + name + " is not a declared sector");
    }
  }
  return o;
}

const EventType* Ontology::FindType(const std::string& name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : &it->second;
}

bool Ontology::HasMode(const std::string& type, const std::string& mode) const {
  const EventType* t = FindType(type);
  return t && t->mode_cameo.count(mode);
}

std::string Ontology::Cameo(const std::string& type, const std::string& mode) const {
  const EventType* t = FindType(type);
  if (!t) return "";
  auto it = t->mode_cameo.find(mode);
  return it == t->mode_cameo.end() ? t->cameo : it->second;
}

}  // namespace griot
