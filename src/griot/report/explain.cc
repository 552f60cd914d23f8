#include "griot/report/explain.h"

#include <sstream>

#include "griot/io/event_json.h"

namespace griot {
namespace {

const char* TagName(Tag t) {
  static const char* kNames[] = {"?",   "NOUN", "PROPN", "PRON", "VERB", "PART", "GER",
                                 "AUX", "MOD",  "ADJ",   "ADV",  "NEG",  "DET",  "PREP",
                                 "CONJ", "SUB", "TO",    "NUM",  "POS",  "PUNCT"};
  return kNames[static_cast<int>(t)];
}

std::string_view Words(const Document& doc, uint32_t first, uint32_t last) {
  return doc.Slice({doc.tokens[first].span.begin, doc.tokens[last - 1].span.end});
}

}  // namespace

std::string ExplainDocument(const Document& doc, const Gazetteer& gazetteer) {
  std::ostringstream o;
  if (!doc.date.empty()) o << "document date: " << doc.date << "\n";
  if (!doc.focus_country.empty()) o << "focal country: " << doc.focus_country << "\n";
  for (const Sentence& s : doc.sentences) {
    o << "sentence: " << doc.Slice(s.span) << "\n  tokens:";
    for (uint32_t i = s.first_token; i < s.last_token; ++i) {
      const Token& t = doc.tokens[i];
      o << " " << doc.Slice(t.span) << "/" << TagName(t.tag);
      if (t.lemma != t.lower) o << "(" << t.lemma << ")";
    }
    o << "\n  phrases:";
    for (const Chunk& c : s.chunks) {
      if (c.kind == ChunkKind::kOther || c.kind == ChunkKind::kPrepPhrase) continue;
      o << " [" << (c.kind == ChunkKind::kVerbGroup ? "VG" : "NP") << " "
        << Words(doc, c.first, c.last) << (c.passive ? " +passive" : "")
        << (c.negated ? " +negated" : "") << (c.future ? " +future" : "")
        << (c.hypothetical ? " +hypothetical" : "") << (c.deontic ? " +obligation" : "") << "]";
    }
    o << "\n  actors:";
    for (const Entity& e : s.entities) {
      o << " [" << Words(doc, e.first, e.last) << " = " << (e.code.empty() ? "?" : e.code) << ":"
        << e.sector << (e.name.empty() ? "" : " \"" + e.name + "\"") << " <" << e.source
        << (e.note.empty() ? "" : "; " + e.note) << ">]";
    }
    if (!s.times.empty()) {
      o << "\n  times:";
      for (const TimeExpression& t : s.times) {
        o << " [" << Words(doc, t.first, t.last) << " = " << t.date << " " << t.granularity << " <"
          << t.rule << ">]";
      }
    }
    if (!s.places.empty()) {
      o << "\n  places:";
      for (const PlaceMention& m : s.places) {
        Place p = gazetteer.place(m.place);
        o << " [" << Words(doc, m.first, m.last) << " = " << p.name << ", " << p.admin1 << ", "
          << p.country << " <" << m.reason << ">]";
      }
    }
    o << "\n";
  }
  if (!doc.explanations.empty()) {
    o << "why:\n";
    for (const std::string& e : doc.explanations) o << "  " << e << "\n";
  }
  o << "events:\n";
  for (const Event& e : doc.events) o << EventToJson(doc, e).dump() << "\n";
  return o.str();
}

}  // namespace griot
