// A small hand-made world of documents and events for store tests: two
// reports of one attack in Gao (a duplicate pair), an attack far away, a
// protest, arrests, a Burkina attack and an agreement without a place.
// Written through the Store interface, so any engine can hold it.
#pragma once

#include <string>
#include <vector>

#include "griot/store/store.h"
#include "griot/store/stored_event.h"

namespace griot::testing {

struct WorldEvent {
  const char* id;
  const char* doc;
  const char* type;
  const char* mode;
  const char* actor;      // "CODE SECTOR|name|text" or ""
  const char* recipient;
  const char* event_date;  // "" when unresolved
  const char* place;       // "name|country|admin1|precision|lat|lon" or ""
  const char* text;
  int quad;
};

struct WorldDocument {
  const char* id;
  const char* date;
  const char* source;
  const char* title;
};

inline const std::vector<WorldDocument>& WorldDocuments() {
  static const std::vector<WorldDocument> docs = {
      {"d1", "2025-03-10", "Sahel Daily", "Attack near Gao"},
      {"d2", "2025-03-11", "Niger River Post", "Gao: soldiers fire on market"},
      {"d3", "2025-03-11", "Niger River Post", "Timbuktu patrol clash"},
      {"d4", "2025-03-12", "Bamako Voice", "March against the junta"},
      {"d5", "2025-04-02", "Bamako Voice", "Journalists held"},
      {"d6", "2025-04-20", "Ouaga Today", "Attack in Djibo"},
      {"d7", "2025-05-05", "Sahel Daily", "Niamey and Bamako sign pact"},
      {"d8", "2025-05-06", "Ouaga Today", "Pact signed"},
  };
  return docs;
}

inline const std::vector<WorldEvent>& WorldEvents() {
  static const std::vector<WorldEvent> events = {
      {"d1-0-0", "d1", "ASSAULT", "firearms", "MLI MIL||Malian soldiers", "MLI CVL||villagers",
       "2025-03-09", "Gao|MLI|Gao|place|16.27|-0.04",
       "Malian soldiers opened fire on villagers near Gao on Sunday.", 4},
      {"d2-0-0", "d2", "ASSAULT", "firearms", "MLI MIL||troops", "MLI CVL||traders", "",
       "Gao|MLI|Gao|place|16.30|0.05", "Troops fired on traders at the Gao market, witnesses said.", 4},
      {"d3-0-0", "d3", "ASSAULT", "firearms", "MLI MIL||a patrol", "", "2025-03-10",
       "Timbuktu|MLI|Tombouctou|place|16.77|-3.00", "A patrol clashed with gunmen outside Timbuktu.", 4},
      {"d4-0-0", "d4", "PROTEST", "demo", "MLI CVL||Protesters", "MLI GOV||the junta",
       "2025-03-12", "Bamako|MLI|Bamako|place|12.65|-8.00",
       "Protesters marched in Bamako against the junta's decree.", 3},
      {"d5-0-0", "d5", "COERCE", "arrest", "MLI GOV|Assimi Goita|Goita's government",
       "MLI MED||two journalists", "", "Bamako|MLI|Bamako|place|12.65|-8.00",
       "Goita's government detained two journalists in Bamako.", 4},
      {"d6-0-0", "d6", "ASSAULT", "explosives", "BFA REB|JNIM|JNIM fighters", "BFA MIL||an army convoy",
       "2025-04-19", "Djibo|BFA|Sahel|place|14.10|-1.63",
       "JNIM fighters ambushed an army convoy near Djibo, killing twelve soldiers.", 4},
      {"d7-0-0", "d7", "AGREE", "", "NER GOV||Niamey", "MLI GOV||Bamako", "2025-05-04", "",
       "Niamey and Bamako signed a defence pact on Sunday.", 1},
      {"d8-0-0", "d8", "AGREE", "", "MLI GOV||Mali", "NER GOV||Niger", "2025-05-04", "",
       "Mali and Niger signed a pact on Sunday, officials said.", 1},
  };
  return events;
}

inline std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == '|') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

inline StoredArgument WorldArgument(const std::string& spec) {
  std::vector<std::string> f = SplitBar(spec);
  StoredArgument a;
  size_t space = f[0].find(' ');
  a.code = f[0].substr(0, space);
  a.sector = space == std::string::npos ? "" : f[0].substr(space + 1);
  a.name = f.size() > 1 ? f[1] : "";
  a.text = f.size() > 2 ? f[2] : "";
  return a;
}

inline StoredEvent WorldStoredEvent(const WorldEvent& w, const WorldDocument& d) {
  StoredEvent e;
  e.event_id = w.id;
  e.doc_id = w.doc;
  e.event = w.type;
  e.mode = w.mode;
  if (*w.actor) e.actor.push_back(WorldArgument(w.actor));
  if (*w.recipient) e.recipient.push_back(WorldArgument(w.recipient));
  e.text = w.text;
  e.spans = "{\"trigger\":[0,1],\"actor\":[],\"recipient\":[]}";
  e.pattern = "test";
  e.confidence = 0.8;
  e.quad = w.quad;
  e.score = w.quad == 4 ? -9.5 : w.quad == 1 ? 4.0 : -2.0;
  e.cameo = w.quad == 4 ? "190" : w.quad == 1 ? "057" : "141";
  e.report_date = d.date;
  e.event_date = w.event_date;
  e.date_granularity = *w.event_date ? "day" : "unresolved";
  if (*w.place) {
    std::vector<std::string> p = SplitBar(w.place);
    e.location.name = p[0];
    e.location.country = p[1];
    e.location.admin1 = p[2];
    e.location.precision = p[3];
    e.location.lat = std::stod(p[4]);
    e.location.lon = std::stod(p[5]);
    e.location.reason = "test";
  }
  e.counts = "{}";
  e.aux = "[]";
  e.context = {"political_institutions"};
  FillAnalysisDates(&e);
  return e;
}

// Writes the world as a coding run would: each document with its events,
// then its record outcome; Finish() links the duplicates.
inline Status WriteWorld(Store& store) {
  uint64_t line = 0;
  for (const WorldDocument& d : WorldDocuments()) {
    StoredDocument doc;
    doc.id = d.id;
    doc.date = d.date;
    doc.source = d.source;
    doc.title = d.title;
    doc.url = std::string("https://news.example/") + d.id;
    doc.input = "world.jsonl";
    doc.line = ++line;
    doc.content_hash = std::string(32, 'a' + static_cast<char>(line));
    std::vector<StoredEvent> events;
    for (const WorldEvent& w : WorldEvents()) {
      if (std::string(w.doc) == d.id) events.push_back(WorldStoredEvent(w, d));
    }
    doc.events = static_cast<int64_t>(events.size());
    Status st = store.WriteDocument(doc, events);
    if (!st.ok()) return st;
    RecordOutcome o;
    o.input = doc.input;
    o.line = doc.line;
    o.id = doc.id;
    o.outcome = "coded";
    st = store.Account(o);
    if (!st.ok()) return st;
  }
  RunSummary s;
  s.documents_read = s.documents_coded = WorldDocuments().size();
  return store.Finish(s);
}

}  // namespace griot::testing
