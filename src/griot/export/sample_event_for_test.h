// The hand-built event the export tests format: two recipients, an
// organisation actor, a place, dedup totals, and a sentence with a comma,
// quotes and a line break.
#pragma once

#include "griot/store/stored_event.h"

namespace griot::testing {

inline StoredEvent SampleEvent() {
  StoredEvent e;
  e.event_id = "doc1-2-0";
  e.doc_id = "doc1";
  e.sentence = 2;
  e.event = "ASSAULT";
  e.mode = "firearms";
  e.context = {"military", "terrorism"};
  e.actor = {{"JNIM fighters", "IMG", "REB", "JNIM", false, ""}};
  e.recipient = {{"Malian soldiers", "MLI", "MIL", "", false, ""},
                 {"Wagner fighters", "RUS", "MIL", "Wagner Group", false, ""}};
  e.cameo = "190";
  e.quad = 4;
  e.score = -10;
  e.text = "Fighters attacked \"the camp\", near Mopti,\nkilling 12.";
  e.spans = "{}";
  e.pattern = "assault.txt:12 verb attack";
  e.confidence = 0.85;
  e.report_date = "2025-05-15";
  e.event_date = "2025-05-14";
  e.date_granularity = "day";
  FillAnalysisDates(&e);
  e.location = {"Sévaré", "MLI", "Mopti", 14.5333, -4.0958, "place", 2451185, "gazetteer"};
  e.counts = R"({"killed":[12,12]})";
  e.aux = "[]";
  e.canonical_id = e.event_id;
  e.mentions = 3;
  e.articles = 3;
  e.sources = 2;
  e.first_reported = "2025-05-15";
  e.last_reported = "2025-05-16";
  e.title = "Attack near Mopti";
  e.url = "https://example.org/a1";
  e.source = "example";
  return e;
}

}  // namespace griot::testing
