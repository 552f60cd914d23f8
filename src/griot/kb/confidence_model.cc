#include "griot/kb/confidence_model.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

constexpr const char* kFormNames[] = {"",         "",       "form:perfect", "form:progressive",
                                      "form:passive", "form:modal", "form:future", "form:infinitive",
                                      "form:nonfinite"};

// The features every event may have, besides type:NAME.
constexpr const char* kFixed[] = {
    "prior-logit",     "trigger:noun",    "trigger:phrase",   "trigger:rule",     "form:perfect",
    "form:progressive", "form:passive",   "form:modal",       "form:future",      "form:infinitive",
    "form:nonfinite",  "actor:none",      "actor:implicit",   "actor:pronoun",    "actor:no-code",
    "recipient:none",  "recipient:no-code", "merged",         "anaphoric",        "quoted",
    "reported",        "crowded",         "lead",             "dated",            "place:none",
    "document:medium", "document:long",   "position:late",   "sentence:long",    "actor:state",
    "dyad",            "participants:none",
    "place:country",   "aux:historical",  "aux:hypothetical", "aux:future",       "aux:negated"};

bool HasAux(const Event& e, const char* a) {
  return std::find(e.aux.begin(), e.aux.end(), a) != e.aux.end();
}

}  // namespace

std::vector<std::string> ConfidenceModel::FeatureNames(const Ontology& ontology) {
  std::vector<std::string> out(std::begin(kFixed), std::end(kFixed));
  for (const auto& [name, type] : ontology.types()) out.push_back("type:" + name);
  return out;
}

std::vector<Feature> ConfidenceModel::Features(const Event& e) {
  std::vector<Feature> f;
  const EventEvidence& ev = e.evidence;
  double prior = std::clamp(static_cast<double>(ev.prior), 0.02, 0.98);
  f.push_back({"prior-logit", std::log(prior / (1 - prior))});
  if (ev.trigger == TriggerKind::kNoun) f.push_back({"trigger:noun", 1});
  if (ev.trigger == TriggerKind::kPhrase) f.push_back({"trigger:phrase", 1});
  if (ev.trigger == TriggerKind::kRule) f.push_back({"trigger:rule", 1});
  if (const char* form = kFormNames[static_cast<int>(ev.form)]; *form) f.push_back({form, 1});
  bool implicit = !e.actor.empty() && e.actor.front().implicit;
  if (e.actor.empty()) {
    f.push_back({"actor:none", 1});
  } else if (implicit) {
    f.push_back({"actor:implicit", 1});
  } else if (std::all_of(e.actor.begin(), e.actor.end(), [](const auto& a) { return a.code.empty(); })) {
    f.push_back({"actor:no-code", 1});
  }
  if (ev.pronoun_actor) f.push_back({"actor:pronoun", 1});
  if (e.recipient.empty()) {
    f.push_back({"recipient:none", 1});
  } else if (std::all_of(e.recipient.begin(), e.recipient.end(),
                         [](const auto& a) { return a.code.empty(); })) {
    f.push_back({"recipient:no-code", 1});
  }
  if (e.actor.empty() && e.recipient.empty()) f.push_back({"participants:none", 1});
  if (ev.merged) f.push_back({"merged", 1});
  if (ev.anaphoric) f.push_back({"anaphoric", 1});
  if (ev.quoted) f.push_back({"quoted", 1});
  if (ev.reported) f.push_back({"reported", 1});
  if (ev.sentence_events >= 3) f.push_back({"crowded", 1});
  if (e.sentence == 0) f.push_back({"lead", 1});
  // News snippets (a few sentences) against long articles, and the news at
  // the top of an article against the background and analysis further down.
  if (ev.document_sentences > 15) {
    f.push_back({"document:long", 1});
  } else if (ev.document_sentences > 3) {
    f.push_back({"document:medium", 1});
  }
  if (e.sentence > 5) f.push_back({"position:late", 1});
  if (ev.sentence_tokens > 35) f.push_back({"sentence:long", 1});
  // A state's government, army or police acting: the core of event data.
  if (!e.actor.empty() && !implicit) {
    const EventArgument& a = e.actor.front();
    if (a.code.size() == 3 && a.code != "IGO" && a.code != "NGO" && a.code != "IMG" &&
        a.code != "MNC" && (a.sector.empty() || a.sector == "GOV" || a.sector == "MIL" ||
                            a.sector == "COP")) {
      f.push_back({"actor:state", 1});
    }
  }
  auto coded = [](const std::vector<EventArgument>& side) {
    return std::any_of(side.begin(), side.end(), [](const auto& a) { return !a.code.empty(); });
  };
  if (!implicit && coded(e.actor) && coded(e.recipient)) f.push_back({"dyad", 1});
  if (!e.date_granularity.empty() && e.date_granularity != "unresolved") f.push_back({"dated", 1});
  const std::string& precision = e.location.precision;
  if (precision.empty()) {
    f.push_back({"place:none", 1});
  } else if (precision != "place" && precision != "admin1") {
    f.push_back({"place:country", 1});
  }
  for (const char* aux : {"historical", "hypothetical", "future", "negated"}) {
    if (HasAux(e, aux)) f.push_back({std::string("aux:") + aux, 1});
  }
  f.push_back({"type:" + e.event, 1});
  // How often the trigger word is right, learned where the annotations
  // hold it often enough (the model file lists those it has weights for).
  if (!ev.lemma.empty()) f.push_back({"lemma:" + ev.lemma, 1});
  return f;
}

double ConfidenceModel::Score(const Event& e) const {
  double z = bias_;
  for (const Feature& f : Features(e)) {
    auto it = weights_by_name_.find(f.name);
    if (it != weights_by_name_.end()) z += it->second * f.value;
  }
  return 1 / (1 + std::exp(-z));
}

Result<ConfidenceModel> ConfidenceModel::Load(const std::string& path, const Ontology& ontology) {
  Result<KbFile> file = ReadKbFile(path, "confidence");
  if (!file.ok()) return file.status();
  std::vector<std::string> names = FeatureNames(ontology);
  std::set<std::string> known(names.begin(), names.end());
  ConfidenceModel m;
  bool have_threshold = false, have_snippet = false;
  for (const KbLine& l : file->lines) {
    const auto& f = l.fields;
    double v = 0;
    const std::string& number = f.back();
    try {
      size_t used = 0;
      v = std::stod(number, &used);
      if (used != number.size()) throw std::invalid_argument(number);
    } catch (...) {
      return file->Error(l, "'" + number + "' is not a number");
    }
    if (f[0] == "bias" && f.size() == 2) {
      m.bias_ = v;
    } else if (f[0] == "threshold" && f.size() == 2) {
      if (v < 0 || v > 1) return file->Error(l, "threshold must be within 0..1");
      m.threshold_ = v;
      if (!have_snippet) m.snippet_threshold_ = v;
      have_threshold = true;
    } else if (f[0] == "snippet-threshold" && f.size() == 2) {
      if (v < 0 || v > 1) return file->Error(l, "snippet-threshold must be within 0..1");
      m.snippet_threshold_ = v;
      have_snippet = true;
    } else if (f[0] == "weight" && f.size() == 3) {
      if (!known.count(f[1]) && f[1].rfind("lemma:", 0) != 0) {
        return file->Error(l, "unknown feature '" + f[1] + "'");
      }
      m.weights_[f[1]] = v;
      m.weights_by_name_[f[1]] = v;
    } else {
      return file->Error(
          l, "expected 'bias | X', 'threshold | X', 'snippet-threshold | X' or 'weight | FEATURE | X'");
    }
  }
  if (!have_threshold) return InvalidArgument(path + ": no 'threshold | X' line");
  return m;
}

std::string ConfidenceModel::Format(double bias, double threshold, double snippet_threshold,
                                   const std::map<std::string, double>& w,
                                   const std::string& header) {
  std::ostringstream o;
  o << "griot-kb confidence 1\n" << header;
  o << std::fixed << std::setprecision(4);
  o << "threshold | " << threshold << "\n";
  o << "snippet-threshold | " << snippet_threshold << "\n";
  o << "bias      | " << bias << "\n";
  for (const auto& [name, weight] : w) {
    o << "weight    | " << std::left << std::setw(18) << name << " | " << weight << "\n";
  }
  return o.str();
}

}  // namespace griot
