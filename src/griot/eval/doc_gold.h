// Gold events annotated on whole documents that live outside the repository
// (format: gold/README.md; guidelines: docs/annotation.md).
//
//   Result<GoldSet> gold = LoadGold("gold/guardian", &kb->ontology());
//   for (const GoldDocument& d : gold->documents) ...
//
// The files hold ids, code-point offsets and codes, never the texts: the
// scorer (doc_eval.h) reads the texts from the corpus and checks each
// event's `words` against them. Every problem names the file and line.
#pragma once

#include <string>
#include <vector>

#include "griot/kb/ontology.h"
#include "griot/util/status.h"

namespace griot {

struct GoldEntity {
  std::string code;    // ISO-3, IGO, NGO, IMG, MNC or "" (unknown)
  std::string sector;  // PLOVER sector or ""
  std::string words;   // how the sentence names it (for people reading the file)
};

enum class GoldAux : uint8_t { kNegated = 1, kHypothetical = 2, kFuture = 4, kHistorical = 8 };

struct GoldEvent {
  uint32_t begin = 0, end = 0;  // code points in the corpus record's text
  std::string words;            // text[begin, end)
  std::string event, mode;
  std::vector<GoldEntity> actor, recipient;
  bool has_place = false;
  std::string place_name, place_country;  // place_name "" when only the country is known
  std::string date, granularity;          // "" when the text gives no date
  uint8_t aux = 0;                        // GoldAux bits
  bool doubt = false;  // borderline: counts neither for nor against the coder
  std::string source;  // file:line

  bool Has(GoldAux a) const { return aux & static_cast<uint8_t>(a); }
  // Negated and hypothetical events are not expected of a coder's default
  // output; one that emits them must mark them.
  bool Expected() const { return !doubt && !Has(GoldAux::kNegated) && !Has(GoldAux::kHypothetical); }
};

struct GoldDocument {
  std::string id;
  std::string split;  // "dev" or "report"
  std::string date;   // publication day, "" when unknown
  std::string source;
  std::vector<GoldEvent> events;
};

struct GoldSet {
  std::vector<GoldDocument> documents;
};

// Reads one gold file, or every *.jsonl file under a directory (in name
// order). Types, modes and sectors must be the ontology's.
Result<GoldSet> LoadGold(const std::string& path, const Ontology& ontology);

}  // namespace griot
