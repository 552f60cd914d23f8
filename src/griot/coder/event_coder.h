// EventCoder: turns the triggers and actor mentions of each sentence into
// PLOVER event records (Document::events).
//
// For every trigger: find the actor and recipient (roles.h) according to the
// pattern's roles and the verb group's voice; apply negation and modality;
// drop events with no actor or recipient, and events whose subject is a
// natural or accidental cause. Then, per sentence: events framed by a
// governing trigger ("threatened to attack", "condemned the killing of") are
// dropped, and several triggers of one type are merged into one event.
//
// Auxiliary modes (PLOVER): "negated" events are left out unless asked
// for; "hypothetical" (if/unless clauses, may/might/could) and "future"
// (will, plans) events are kept and tagged; "historical" is set later, once
// dates are known. Contexts: those cued in the event's sentence plus those
// cued in two or more of the document's sentences that hold events.
#pragma once

#include "griot/doc/document.h"
#include "griot/kb/knowledge_base.h"

namespace griot {

class EventCoder {
 public:
  // keep_negated: code "did not arrest" as an event tagged aux "negated"
  // instead of leaving it out.
  explicit EventCoder(const KnowledgeBase* kb, bool keep_negated = false, bool explain = false)
      : kb_(kb), keep_negated_(keep_negated), explain_(explain) {}
  void Code(Document& doc) const;

 private:
  void CodeSentence(Document& doc, uint32_t sentence_index,
                    const std::vector<std::string>& contexts) const;
  std::vector<std::string> SentenceContexts(const Document& doc, uint32_t si) const;
  const KnowledgeBase* kb_;
  bool keep_negated_;
  bool explain_;  // record in Document::explanations why each trigger ended as it did
};

}  // namespace griot
