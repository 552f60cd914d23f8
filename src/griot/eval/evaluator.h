// Evaluator: codes gold sentences and scores the events against them.
//
//   Result<EvalReport> r = Evaluate(pipeline, "dev.jsonl");
//   std::cout << FormatReport(*r);
//
// Definitions (one gold event per sentence, as in the PLOVER gold records):
//  - recall of type T: share of gold sentences of type T for which an event
//    of type T is produced;
//  - precision of type T: share of produced events of type T whose sentence's
//    gold type is T;
//  - macro figures average the per-type figures over the gold types; micro
//    figures pool all sentences and events;
//  - gold types and modes in older PLOVER names (ontology.txt renames) are
//    read as today's, actor and recipient swapped where a rename says so
//    (a "host" record is a visit by its recipient);
//  - actor (recipient) code accuracy: over sentences whose gold event was
//    found, the share where the set of codes of the first produced event of
//    the gold type equals the set of gold actor (recipient) codes; recipient
//    accuracy counts only sentences whose gold record has a recipient.
//  - where a gold record carries them, over sentences whose gold event was
//    found (first produced event of the gold type): location (`location`:
//    {"country", "name"}: country right; place right when a name is given,
//    compared case- and accent-insensitively), date (`event_date` and
//    `date_granularity`, both right; the document date comes from `doc_date`
//    or `published`), counts (`counts`: the same kinds with the same
//    [min, max]), auxiliary modes (`aux`: the same set).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "griot/pipeline.h"

namespace griot {

struct TypeScore {
  int gold = 0, found = 0, produced = 0, correct = 0;
  double precision() const { return produced ? double(correct) / produced : 0; }
  double recall() const { return gold ? double(found) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalMiss {
  std::string id, text, gold, produced;  // produced: "TYPE actor>recipient; ..."
};

struct EvalReport {
  std::map<std::string, TypeScore> types;
  int sentences = 0;
  int failed = 0;  // records that could not be read or coded
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;
  double micro_precision = 0, micro_recall = 0, micro_f1 = 0;
  int actor_checked = 0, actor_correct = 0;
  int recipient_checked = 0, recipient_correct = 0;
  int mode_checked = 0, mode_correct = 0;
  int country_checked = 0, country_correct = 0;
  int place_checked = 0, place_correct = 0;
  int date_checked = 0, date_correct = 0;
  int counts_checked = 0, counts_correct = 0;
  int aux_checked = 0, aux_correct = 0;
  std::vector<EvalMiss> misses;  // gold event not found, or wrong actor
  double actor_accuracy() const { return actor_checked ? double(actor_correct) / actor_checked : 0; }
  double recipient_accuracy() const {
    return recipient_checked ? double(recipient_correct) / recipient_checked : 0;
  }
  double mode_accuracy() const { return mode_checked ? double(mode_correct) / mode_checked : 0; }
  static double Share(int correct, int checked) { return checked ? double(correct) / checked : 0; }
};

Result<EvalReport> Evaluate(const Pipeline& pipeline, const std::string& gold_path);
std::string FormatReport(const EvalReport& r, bool show_misses);
std::string ReportJson(const EvalReport& r);

}  // namespace griot
