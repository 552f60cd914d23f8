// EventCoder: turns the triggers and actor mentions of each sentence into
// PLOVER event records (Document::events).
//
// For every trigger: find the actor and recipient (roles.h) according to the
// pattern's roles and the verb group's voice; apply negation and modality;
// drop events with no actor or recipient, and events whose subject is a
// natural or accidental cause. Then, per sentence: events framed by a
// governing trigger ("threatened to attack", "condemned the killing of") are
// dropped, and several triggers of one type are merged into one event.
#pragma once

#include "griot/doc/document.h"
#include "griot/kb/knowledge_base.h"

namespace griot {

class EventCoder {
 public:
  explicit EventCoder(const KnowledgeBase* kb) : kb_(kb) {}
  void Code(Document& doc) const;

 private:
  void CodeSentence(Document& doc, uint32_t sentence_index) const;
  const KnowledgeBase* kb_;
};

}  // namespace griot
