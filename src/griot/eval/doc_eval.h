// Scores griot on whole documents against hand-annotated gold (doc_gold.h):
// precision, recall, actor, recipient, place and date, per type, and a
// reliability table of the confidence.
//
//   Result<GoldSet> gold = LoadGold("gold/guardian", kb->ontology());
//   DocEvalOptions opt; opt.split = "report";
//   Result<DocEvalReport> r = EvaluateDocuments(pipeline, *gold, "guardian.jsonl", opt);
//   std::cout << FormatDocReport(*r);
//
// Matching (gold/README.md): a produced event matches a gold event of its
// document when the gold trigger starts in the event's sentence and the
// types agree; each gold event takes at most one produced event, nearest
// trigger first. The pipeline should keep every event (min_confidence 0):
// the threshold is applied here, so that the reliability table sees all.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "griot/kb/confidence_model.h"
#include "griot/eval/doc_gold.h"
#include "griot/eval/evaluator.h"
#include "griot/pipeline.h"

namespace griot {

struct DocEvalOptions {
  std::string split = "all";    // dev, report or all
  // Events below are not counted as produced; < 0: the model's default
  // threshold for each document (its articles' or snippets'), or none
  // without a model.
  double min_confidence = -1;
  const ConfidenceModel* model = nullptr;
  bool list_errors = false;     // fill DocEvalReport::errors
};

// A produced event (at any confidence) with its verdict, for calibration.
struct JudgedEvent {
  std::string doc;
  Event event;
  bool correct = false;
};

struct ShareCount {
  int checked = 0, correct = 0;
  double share() const { return checked ? double(correct) / checked : 0; }
  void Add(bool ok) {
    ++checked;
    correct += ok;
  }
};

struct DocEvalReport {
  std::string split;
  double min_confidence = 0;
  int documents = 0;
  int produced = 0, correct = 0, ignored = 0;  // ignored: matched a gold event marked doubt
  int gold = 0, found = 0;                     // gold events expected of a coder
  int wrong_type = 0;  // produced events whose sentence holds a gold event of another type
  std::map<std::string, TypeScore> types;
  ShareCount actor, actor_sector, recipient, recipient_sector, mode, place, country, date;
  ShareCount historical;  // matched gold events marked historical: marked by the coder too
  std::array<ShareCount, 10> reliability;  // confidence deciles, every produced event
  std::map<std::string, ShareCount> by_trigger;  // produced events by trigger kind (verb, noun...)
  std::vector<std::string> warnings;       // gold words not found where the offsets say
  std::vector<std::string> errors;         // false and missed events, when asked
  std::vector<JudgedEvent> judged;

  double precision() const { return produced ? double(correct) / produced : 0; }
  double recall() const { return gold ? double(found) / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Codes the gold documents of the chosen split found in `corpus` (JSONL with
// `id`, `text`, optional `date`). Fails when a gold document is missing from
// the corpus or a record cannot be read.
Result<DocEvalReport> EvaluateDocuments(const Pipeline& pipeline, const GoldSet& gold,
                                        const std::string& corpus, const DocEvalOptions& options);
std::string FormatDocReport(const DocEvalReport& r);
std::string DocReportJson(const DocEvalReport& r);

}  // namespace griot
