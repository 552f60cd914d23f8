#include "griot/coder/place_actors.h"

#include "griot/kb/ontology.h"

namespace griot {
namespace {

bool NamedInSentence(const Location& l) {
  return l.reason.rfind("clause", 0) == 0 || l.reason.rfind("sentence", 0) == 0;
}

// "foreign troops", "international monitors", "Western diplomats": acting
// somewhere is not belonging there. The word (actor_words.txt) may be inside
// the actor's text or just before it; "foreign minister" is an office at home.
bool Outsider(const ActorWords& words, const Document& doc, const EventArgument& a) {
  std::string_view before;
  if (a.span.begin <= doc.text.size()) {
    size_t end = a.span.begin;
    while (end > 0 && doc.text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(doc.text[begin - 1]))) --begin;
    before = std::string_view(doc.text).substr(begin, end - begin);
  }
  return words.MarksOutsider(a.text, before);
}

}  // namespace

void AttachPlaceCountries(const Ontology& ontology, const ActorWords& words, Document& doc,
                          bool explain) {
  for (Event& e : doc.events) {
    if (e.location.country.empty() || !NamedInSentence(e.location)) continue;
    // Diplomacy and aid travel: a visit, a meeting or a delivery "in Accra"
    // says where the host is, not where the visitor is from. Only what is
    // done at home is completed: force, repression, protest (quad 4) and
    // yielding at home (CONCEDE, RETREAT).
    if (e.quad != 4 && e.event != "CONCEDE" && e.event != "RETREAT") continue;
    // A party from elsewhere makes the place a venue, not a home: "Mali
    // signed a peace agreement with the rebels in Algiers".
    bool foreign_party = false;
    for (const auto* args : {&e.actor, &e.recipient}) {
      for (const EventArgument& a : *args) {
        foreign_party |= a.code.size() == 3 && a.code != e.location.country;
      }
    }
    // Physical events (quad 4: violence, repression, protest, force) happen
    // where they are; the place stays home to their uncoded parties even
    // with foreigners involved ("Russian jets bombed rebels in Idlib").
    // A concession with a foreign party is negotiated at a venue.
    if (foreign_party && e.quad != 4) continue;
    auto complete = [&](std::vector<EventArgument>& args, const char* role) {
      for (EventArgument& a : args) {
        // Refugees and migrants are where they are because they come from
        // elsewhere.
        if (!a.code.empty() || a.sector.empty() || a.sector == "REF" || a.implicit ||
            Outsider(words, doc, a)) {
          continue;
        }
        a.code = e.location.country;
        a.code_from = "location";
        if (explain) {
          doc.explanations.push_back("sentence " + std::to_string(e.sentence) + ": " + role + " '" +
                                     a.text + "' takes " + a.code + " from the event's place '" +
                                     e.location.name + "'");
        }
      }
    };
    // A physical event with nobody named as doing it ("a roadside bomb near
    // Samarra killed a soldier", "streets were blocked in Hong Kong"): an
    // unidentified actor of the place, with the sector the type implies.
    if (e.actor.empty() && e.quad == 4) {
      EventArgument unknown;
      if (const EventType* t = ontology.FindType(e.event)) {
        unknown.sector = t->implicit_actor;
        auto it = t->mode_implicit_actor.find(e.mode);
        if (it != t->mode_implicit_actor.end()) unknown.sector = it->second;
      }
      unknown.code = e.location.country;
      unknown.implicit = true;
      unknown.code_from = "location";
      e.actor.push_back(unknown);
      if (explain) {
        doc.explanations.push_back("sentence " + std::to_string(e.sentence) +
                                   ": no actor named; an unidentified " + unknown.code +
                                   " actor from the event's place '" + e.location.name + "'");
      }
    }
    complete(e.actor, "actor");
    complete(e.recipient, "recipient");
  }
}

}  // namespace griot
