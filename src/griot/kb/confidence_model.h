// Confidence: the probability that an event record is right -- a real event
// of the coded type -- given what the coder saw (EventEvidence) and what the
// later stages found (date, place, auxiliary modes).
//
// A logistic model: confidence = 1 / (1 + exp(-(bias + sum of weight x
// feature))). The weights are knowledge-base data (kb/<lang>/confidence.txt),
// trained by `griot calibrate` on the dev half of our annotated real news
// (gold/), so that a confidence of 0.8 means that about 80% of such events
// are right; docs/confidence.md has the features and the reliability table.
// The file also sets the default thresholds below which `griot code` leaves
// an event out: one for articles, one for snippets of at most three
// sentences (short news reports, single sentences), each chosen so that
// what is kept is at least 80% right on that kind of text.
//
//   Result<ConfidenceModel> m = ConfidenceModel::Load("kb/en/confidence.txt", ontology);
//   for (Event& e : doc.events) e.confidence = m->Score(e);
#pragma once

#include <map>
#include <string>
#include <vector>

#include "griot/doc/document.h"
#include "griot/kb/ontology.h"
#include "griot/util/status.h"

namespace griot {

// The model's inputs, by name as the weights file writes them.
struct Feature {
  std::string name;
  double value;
};

class ConfidenceModel {
 public:
  static Result<ConfidenceModel> Load(const std::string& path, const Ontology& ontology);
  // The features of one event (the active ones; absent features are 0).
  static std::vector<Feature> Features(const Event& e);
  // Every feature name the model knows, for the trainer and the validator.
  static std::vector<std::string> FeatureNames(const Ontology& ontology);

  double Score(const Event& e) const;
  double threshold() const { return threshold_; }  // for articles
  double snippet_threshold() const { return snippet_threshold_; }
  // The default threshold for a document of this many sentences.
  double Threshold(size_t document_sentences) const {
    return document_sentences <= kSnippetSentences ? snippet_threshold_ : threshold_;
  }
  static constexpr size_t kSnippetSentences = 3;
  double bias() const { return bias_; }
  const std::map<std::string, double>& weights() const { return weights_; }

  // Writes a model in the file's format; `header` holds comment lines.
  static std::string Format(double bias, double threshold, double snippet_threshold,
                            const std::map<std::string, double>& w, const std::string& header);

 private:
  double bias_ = 0;
  double threshold_ = 0.5;
  double snippet_threshold_ = 0.5;
  std::map<std::string, double, std::less<>> weights_by_name_;
  std::map<std::string, double> weights_;
};

}  // namespace griot
