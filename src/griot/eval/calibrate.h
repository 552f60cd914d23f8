// Calibrate: fits the confidence model (kb/confidence_model.h) to events judged
// against hand-annotated gold (doc_eval.h), so that a confidence means the
// share of such events that are right, and picks the default threshold.
//
//   std::vector<JudgedEvent> judged = ...;  // DocEvalReport::judged over the dev halves
//   Result<Calibration> c = Calibrate(judged, kb->ontology(), {});
//   write ConfidenceModel::Format(c->bias, c->threshold, c->weights, c->header);
//
// The model is an L2-regularised logistic regression fitted by Newton's
// method (a few dozen features, a few hundred events: exact and fast). The
// threshold is chosen on cross-validated predictions (folds by document, so
// no document informs its own score): the lowest threshold whose events are
// at least `target_precision` right.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "griot/eval/doc_eval.h"
#include "griot/kb/ontology.h"

namespace griot {

struct CalibrationOptions {
  double l2 = 2.0;                 // penalty on every weight but the bias
  double target_precision = 0.8;   // of the events kept by the default threshold
  int folds = 5;
  // A trigger word gets its own weight once this many judged events have it
  // (0: no word weights).
  int min_lemma_events = 8;
  // One threshold for articles and one for snippets (at most three
  // sentences), each chosen on its own events: the model's probabilities are
  // fitted mostly on articles, and a snippet's event is right more often at
  // the same score. Off: one threshold chosen on every event.
  bool threshold_by_length = true;
};

struct Calibration {
  double bias = 0;
  std::map<std::string, double> weights;
  double threshold = 0.5;          // articles
  double snippet_threshold = 0.5;  // documents of at most three sentences
  std::string header;  // comment lines for the model file: data, fit, reliability
};

Result<Calibration> Calibrate(const std::vector<JudgedEvent>& events, const Ontology& ontology,
                              const CalibrationOptions& options);

}  // namespace griot
