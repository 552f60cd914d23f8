// Differential test of ToStoredEvents: the direct writers (stored_json.h)
// against the conversion as first written, which printed each event as its
// JSONL record and read the stored fields back through nlohmann::json. Every
// field of every row must match byte for byte, on documents coded by the
// real pipeline and on hand-made events that reach the odd corners (escapes,
// repeated count kinds, spans outside the sentence, round-off to -0).
#include "griot/store/stored_event.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>

#include "griot/io/event_json.h"
#include "griot/store/stored_json.h"
#include "test_support.h"

namespace griot::testing {
namespace {

// ---- The reference: the old conversion, through the JSON DOM. ----
StoredArgument ReferenceArgument(const EventArgument& a) {
  StoredArgument s;
  s.text = a.text;
  s.code = a.code;
  s.sector = a.sector;
  s.name = a.name;
  s.implicit = a.implicit;
  s.code_from = a.code_from;
  return s;
}

std::vector<StoredEvent> ReferenceStoredEvents(const Document& doc) {
  std::vector<StoredEvent> out;
  std::string report_date = doc.date.size() >= 10 ? doc.date.substr(0, 10) : "";
  for (const Event& e : doc.events) {
    nlohmann::json j = EventToJson(doc, e);
    StoredEvent s;
    s.event_id = e.event_id;
    s.doc_id = doc.id;
    s.sentence = e.sentence;
    s.event = e.event;
    s.mode = e.mode;
    s.context = e.context;
    for (const EventArgument& a : e.actor) s.actor.push_back(ReferenceArgument(a));
    for (const EventArgument& a : e.recipient) s.recipient.push_back(ReferenceArgument(a));
    s.cameo = e.cameo;
    s.quad = e.quad;
    s.score = e.score;
    s.text = j["text"].get<std::string>();
    s.spans = j["spans"].dump();
    s.pattern = e.pattern;
    s.confidence = j["confidence"].get<double>();
    s.report_date = report_date;
    s.event_date = e.date;
    s.date_granularity = e.date_granularity.empty() ? "unresolved" : e.date_granularity;
    FillAnalysisDates(&s);
    if (!e.location.precision.empty()) {
      const nlohmann::json& l = j["location"];
      s.location.name = e.location.name;
      s.location.country = e.location.country;
      s.location.admin1 = e.location.admin1;
      s.location.lat = l["lat"].get<double>();
      s.location.lon = l["lon"].get<double>();
      s.location.precision = e.location.precision;
      s.location.geonames_id = e.location.geonames_id;
      s.location.reason = e.location.reason;
    }
    s.counts = j["counts"].dump();
    s.aux = j["aux"].dump();
    out.push_back(std::move(s));
  }
  return out;
}

// Doubles compared bit for bit: 0.0 and -0.0 are different rows to a store.
bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

void ExpectSameArguments(const std::vector<StoredArgument>& got,
                         const std::vector<StoredArgument>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].text, want[i].text);
    EXPECT_EQ(got[i].code, want[i].code);
    EXPECT_EQ(got[i].sector, want[i].sector);
    EXPECT_EQ(got[i].name, want[i].name);
    EXPECT_EQ(got[i].implicit, want[i].implicit);
    EXPECT_EQ(got[i].code_from, want[i].code_from);
  }
}

// Returns the number of events compared.
size_t ExpectSameAsReference(const Document& doc) {
  std::vector<StoredEvent> got = ToStoredEvents(doc);
  std::vector<StoredEvent> want = ReferenceStoredEvents(doc);
  EXPECT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size() && i < want.size(); ++i) {
    const StoredEvent& g = got[i];
    const StoredEvent& w = want[i];
    SCOPED_TRACE(doc.id + " event " + w.event_id);
    EXPECT_EQ(g.event_id, w.event_id);
    EXPECT_EQ(g.doc_id, w.doc_id);
    EXPECT_EQ(g.sentence, w.sentence);
    EXPECT_EQ(g.event, w.event);
    EXPECT_EQ(g.mode, w.mode);
    EXPECT_EQ(g.context, w.context);
    ExpectSameArguments(g.actor, w.actor);
    ExpectSameArguments(g.recipient, w.recipient);
    EXPECT_EQ(g.cameo, w.cameo);
    EXPECT_EQ(g.quad, w.quad);
    EXPECT_TRUE(SameBits(g.score, w.score)) << g.score << " vs " << w.score;
    EXPECT_EQ(g.text, w.text);
    EXPECT_EQ(g.spans, w.spans);
    EXPECT_EQ(g.pattern, w.pattern);
    EXPECT_TRUE(SameBits(g.confidence, w.confidence)) << g.confidence << " vs " << w.confidence;
    EXPECT_EQ(g.report_date, w.report_date);
    EXPECT_EQ(g.event_date, w.event_date);
    EXPECT_EQ(g.date_granularity, w.date_granularity);
    EXPECT_EQ(g.day, w.day);
    EXPECT_EQ(g.week, w.week);
    EXPECT_EQ(g.month, w.month);
    EXPECT_EQ(g.location.name, w.location.name);
    EXPECT_EQ(g.location.country, w.location.country);
    EXPECT_EQ(g.location.admin1, w.location.admin1);
    EXPECT_TRUE(SameBits(g.location.lat, w.location.lat)) << g.location.lat << " vs " << w.location.lat;
    EXPECT_TRUE(SameBits(g.location.lon, w.location.lon)) << g.location.lon << " vs " << w.location.lon;
    EXPECT_EQ(g.location.precision, w.location.precision);
    EXPECT_EQ(g.location.geonames_id, w.location.geonames_id);
    EXPECT_EQ(g.location.reason, w.location.reason);
    EXPECT_EQ(g.counts, w.counts);
    EXPECT_EQ(g.aux, w.aux);
  }
  return want.size();
}

TEST(StoredEvents, SameAsReferenceOnTheCodedSample) {
  if (Kb().gazetteer().size() == 0) GTEST_SKIP() << "no gazetteer in this build";
  std::ifstream in(SourcePath("samples/sahel-sample.jsonl"));
  ASSERT_TRUE(in) << "samples/sahel-sample.jsonl";
  Pipeline pipeline(&Kb(), AllEvents());
  std::string line;
  size_t events = 0;
  bool some_location = false, some_count = false;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    Document doc;
    doc.id = j.value("id", "");
    doc.title = j.value("title", "");
    doc.date = j.value("date", "");
    doc.source = j.value("source", "");
    doc.url = j.value("url", "");
    doc.text = j.value("text", "");
    ASSERT_TRUE(pipeline.Code(doc).ok()) << doc.id;
    for (const Event& e : doc.events) {
      some_location |= !e.location.precision.empty();
      some_count |= !e.counts.empty();
    }
    events += ExpectSameAsReference(doc);
  }
  EXPECT_GT(events, 20u);
  EXPECT_TRUE(some_location);
  EXPECT_TRUE(some_count);
}

// Three sentences; events sit in the second one.
Document HandMadeDocument() {
  Document doc;
  doc.id = "hand \"made\"";
  doc.date = "2025-03-11T08:00:00Z";
  doc.text =
      "Earlier, he left. Côte d'Ivoire troops \"shelled\" a\\b village\tnear Bouaké. Then quiet.";
  auto sentence = [&](std::string_view s) {
    Sentence out;
    out.span.begin = static_cast<uint32_t>(doc.text.find(s));
    out.span.end = out.span.begin + static_cast<uint32_t>(s.size());
    return out;
  };
  doc.sentences.push_back(sentence("Earlier, he left."));
  doc.sentences.push_back(sentence("Côte d'Ivoire troops \"shelled\" a\\b village\tnear Bouaké."));
  doc.sentences.push_back(sentence("Then quiet."));
  return doc;
}

ByteSpan Find(const Document& doc, std::string_view words) {
  ByteSpan b;
  b.begin = static_cast<uint32_t>(doc.text.find(words));
  b.end = b.begin + static_cast<uint32_t>(words.size());
  return b;
}

Event BaseEvent(const Document& doc, const std::string& id) {
  Event e;
  e.event_id = id;
  e.sentence = 1;
  e.event = "ASSAULT";
  e.mode = "aerial";
  e.context = {"military", "with \"quotes\""};
  EventArgument actor;
  actor.text = "Côte d'Ivoire troops";
  actor.code = "CIV";
  actor.sector = "MIL";
  actor.name = "Côte d'Ivoire";
  actor.span = Find(doc, "Côte d'Ivoire troops");
  e.actor.push_back(actor);
  EventArgument recipient;
  recipient.text = "village";
  recipient.span = Find(doc, "village");
  recipient.code = "CIV";
  recipient.code_from = "location";
  e.recipient.push_back(recipient);
  e.cameo = "195";
  e.quad = 4;
  e.score = -9.5;
  e.trigger = Find(doc, "shelled");
  e.pattern = "kb/en/assault.txt:12 shell \\ \"x\"";
  e.confidence = 0.75;
  e.date = "2025-03-10";
  e.date_granularity = "day";
  return e;
}

TEST(StoredEvents, SameAsReferenceOnHandMadeCorners) {
  Document doc = HandMadeDocument();
  auto add = [&](Event e) { doc.events.push_back(std::move(e)); };

  add(BaseEvent(doc, "plain"));
  {
    Event e = BaseEvent(doc, "implicit-and-outside");
    e.actor[0].implicit = true;
    e.actor[0].text.clear();
    EventArgument he;  // a pronoun resolved from the first sentence
    he.text = "he";
    he.span = Find(doc, "he left");
    he.span.end = he.span.begin + 2;
    e.actor.push_back(he);
    EventArgument later;  // past the sentence's end
    later.text = "quiet";
    later.span = Find(doc, "quiet");
    e.recipient.push_back(later);
    e.trigger = Find(doc, "Then");  // the trigger outside too
    add(e);
  }
  {
    Event e = BaseEvent(doc, "counts");
    e.counts = {{"killed", 12, -1},  {"injured", 3, 5},   {"", 0, 0},
                {"killed", 14, 20},  {"arrested", -2, -7}, {"disp\"laced\\", 100000, 200000},
                {"Zulu", 1, -1},     {"\xc3\xa9t\xc3\xa9", 1000000000000000000, -1},
                {"big", INT64_MAX, INT64_MIN}, {"small", INT64_MIN, 120000}};
    e.confidence = 0.12345;
    add(e);
  }
  {
    Event e = BaseEvent(doc, "escapes");
    std::string every_control;
    for (int c = 1; c < 0x20; ++c) every_control.push_back(static_cast<char>(c));
    e.aux = {"negated", "", "q\"b\\s/", "\b\f\n\t\r", every_control, std::string("nul\0x", 5),
             "del\x7f", "non-ASCII: \xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8c\x8d"};
    e.counts = {{every_control, 1, 2}, {"\x7f", 3, -1}, {"\xc3\xa9", 4, -1}, {"e", 5, -1}};
    e.confidence = 1.0 / 3;
    add(e);
  }
  {
    Event e = BaseEvent(doc, "place");
    e.location = {"Bouaké", "CIV", "Vallée du Bandama", 7.689999999, -5.0300049, "place", 2290956,
                  "clause \"near\""};
    e.confidence = 1;
    add(e);
  }
  {
    Event e = BaseEvent(doc, "place-without-geonames");
    e.location = {"Côte d'Ivoire", "CIV", "", -0.000001, 179.999996, "country", 0, "document focus"};
    e.confidence = -0.0001;  // rounds to -0 when printed
    e.date.clear();
    e.date_granularity.clear();
    add(e);
  }
  {
    Event e = BaseEvent(doc, "odd-degrees");
    e.location = {"x", "", "", -90.000004999, 1e-7, "admin1", 1, ""};
    e.confidence = 0.0005;
    add(e);
  }
  EXPECT_EQ(ExpectSameAsReference(doc), doc.events.size());

  // What a user reading the table sees: sorted keys, a repeated kind once.
  std::vector<StoredEvent> rows = ToStoredEvents(doc);
  EXPECT_EQ(rows[1].spans, "{\"actor\":[null,null],\"recipient\":[[35,42],null],\"trigger\":null}");
  EXPECT_EQ(rows[2].counts.rfind("{\"\":[0,0],\"Zulu\":[1,null],", 0), 0u) << rows[2].counts;
  EXPECT_NE(rows[2].counts.find("\"killed\":[14,20]"), std::string::npos);
  EXPECT_NE(rows[2].counts.find("[100000.0,200000.0]"), std::string::npos);
  EXPECT_DOUBLE_EQ(rows[4].location.lat, 7.69);
}

// The number and string writers against nlohmann's read-and-dump of what the
// record prints, over many more values than the events above hold.
TEST(StoredEvents, NumbersAndStringsAsNlohmannDumpsThem) {
  auto reference_number = [](double v) {
    std::string printed;
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    printed.assign(buf, res.ptr);
    return nlohmann::json::parse(printed).dump();
  };
  std::vector<double> values = {0, 1, -1, 9, 10, 99999, 100000, 120000, 1e15, 1e16, 1e17,
                                static_cast<double>(INT64_MAX), static_cast<double>(INT64_MIN),
                                static_cast<double>(UINT32_MAX),
                                8309518161784000512.0};  // Grisu2 prints 17 digits
  for (int digits = 1; digits < 100; ++digits) {
    for (double p = 1; p < 1e19; p *= 10) {
      values.push_back(digits * p);
      values.push_back(-digits * p);
    }
  }
  for (int bit = 0; bit < 64; ++bit) values.push_back(std::ldexp(1.0, bit));
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    values.push_back(static_cast<double>(static_cast<int64_t>(rng())));
    values.push_back(static_cast<double>(static_cast<int64_t>(rng() >> (rng() % 64))));
  }
  for (double v : values) {
    std::string got;
    AppendStoredNumber(v, &got);
    ASSERT_EQ(got, reference_number(v)) << v;
  }

  for (int c = 0; c < 0x80; ++c) {  // a lone byte past ASCII is not UTF-8
    std::string s = "a";
    s.push_back(static_cast<char>(c));
    std::string got;
    AppendStoredString(s, &got);
    EXPECT_EQ(got, nlohmann::json(s).dump()) << c;
  }
  std::string utf8 = "\xc3\xa9\xe2\x80\x94\xf0\x9f\x8c\x8d/\x7f";
  std::string got;
  AppendStoredString(utf8, &got);
  EXPECT_EQ(got, nlohmann::json(utf8).dump());
}

}  // namespace
}  // namespace griot::testing
