// Pipeline: the whole coding path for one document, over one knowledge base.
//
//   Pipeline pipeline(kb.get());
//   Document doc; doc.id = "d1"; doc.text = "Malian soldiers detained two journalists.";
//   Status st = pipeline.Code(doc);   // doc.events now holds the events
//
// Stateless apart from the immutable knowledge base: one Pipeline may be
// used from several threads at once.
#pragma once

#include "griot/coder/actor_resolver.h"
#include "griot/coder/entity_matcher.h"
#include "griot/coder/event_coder.h"
#include "griot/doc/document.h"
#include "griot/geo/geolocator.h"
#include "griot/kb/knowledge_base.h"

namespace griot {

struct Limits {
  size_t max_document_bytes = 1 << 20;  // larger documents are refused, not truncated
  bool keep_negated = false;            // code negated events, tagged aux "negated"
  bool explain = false;                 // fill Document::explanations (griot explain)
  uint32_t max_sentence_tokens = 200;   // longer sentences are cut into pieces of this size
  bool all_candidates = false;          // keep rejected candidates, with their verdict (Event::verdict)
  // Events whose confidence is below this are left out; negative: the
  // knowledge base's default (confidence.txt's thresholds for articles and
  // for snippets).
  double min_confidence = -1;
};

class Pipeline {
 public:
  explicit Pipeline(const KnowledgeBase* kb, Limits limits = {})
      : kb_(kb),
        limits_(limits),
        entities_(&kb->actors(), &kb->actor_words()),
        coder_(kb, CoderOptions{limits.keep_negated, limits.explain, limits.all_candidates}),
        geolocator_(&kb->gazetteer()) {}

  // Codes doc.text into doc.events. Fails (naming the reason) on empty,
  // oversized or undecodable text.
  Status Code(Document& doc) const;

  const KnowledgeBase& kb() const { return *kb_; }

 private:
  // The score and implied contexts of each event's type and mode.
  void ApplyModes(Document& doc) const;
  // Fills what depends on the whole record: one count per kind, and the
  // "historical" auxiliary mode.
  void MarkHistorical(Document& doc) const;
  // Codes an event dated after the report as the announcement it is.
  void AnnouncedByDate(Event& e) const;
  // Scores every event (kb/confidence_model.h) and leaves out those below the
  // threshold (or marks them, when all candidates are kept).
  void Score(Document& doc) const;
  const KnowledgeBase* kb_;
  Limits limits_;
  EntityMatcher entities_;
  ActorResolver resolver_;
  EventCoder coder_;
  Geolocator geolocator_;
};

}  // namespace griot
