#include "griot/kb/examples.h"

namespace griot {
namespace {

Result<std::vector<ExpectedEntity>> ParseEntities(const std::string& field) {
  std::vector<ExpectedEntity> out;
  for (const std::string& item : SplitList(field)) {
    ExpectedEntity e;
    size_t colon = item.find(':');
    if (colon == std::string::npos) {
      e.code = item;
    } else {
      e.code = item.substr(0, colon);
      e.sector = item.substr(colon + 1);
    }
    out.push_back(e);
  }
  return out;
}

bool Satisfies(const std::vector<EventArgument>& got, const std::vector<ExpectedEntity>& want) {
  for (const ExpectedEntity& w : want) {
    bool found = false;
    for (const EventArgument& g : got) {
      if (g.code == w.code && (!w.sector || g.sector == *w.sector)) found = true;
    }
    if (!found) return false;
  }
  return true;
}

std::string Describe(const std::vector<EventArgument>& args) {
  std::string s;
  for (const auto& a : args) s += (s.empty() ? "" : ";") + a.code + ":" + a.sector;
  return s;
}

}  // namespace

Result<Example> ParseExample(const KbFile& file, const KbLine& line) {
  if (line.fields.size() < 2 || line.fields.size() > 4 || line.fields[0].empty()) {
    return file.Error(line, "example needs: sentence | TYPE[/mode] | actors | recipients");
  }
  Example ex;
  ex.where = file.Where(line);
  ex.sentence = line.fields[0];
  std::string type = line.fields[1];
  size_t slash = type.find('/');
  if (slash != std::string::npos) {
    ex.mode = type.substr(slash + 1);
    type = type.substr(0, slash);
  }
  ex.type = type;
  if (line.fields.size() > 2) ex.actors = *ParseEntities(line.fields[2]);
  if (line.fields.size() > 3) ex.recipients = *ParseEntities(line.fields[3]);
  return ex;
}

std::string CheckExample(const Example& ex, const Document& doc) {
  std::string produced;
  for (const Event& e : doc.events) {
    produced += " " + e.event + (e.mode.empty() ? "" : "/" + e.mode) + " " + Describe(e.actor) +
                " -> " + Describe(e.recipient) + ";";
  }
  if (ex.type == "none") {
    return doc.events.empty() ? "" : ex.where + ": expected no event, produced" + produced;
  }
  for (const Event& e : doc.events) {
    if (e.event != ex.type) continue;
    if (!ex.mode.empty() && e.mode != ex.mode) continue;
    if (!Satisfies(e.actor, ex.actors) || !Satisfies(e.recipient, ex.recipients)) continue;
    return "";
  }
  return ex.where + ": \"" + ex.sentence + "\" expected " + ex.type +
         (ex.mode.empty() ? "" : "/" + ex.mode) + ", produced" +
         (produced.empty() ? " nothing" : produced);
}

}  // namespace griot
