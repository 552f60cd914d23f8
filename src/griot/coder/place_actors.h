// PlaceActors: gives an office or sector actor with no country ("the
// government", "police", "President Prosper Avril") the country of the place
// where its event happens, when that place is named in the event's own
// sentence: "The government of Sindh province ordered patrols" -> PAK GOV.
//
// Runs after the geolocator, for events done at home: force, repression and
// protest (quad 4) and concessions and retreats. Visits, talks, statements
// and aid happen where the host is, so they are left alone.
// Only actors the knowledge base read as a sector noun or title are
// completed; unknown names keep their empty code (they may be foreigners),
// actors marked foreign or international (the outsider stems of
// actor_words.txt) and refugees are left alone. In verbal and cooperative
// events (quads 1-3) a party coded to another country makes the place a
// venue ("Mali signed with the rebels in Algiers"): no change. Physical
// events (quad 4) happen where they are: "Russian jets bombed rebels in
// Idlib" -> the rebels are SYR.
// A physical event with no actor at all gets an implicit, unidentified actor
// of the place (the type's implicit sector, if any), as ICEWS-style coding
// does for unclaimed attacks. A place that is only the document's focus is
// not evidence enough. Each
// completion sets EventArgument::code_from = "location" and, when explaining,
// says so.
#pragma once

#include "griot/doc/document.h"
#include "griot/kb/actor_words.h"
#include "griot/kb/ontology.h"

namespace griot {

void AttachPlaceCountries(const Ontology& ontology, const ActorWords& words, Document& doc,
                          bool explain);

}  // namespace griot
