#include "griot/pipeline.h"

#include <algorithm>

#include "griot/coder/place_actors.h"
#include "griot/io/reader.h"
#include "griot/util/civil_date.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace griot {

Status Pipeline::Code(Document& doc) const {
  bool blank = true;
  for (char c : doc.text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      blank = false;
      break;
    }
  }
  if (blank) return InvalidArgument("empty text");
  if (doc.text.size() > limits_.max_document_bytes) {
    return InvalidArgument("document too large: " + std::to_string(doc.text.size()) +
                           " bytes (limit " + std::to_string(limits_.max_document_bytes) +
                           "; raise it with --max-doc-bytes)");
  }
  doc.explanations.clear();
  GRIOT_RETURN_IF_ERROR(kb_->front_end().Analyze(doc, limits_.max_sentence_tokens));
  entities_.Match(doc);
  resolver_.Resolve(doc);
  coder_.Code(doc);
  ApplyModes(doc);
  kb_->dates().Annotate(doc);
  kb_->dates().Assign(doc);
  kb_->counts().Extract(doc);
  geolocator_.Locate(doc);
  AttachPlaceCountries(kb_->ontology(), kb_->actor_words(), doc, limits_.explain);
  MarkHistorical(doc);
  Score(doc);
  return Status::Ok();
}

void Pipeline::Score(Document& doc) const {
  const ConfidenceModel& model = kb_->confidence();
  double threshold = limits_.min_confidence >= 0 ? limits_.min_confidence
                                                 : model.Threshold(doc.sentences.size());
  size_t kept = 0;
  for (Event& e : doc.events) {
    e.confidence = model.Score(e);
    if (e.verdict.empty() && e.confidence < threshold) {
      std::ostringstream why;
      why << "confidence: " << std::fixed << std::setprecision(2) << e.confidence
          << " is below the threshold " << threshold;
      if (limits_.explain) {
        doc.explanations.push_back("sentence " + std::to_string(e.sentence) + ": '" +
                                   std::string(doc.Slice(e.trigger)) + "' (" + e.event + ") " +
                                   why.str());
      }
      if (!limits_.all_candidates) continue;
      e.verdict = why.str();
    }
    if (kept != static_cast<size_t>(&e - doc.events.data())) doc.events[kept] = std::move(e);
    ++kept;
  }
  doc.events.resize(kept);
}

// What the ontology says of an event's type and mode, set here once for
// every event whatever rule of the coder made it: the PLOVER score (the
// mode's, else the type's) and the contexts a mode always carries (COERCE
// cyber -> cyber).
void Pipeline::ApplyModes(Document& doc) const {
  const Ontology& ontology = kb_->ontology();
  for (Event& e : doc.events) {
    e.score = ontology.Score(e.event, e.mode);
    const EventMode* mode = ontology.FindMode(e.event, e.mode);
    if (!mode) continue;
    for (const std::string& c : mode->contexts) {
      if (std::find(e.context.begin(), e.context.end(), c) == e.context.end()) e.context.push_back(c);
    }
  }
}

// PLOVER's "historical" auxiliary mode: an event the text dates more than
// 60 days before the report (at month or day granularity, or in an earlier
// year) is background, not news.
void Pipeline::MarkHistorical(Document& doc) const {
  // One count per kind in the record: the first reported wins.
  for (Event& e : doc.events) {
    std::vector<Count> unique;
    for (const Count& c : e.counts) {
      bool seen = false;
      for (const Count& u : unique) seen |= u.kind == c.kind;
      if (!seen) unique.push_back(c);
    }
    e.counts = std::move(unique);
  }
  if (!IsIsoDate(doc.date)) return;
  auto days = [](const std::string& d) {
    return DaysFromCivil(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)), std::stoi(d.substr(8, 2)));
  };
  const int64_t report = days(doc.date.substr(0, 10));
  for (Event& e : doc.events) {
    if (!IsIsoDate(e.date) || e.date_granularity == "unresolved" || e.date_granularity.empty()) {
      continue;
    }
    bool old = e.date_granularity == "year" ? e.date.substr(0, 4) < doc.date.substr(0, 4)
                                            : report - days(e.date) > 60;
    if (old) e.aux.push_back("historical");
    // "Iran hosts a summit in Tehran on Friday": dated after the report, an
    // act is announced, and PLOVER codes an announcement by its own type.
    if (e.date_granularity != "year" && days(e.date) > report) AnnouncedByDate(e);
  }
}

void Pipeline::AnnouncedByDate(Event& e) const {
  const Ontology& o = kb_->ontology();
  if (std::find(e.aux.begin(), e.aux.end(), "future") != e.aux.end()) return;
  std::string type = o.FutureType(e.event, false);
  if (!type.empty()) {
    std::string mode = type == "THREATEN" ? o.ThreatMode(e.event, e.mode) : "";
    if (!o.HasMode(type, mode)) mode.clear();
    e.pattern += " (" + e.event + " as " + type + ": dated after the report)";
    const EventType* et = o.FindType(type);
    e.event = type;
    e.mode = mode;
    e.cameo = o.Cameo(type, mode);
    e.quad = et->quad;
    e.score = et->score;
  }
  if (e.event != "THREATEN") e.aux.push_back("future");
}

}  // namespace griot
