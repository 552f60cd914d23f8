// ActorResolver: gives actor mentions that name only a sector ("police",
// "the junta", "President X's government") the country the text implies,
// and records why in Entity::note:
//   1. a country right after the mention: "security forces in Guinea",
//      "the junta of Mali" ("in X" only for state organs, the sentence's
//      first actor, or when no other country is in play: "a deal with the
//      rebels in Algiers" names a venue);
//   2. otherwise the one country the sentence names as a place, when it
//      names no other: "police fired on protesters in Kampala" (never for
//      refugees, who are by definition away from home);
//   3. a named office holder ("President X") whose sentence names only the
//      document's focal country, and not as the target of the action
//      ("banned Ugandan opposition candidates" yes, "threatened action
//      against Russia" no);
//   4. otherwise, when the sentence mentions no country, the document's
//      focal country (the one its mentions name most often).
// A sentence naming several countries leaves the mention without a code
// rather than guess. Before all that, a surname alone ("Déby said") takes
// the identity of the full name met earlier in the document.
#pragma once

#include "griot/doc/document.h"

namespace griot {

class ActorResolver {
 public:
  void Resolve(Document& doc) const;

 private:
  void LinkSurnames(Document& doc) const;
};

// True for ISO-3 country codes, false for IGO, NGO, IMG, MNC and "".
bool IsCountryCode(const std::string& code);

}  // namespace griot
