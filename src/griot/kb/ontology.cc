#include "griot/kb/ontology.h"

#include <charconv>
#include <sstream>

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

bool ParseScore(const std::string& field, double* out) {
  std::string v;
  return KeyValue(field, "score", &v) && ParseDouble(v, out) && *out >= -10 && *out <= 10;
}

Status ParseType(const KbFile& file, const KbLine& l, EventType* t) {
  const auto& f = l.fields;
  if (f.size() < 5) {
    return file.Error(l, "type needs: type | NAME | quad=N | score=X | cameo=C | description");
  }
  t->name = f[1];
  std::string v;
  if (!KeyValue(f[2], "quad", &v) || v.size() != 1 || v[0] < '1' || v[0] > '4') {
    return file.Error(l, "expected quad=1..4, found '" + f[2] + "'");
  }
  t->quad = v[0] - '0';
  if (!ParseScore(f[3], &t->score)) {
    return file.Error(l, "expected score=-10..10, found '" + f[3] + "'");
  }
  if (!KeyValue(f[4], "cameo", &t->cameo) || t->cameo.empty()) {
    return file.Error(l, "expected cameo=CODE, found '" + f[4] + "'");
  }
  for (size_t k = 5; k < f.size(); ++k) {
    if (KeyValue(f[k], "implicit-actor", &v)) {
      t->implicit_actor = v;
    } else {
      t->description = f[k];
    }
  }
  return Status::Ok();
}

// mode | TYPE | name | cameo=C | [score=X] [sector=S] [implicit-actor=S] [context=C] | description
Status ParseMode(const KbFile& file, const KbLine& l, EventType* t) {
  const auto& f = l.fields;
  const std::string& name = f[2];
  if (name.empty()) return file.Error(l, "mode needs a name");
  if (t->modes.count(name)) return file.Error(l, "mode " + name + " declared twice");
  EventMode m;
  if (!KeyValue(f[3], "cameo", &m.cameo) || m.cameo.empty()) {
    return file.Error(l, "expected cameo=CODE, found '" + f[3] + "'");
  }
  for (size_t k = 4; k < f.size(); ++k) {
    std::string v;
    if (f[k].rfind("score=", 0) == 0) {
      double score = 0;
      if (!ParseScore(f[k], &score)) {
        return file.Error(l, "expected score=-10..10, found '" + f[k] + "'");
      }
      m.score = score;
    } else if (KeyValue(f[k], "sector", &v)) {
      t->mode_for_sector[v] = name;
    } else if (KeyValue(f[k], "implicit-actor", &v)) {
      t->mode_implicit_actor[name] = v;
    } else if (KeyValue(f[k], "context", &v)) {
      m.contexts.push_back(v);
    } else {
      m.description = f[k];
    }
  }
  t->modes[name] = std::move(m);
  return Status::Ok();
}

}  // namespace

Result<Ontology> Ontology::Load(const std::string& path) {
  Result<KbFile> file = ReadKbFile(path, "ontology");
  if (!file.ok()) return file.status();
  Ontology o;
  // Checked once everything is declared: a mode line may name a context
  // declared further down, a rename any current name.
  std::vector<const KbLine*> mode_lines, rename_lines, context_rename_lines;
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    if (f[0] == "type") {
      EventType t;
      GRIOT_RETURN_IF_ERROR(ParseType(*file, l, &t));
      if (o.types_.count(t.name)) return file->Error(l, "type " + t.name + " declared twice");
      o.types_[t.name] = std::move(t);
    } else if (f[0] == "mode") {
      if (f.size() < 4)
        return file->Error(l, "mode needs: mode | TYPE | name | cameo=C | description");
      auto it = o.types_.find(f[1]);
      if (it == o.types_.end()) return file->Error(l, "mode for undeclared type '" + f[1] + "'");
      GRIOT_RETURN_IF_ERROR(ParseMode(*file, l, &it->second));
      mode_lines.push_back(&l);
    } else if (f[0] == "context") {
      if (f.size() < 2 || f[1].empty()) return file->Error(l, "context needs a name");
      if (o.contexts_.count(f[1])) return file->Error(l, "context " + f[1] + " declared twice");
      o.contexts_[f[1]] = f.size() > 2 ? f[2] : "";
    } else if (f[0] == "sector") {
      if (f.size() < 2 || f[1].empty()) return file->Error(l, "sector needs a code");
      o.sectors_[f[1]] = f.size() > 2 ? f[2] : "";
    } else if (f[0] == "rule") {
      Status st = o.AddRule(f);
      if (!st.ok()) return file->Error(l, st.message());
    } else if (f[0] == "rename") {
      if (f.size() < 5 || f[1].empty() || f[3].empty()) {
        return file->Error(
            l, "rename needs: rename | OLD TYPE | OLD MODE | NEW TYPE | NEW MODE | options");
      }
      NameChange r{f[1], f[2], f[3], f[4], "", false};
      for (size_t k = 5; k < f.size(); ++k) {
        std::string v;
        if (f[k].empty()) continue;
        if (KeyValue(f[k], "context", &v)) {
          r.context = v;
        } else if (f[k] == "roles=swapped") {
          r.swap_roles = true;
        } else {
          return file->Error(
              l, "unknown rename option '" + f[k] + "' (context=NAME or roles=swapped)");
        }
      }
      if (o.RenameOf(r.type, r.mode)) {
        return file->Error(l, "rename of " + r.type + " '" + r.mode + "' given twice");
      }
      o.renames_.push_back(std::move(r));
      rename_lines.push_back(&l);
    } else if (f[0] == "rename-context") {
      if (f.size() < 2 || f[1].empty())
        return file->Error(l, "rename-context needs: rename-context | OLD | NEW");
      if (o.context_renames_.count(f[1]))
        return file->Error(l, "context " + f[1] + " renamed twice");
      o.context_renames_[f[1]] = f.size() > 2 ? f[2] : "";
      context_rename_lines.push_back(&l);
    } else {
      return file->Error(l,
                         "unknown entry '" + f[0] +
                             "' (expected type, mode, context, sector, rule, rename or rename-context)");
    }
  }
  if (o.types_.empty()) return InvalidArgument(path + ": no event types declared");
  for (const auto& [name, t] : o.types_) {
    if (!t.implicit_actor.empty() && !o.sectors_.count(t.implicit_actor)) {
      return InvalidArgument(path + ": implicit-actor of " + name + " is not a declared sector");
    }
  }
  for (const KbLine* l : mode_lines) {
    const EventMode& m = o.types_.at(l->fields[1]).modes.at(l->fields[2]);
    for (const std::string& c : m.contexts) {
      if (!o.HasContext(c)) return file->Error(*l, "context '" + c + "' is not declared");
    }
  }
  for (size_t i = 0; i < o.renames_.size(); ++i) {
    const NameChange& r = o.renames_[i];
    const KbLine& l = *rename_lines[i];
    // An old name that is still current would make every event of that
    // name ambiguous: renamed or not?
    if (o.FindType(r.type) && (r.mode.empty() || o.HasMode(r.type, r.mode))) {
      return file->Error(l, r.type + (r.mode.empty() ? "" : " '" + r.mode + "'") +
                                " is a current name and cannot be renamed");
    }
    if (!o.FindType(r.new_type))
      return file->Error(l, "rename to undeclared type '" + r.new_type + "'");
    if (!r.new_mode.empty() && !o.HasMode(r.new_type, r.new_mode)) {
      return file->Error(l, "rename to mode '" + r.new_mode + "', not declared for " + r.new_type);
    }
    if (!r.context.empty() && !o.HasContext(r.context)) {
      return file->Error(l, "context '" + r.context + "' is not declared");
    }
  }
  for (const KbLine* l : context_rename_lines) {
    const std::string& from = l->fields[1];
    const std::string& to = o.context_renames_.at(from);
    if (o.HasContext(from))
      return file->Error(*l, "context '" + from + "' is current and cannot be renamed");
    if (!to.empty() && !o.HasContext(to))
      return file->Error(*l, "context '" + to + "' is not declared");
  }
  return o;
}

// rule | future | TYPES | TYPE          rule | conditional-future | TYPES | TYPE
// rule | threat-mode | TYPE[/mode] | M  rule | negated | TYPES | TYPE
// rule | governs | TYPES
// (Rules come after the types they name.)
Status Ontology::AddRule(const std::vector<std::string>& f) {
  auto types = [&](const std::string& list, std::vector<std::string>* out) -> Status {
    size_t start = 0;
    while (start < list.size()) {
      size_t end = list.find(' ', start);
      if (end == std::string::npos) end = list.size();
      std::string t = list.substr(start, end - start);
      start = end + 1;
      if (t.empty()) continue;
      if (!FindType(t)) return InvalidArgument("rule names undeclared type '" + t + "'");
      out->push_back(t);
    }
    if (out->empty()) return InvalidArgument("rule names no type");
    return Status::Ok();
  };
  std::vector<std::string> from;
  const std::string kind = f.size() > 1 ? f[1] : "";
  if (kind == "political-sectors" && f.size() == 3) {
    std::istringstream in(f[2]);
    for (std::string s; in >> s;) {
      if (!HasSector(s)) return InvalidArgument("rule names undeclared sector '" + s + "'");
      political_.insert(s);
    }
    return Status::Ok();
  }
  if (kind == "frame-takes" && f.size() == 4) {
    std::vector<std::string> inner;
    GRIOT_RETURN_IF_ERROR(types(f[2], &from));
    GRIOT_RETURN_IF_ERROR(types(f[3], &inner));
    for (const auto& a : from) {
      for (const auto& b : inner) frame_takes_.insert({a, b});
    }
    return Status::Ok();
  }
  if (kind == "governs" && f.size() == 3) {
    GRIOT_RETURN_IF_ERROR(types(f[2], &from));
    governing_.insert(from.begin(), from.end());
    return Status::Ok();
  }
  if (f.size() != 4 && !(kind == "by-sector" && f.size() == 5)) {
    return InvalidArgument("rule needs: rule | future|conditional-future|negated|threat-mode|not-by | FROM | TO");
  }
  auto sectors = [&](const std::string& list, std::vector<std::string>* out) -> Status {
    std::istringstream in(list);
    for (std::string s; in >> s;) {
      if (!HasSector(s)) return InvalidArgument("rule names undeclared sector '" + s + "'");
      out->push_back(s);
    }
    if (out->empty()) return InvalidArgument("rule names no sector");
    return Status::Ok();
  };
  if (kind == "by-sector") {
    std::vector<std::string> secs;
    GRIOT_RETURN_IF_ERROR(types(f[2], &from));
    GRIOT_RETURN_IF_ERROR(sectors(f[3], &secs));
    if (!FindType(f[4])) return InvalidArgument("rule names undeclared type '" + f[4] + "'");
    for (const auto& t : from) {
      for (const auto& s : secs) by_sector_[{t, s}] = f[4];
    }
    return Status::Ok();
  }
  if (kind == "not-by") {
    std::vector<std::string> secs;
    GRIOT_RETURN_IF_ERROR(types(f[2], &from));
    GRIOT_RETURN_IF_ERROR(sectors(f[3], &secs));
    for (const auto& t : from) {
      for (const auto& s : secs) not_by_.insert({t, s});
    }
    return Status::Ok();
  }
  if (kind == "threat-mode") {
    ThreatModeRule r;
    r.type = f[2].substr(0, f[2].find('/'));
    if (f[2].find('/') != std::string::npos) r.mode = f[2].substr(f[2].find('/') + 1);
    r.threat_mode = f[3];
    if (!FindType(r.type)) return InvalidArgument("rule names undeclared type '" + r.type + "'");
    if (!r.mode.empty() && !HasMode(r.type, r.mode)) {
      return InvalidArgument("'" + r.mode + "' is not a mode of " + r.type);
    }
    if (!HasMode("THREATEN", r.threat_mode)) {
      return InvalidArgument("'" + r.threat_mode + "' is not a mode of THREATEN");
    }
    threat_modes_.push_back(std::move(r));
    return Status::Ok();
  }
  std::map<std::string, std::string>* table = kind == "future"               ? &future_
                                              : kind == "conditional-future" ? &conditional_future_
                                              : kind == "negated"            ? &negated_
                                              : kind == "in-disaster"        ? &in_disaster_
                                                                             : nullptr;
  if (!table) return InvalidArgument("unknown rule '" + kind + "'");
  GRIOT_RETURN_IF_ERROR(types(f[2], &from));
  if (!FindType(f[3])) return InvalidArgument("rule names undeclared type '" + f[3] + "'");
  for (const std::string& t : from) (*table)[t] = f[3];
  return Status::Ok();
}

std::string Ontology::FutureType(const std::string& type, bool conditional) const {
  if (conditional) {
    if (auto it = conditional_future_.find(type); it != conditional_future_.end()) return it->second;
  }
  auto it = future_.find(type);
  return it == future_.end() ? "" : it->second;
}

std::string Ontology::ThreatMode(const std::string& type, const std::string& mode) const {
  for (const ThreatModeRule& r : threat_modes_) {
    if (r.type == type && (r.mode.empty() || r.mode == mode)) return r.threat_mode;
  }
  return "";
}

std::string Ontology::TypeBySector(const std::string& type, const std::string& sector) const {
  auto it = by_sector_.find({type, sector});
  return it == by_sector_.end() ? "" : it->second;
}

bool Ontology::NotBy(const std::string& type, const std::string& sector) const {
  return not_by_.count({type, sector}) > 0;
}

std::string Ontology::NegatedType(const std::string& type) const {
  auto it = negated_.find(type);
  return it == negated_.end() ? "drop" : it->second;
}

const EventType* Ontology::FindType(const std::string& name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : &it->second;
}

const EventMode* Ontology::FindMode(const std::string& type, const std::string& mode) const {
  const EventType* t = FindType(type);
  if (!t) return nullptr;
  auto it = t->modes.find(mode);
  return it == t->modes.end() ? nullptr : &it->second;
}

bool Ontology::HasMode(const std::string& type, const std::string& mode) const {
  return FindMode(type, mode) != nullptr;
}

std::string Ontology::Cameo(const std::string& type, const std::string& mode) const {
  const EventType* t = FindType(type);
  if (!t) return "";
  const EventMode* m = FindMode(type, mode);
  return m ? m->cameo : t->cameo;
}

double Ontology::Score(const std::string& type, const std::string& mode) const {
  const EventType* t = FindType(type);
  if (!t) return 0;
  const EventMode* m = FindMode(type, mode);
  return m && m->score ? *m->score : t->score;
}

const NameChange* Ontology::RenameOf(const std::string& type, const std::string& mode) const {
  for (const NameChange& r : renames_) {
    if (r.type == type && r.mode == mode) return &r;
  }
  return nullptr;
}

std::optional<std::string> Ontology::ContextRenamed(const std::string& context) const {
  auto it = context_renames_.find(context);
  if (it == context_renames_.end()) return std::nullopt;
  return it->second;
}

std::string Ontology::RenameNote(const std::string& type, const std::string& mode) const {
  const NameChange* r = RenameOf(type, mode);
  if (!r) return "";
  std::string note;
  if (r->mode.empty()) {
    note = "type '" + r->type + "' was renamed " + r->new_type +
           (r->new_mode.empty() ? "" : " with mode '" + r->new_mode + "'");
  } else if (r->new_type != r->type) {
    note = "mode '" + r->mode + "' of " + r->type + " is now " + r->new_type +
           (r->new_mode.empty() ? " without a mode" : " '" + r->new_mode + "'");
  } else if (r->new_mode.empty()) {
    note = "mode '" + r->mode + "' of " + r->type + " was dropped";
  } else {
    note = "mode '" + r->mode + "' was renamed '" + r->new_mode + "'";
  }
  if (!r->context.empty()) note += "; its events take context " + r->context;
  if (r->swap_roles) note += "; actor and recipient trade places";
  return note + " (ontology.txt)";
}

}  // namespace griot
