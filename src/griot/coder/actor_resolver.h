// ActorResolver: gives actor mentions that name only a sector ("police",
// "the junta", "President X's government") the country the text implies,
// and records why in Entity::note:
//   1. a country right after the mention: "security forces in Guinea",
//      "the junta of Mali";
//   2. otherwise the one country the sentence mentions: "Police fired on
//      Ugandan opposition supporters";
//   3. otherwise, when the sentence mentions none, the document's focal
//      country (the one its mentions name most often).
// A sentence naming several countries leaves the mention without a code
// rather than guess.
#pragma once

#include "griot/doc/document.h"

namespace griot {

class ActorResolver {
 public:
  void Resolve(Document& doc) const;
};

// True for ISO-3 country codes, false for IGO, NGO, IMG, MNC and "".
bool IsCountryCode(const std::string& code);

}  // namespace griot
