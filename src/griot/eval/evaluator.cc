#include "griot/eval/evaluator.h"

#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "griot/eval/describe.h"
#include "griot/geo/gazetteer.h"

namespace griot {
namespace {

std::set<std::string> GoldCodes(const nlohmann::json& list) {
  std::set<std::string> out;
  if (!list.is_array()) return out;
  for (const auto& e : list) {
    if (e.is_object() && e.contains("code") && e["code"].is_string()) {
      std::string c = e["code"].get<std::string>();
      if (!c.empty()) out.insert(c);
    }
  }
  return out;
}

std::set<std::string> Codes(const std::vector<EventArgument>& args) {
  std::set<std::string> out;
  for (const auto& a : args) {
    if (!a.code.empty()) out.insert(a.code);
  }
  return out;
}

std::string Folded(const std::string& s) { return NormalizeName(s); }

// Location, date, counts and auxiliary modes, where the gold record has them.
void ScoreDetails(const nlohmann::json& g, const Event& e, EvalReport* r) {
  if (g.contains("location") && g["location"].is_object()) {
    const auto& loc = g["location"];
    if (loc.contains("country")) {
      r->country_checked++;
      if (e.location.country == loc.value("country", "")) r->country_correct++;
    }
    if (loc.contains("name")) {
      r->place_checked++;
      if (!e.location.name.empty() && Folded(e.location.name) == Folded(loc.value("name", ""))) {
        r->place_correct++;
      }
    }
  }
  if (g.contains("event_date")) {
    r->date_checked++;
    std::string want = g["event_date"].is_string() ? g["event_date"].get<std::string>() : "";
    std::string gran = g.value("date_granularity", "");
    std::string got_gran = e.date_granularity.empty() ? "unresolved" : e.date_granularity;
    if (e.date == want && got_gran == gran) r->date_correct++;
  }
  if (g.contains("counts") && g["counts"].is_object()) {
    r->counts_checked++;
    std::map<std::string, std::pair<int64_t, int64_t>> want, got;
    for (const auto& [kind, range] : g["counts"].items()) {
      if (!range.is_array() || range.size() != 2) continue;
      want[kind] = {range[0].get<int64_t>(), range[1].is_null() ? -1 : range[1].get<int64_t>()};
    }
    for (const Count& c : e.counts) got[c.kind] = {c.min, c.max};
    if (want == got) r->counts_correct++;
  }
  if (g.contains("aux") && g["aux"].is_array()) {
    r->aux_checked++;
    std::set<std::string> want(g["aux"].begin(), g["aux"].end());
    std::set<std::string> got(e.aux.begin(), e.aux.end());
    if (want == got) r->aux_correct++;
  }
}

// A gold record's event in today's names. Gold files keep the words of the
// PLOVER version they were annotated in (PLOVER-GSR: "detain", "host",
// "strike-gen"); read through the ontology's renames, they are compared
// with what griot codes today, like with like.
struct GoldEvent {
  std::string type, mode;
  nlohmann::json actor, recipient;
};

GoldEvent CurrentGold(const Ontology& ontology, const nlohmann::json& g) {
  GoldEvent e{g["event"].get<std::string>(), g.value("mode", ""),
              g.value("actor", nlohmann::json::array()),
              g.value("recipient", nlohmann::json::array())};
  if (const NameChange* r = ontology.RenameOf(e.type, e.mode)) {
    e.type = r->new_type;
    e.mode = r->new_mode;
    if (r->swap_roles) std::swap(e.actor, e.recipient);
  }
  return e;
}

}  // namespace

Result<EvalReport> Evaluate(const Pipeline& pipeline, const std::string& gold_path) {
  std::ifstream in(gold_path);
  if (!in) return NotFound(gold_path + ": cannot open gold file");
  EvalReport r;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json g = nlohmann::json::parse(line, nullptr, false);
    if (g.is_discarded() || !g.is_object() || !g.contains("text") || !g["text"].is_string() ||
        !g.contains("event") || !g["event"].is_string()) {
      ++r.failed;
      continue;
    }
    Document doc;
    doc.id = g.value("id", std::to_string(line_no));
    doc.text = g["text"].get<std::string>();
    doc.input = gold_path;
    doc.line = line_no;
    if (g.contains("doc_date") && g["doc_date"].is_string()) {
      doc.date = g["doc_date"].get<std::string>();
    } else if (g.contains("published") && g["published"].is_string()) {
      doc.date = g["published"].get<std::string>();
    }
    if (!pipeline.Code(doc).ok()) {
      ++r.failed;
      continue;
    }
    ++r.sentences;
    const GoldEvent want = CurrentGold(pipeline.kb().ontology(), g);
    const std::string& gold = want.type;
    r.types[gold].gold++;
    const Event* first_match = nullptr;
    for (const Event& e : doc.events) {
      TypeScore& ts = r.types[e.event];
      ts.produced++;
      if (e.event == gold) {
        ts.correct++;
        if (!first_match) first_match = &e;
      }
    }
    std::string produced;
    for (const Event& e : doc.events) produced += DescribeEvent(e) + "; ";
    std::string gold_desc = gold + " " + want.mode;
    if (!first_match) {
      r.misses.push_back({doc.id, doc.text, gold_desc, produced});
      continue;
    }
    r.types[gold].found++;
    std::set<std::string> gold_actor = GoldCodes(want.actor);
    std::set<std::string> gold_recipient = GoldCodes(want.recipient);
    r.actor_checked++;
    bool actor_ok = Codes(first_match->actor) == gold_actor;
    if (actor_ok) r.actor_correct++;
    if (!gold_recipient.empty()) {
      r.recipient_checked++;
      if (Codes(first_match->recipient) == gold_recipient) r.recipient_correct++;
    }
    ScoreDetails(g, *first_match, &r);
    const std::string& gold_mode = want.mode;
    if (!gold_mode.empty()) {
      r.mode_checked++;
      if (first_match->mode == gold_mode) r.mode_correct++;
    }
    if (!actor_ok) {
      std::string want;
      for (const auto& c : gold_actor) want += c + ",";
      r.misses.push_back({doc.id, doc.text, gold_desc + " actor " + want, produced});
    }
  }
  int n = 0, gold_sum = 0, found_sum = 0, produced_sum = 0, correct_sum = 0;
  for (const auto& [type, ts] : r.types) {
    produced_sum += ts.produced;
    correct_sum += ts.correct;
    if (ts.gold == 0) continue;
    ++n;
    r.macro_precision += ts.precision();
    r.macro_recall += ts.recall();
    r.macro_f1 += ts.f1();
    gold_sum += ts.gold;
    found_sum += ts.found;
  }
  if (n) {
    r.macro_precision /= n;
    r.macro_recall /= n;
    r.macro_f1 /= n;
  }
  r.micro_precision = produced_sum ? double(correct_sum) / produced_sum : 0;
  r.micro_recall = gold_sum ? double(found_sum) / gold_sum : 0;
  double p = r.micro_precision, rc = r.micro_recall;
  r.micro_f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  return r;
}

std::string FormatReport(const EvalReport& r, bool show_misses) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(3);
  o << std::left << std::setw(11) << "type" << std::right << std::setw(6) << "gold"
    << std::setw(7) << "found" << std::setw(9) << "produced" << std::setw(8) << "P"
    << std::setw(8) << "R" << std::setw(8) << "F1" << "\n";
  for (const auto& [type, ts] : r.types) {
    o << std::left << std::setw(11) << type << std::right << std::setw(6) << ts.gold
      << std::setw(7) << ts.found << std::setw(9) << ts.produced << std::setw(8)
      << ts.precision() << std::setw(8) << ts.recall() << std::setw(8) << ts.f1() << "\n";
  }
  o << "\nsentences " << r.sentences << " (unreadable " << r.failed << ")\n";
  o << "macro  P " << r.macro_precision << "  R " << r.macro_recall << "  F1 " << r.macro_f1
    << "\n";
  o << "micro  P " << r.micro_precision << "  R " << r.micro_recall << "  F1 " << r.micro_f1
    << "\n";
  o << "actor code accuracy     " << r.actor_accuracy() << " (" << r.actor_correct << "/"
    << r.actor_checked << ")\n";
  o << "recipient code accuracy " << r.recipient_accuracy() << " (" << r.recipient_correct
    << "/" << r.recipient_checked << ")\n";
  o << "mode accuracy           " << r.mode_accuracy() << " (" << r.mode_correct << "/"
    << r.mode_checked << ")\n";
  auto detail = [&](const char* label, int correct, int checked) {
    if (checked) {
      o << label << EvalReport::Share(correct, checked) << " (" << correct << "/" << checked << ")\n";
    }
  };
  detail("location country        ", r.country_correct, r.country_checked);
  detail("location place          ", r.place_correct, r.place_checked);
  detail("date and granularity    ", r.date_correct, r.date_checked);
  detail("counts                  ", r.counts_correct, r.counts_checked);
  detail("auxiliary modes         ", r.aux_correct, r.aux_checked);
  if (show_misses) {
    o << "\nmisses:\n";
    for (const EvalMiss& m : r.misses) {
      o << m.id << "  gold " << m.gold << "\n  " << m.text << "\n  produced: " << m.produced
        << "\n";
    }
  }
  return o.str();
}

std::string ReportJson(const EvalReport& r) {
  nlohmann::json j;
  for (const auto& [type, ts] : r.types) {
    j["types"][type] = {{"gold", ts.gold},           {"found", ts.found},
                        {"produced", ts.produced},   {"precision", ts.precision()},
                        {"recall", ts.recall()},     {"f1", ts.f1()}};
  }
  j["sentences"] = r.sentences;
  j["macro"] = {{"precision", r.macro_precision}, {"recall", r.macro_recall}, {"f1", r.macro_f1}};
  j["micro"] = {{"precision", r.micro_precision}, {"recall", r.micro_recall}, {"f1", r.micro_f1}};
  j["actor_code_accuracy"] = r.actor_accuracy();
  j["recipient_code_accuracy"] = r.recipient_accuracy();
  j["mode_accuracy"] = r.mode_accuracy();
  j["location_country_accuracy"] = EvalReport::Share(r.country_correct, r.country_checked);
  j["location_place_accuracy"] = EvalReport::Share(r.place_correct, r.place_checked);
  j["date_accuracy"] = EvalReport::Share(r.date_correct, r.date_checked);
  j["counts_accuracy"] = EvalReport::Share(r.counts_correct, r.counts_checked);
  j["aux_accuracy"] = EvalReport::Share(r.aux_correct, r.aux_checked);
  return j.dump(2);
}

}  // namespace griot
