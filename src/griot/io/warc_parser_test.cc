// WARC inputs are built here from parts so that every Content-Length is
// right unless a case lies on purpose. The news text is invented.
#include "griot/io/warc_parser.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace griot {
namespace {

using namespace std::string_literals;

struct Part {
  std::string type, uri, date, content_type, block;
  std::string eol = "\r\n";
  long length_error = 0;        // added to the true Content-Length
  std::string length_override;  // replaces the Content-Length value when set
};

Part MakePart(std::string type, std::string uri, std::string date, std::string content_type,
              std::string block) {
  Part p;
  p.type = std::move(type);
  p.uri = std::move(uri);
  p.date = std::move(date);
  p.content_type = std::move(content_type);
  p.block = std::move(block);
  return p;
}

std::string Warc(const Part& p) {
  const std::string& e = p.eol;
  std::string length = p.length_override.empty()
                           ? std::to_string(static_cast<long>(p.block.size()) + p.length_error)
                           : p.length_override;
  std::string out = "WARC/1.0" + e + "WARC-Type: " + p.type + e;
  if (!p.uri.empty()) out += "WARC-Target-URI: " + p.uri + e;
  out +=
      "WARC-Date: " + p.date + e + "WARC-Record-ID: <urn:uuid:" + p.type + "-" + p.date + ">" + e;
  if (!p.content_type.empty()) out += "Content-Type: " + p.content_type + e;
  return out + "Content-Length: " + length + e + e + p.block + e + e;
}

// One chunk of a chunked HTTP body.
std::string Chunk(const std::string& data) {
  char size[20];
  std::snprintf(size, sizeof size, "%zx", data.size());
  return size + ("\r\n" + data) + "\r\n";
}

std::string Http(const std::string& head, const std::string& body,
                 const std::string& eol = "\r\n") {
  return head + eol + eol + body;
}

const std::string kHttpType = "application/http; msgtype=response";
const std::string kPage1 =
    "<html><body><p>Flooding closed the river port of Kandria on Monday.</p></body></html>";
const std::string kPage2a = "<p>Talks between the two parties ";
const std::string kPage2b = "resumed in Velmora on Tuesday.</p>";
// windows-1252 curly quotes (0x93 0x94) and a NUL: the payload is bytes, not text.
const std::string kPage3 =
    "<p>The minister called it \x93"
    "a fair deal\x94.</p>\0<!-- end -->"s;

Part Response(std::string uri, std::string date, std::string block) {
  return MakePart("response", std::move(uri), std::move(date), kHttpType, std::move(block));
}

std::string Crawl() {
  std::string chunked = Chunk(kPage2a) + Chunk(kPage2b) + "0\r\n\r\n";
  return Warc(MakePart("warcinfo", "", "2024-05-14T08:00:00Z", "application/warc-fields",
                       "software: griot-test/1.0\r\nformat: WARC File Format 1.0\r\n")) +
         Warc(MakePart("request", "http://news.example/kandria", "2024-05-14T08:30:00Z",
                       "application/http; msgtype=request",
                       "GET /kandria HTTP/1.1\r\nHost: news.example\r\n\r\n")) +
         Warc(Response(
             "http://news.example/kandria", "2024-05-14T08:30:00Z",
             Http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                      std::to_string(kPage1.size()),
                  kPage1))) +
         Warc(Response(
             "http://news.example/velmora", "2024-05-14T09:15:30.250Z",
             Http("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html",
                  chunked))) +
         Warc(Response(
             "http://news.example/deal", "2024-05-14T10:00:00+02:00",
             Http("HTTP/1.0 404 Not Found\r\nContent-Type: text/html;\r\n charset=windows-1252",
                  kPage3)));
}

// What a test expects of one record; an empty `error` means status ok.
struct Want {
  std::string error;  // a substring of the status message
  std::string type, uri, date;
  int http_status = 0;
  std::string content_type, payload;
  bool gzip = false;
};

struct Case {
  const char* name;
  std::string input;
  std::vector<Want> want;
  size_t max_record_bytes = 64 << 20;
};

Want Ok(std::string type, std::string uri, std::string date, int http_status,
        std::string content_type, std::string payload, bool gzip = false) {
  return {"",          std::move(type),         std::move(uri),     std::move(date),
          http_status, std::move(content_type), std::move(payload), gzip};
}
Want Page1() {
  return Ok("response", "http://news.example/kandria", "2024-05-14T08:30:00Z", 200,
            "text/html; charset=utf-8", kPage1);
}
Want Page2() {
  return Ok("response", "http://news.example/velmora", "2024-05-14T09:15:30Z", 200, "text/html",
            kPage2a + kPage2b);
}
Want Error(std::string what) {
  Want w;
  w.error = std::move(what);
  return w;
}

std::vector<Case> Cases() {
  const std::string crawl = Crawl();
  const std::string one =
      Warc(Response("http://news.example/kandria", "2024-05-14T08:30:00Z",
                    Http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", kPage1)));
  const std::string two =
      Warc(Response("http://news.example/velmora", "2024-05-14T09:15:30Z",
                    Http("HTTP/1.1 200 OK\r\nContent-Type: text/html", kPage2a + kPage2b)));
  auto lying = [&](long error) {
    Part p = Response("http://news.example/kandria", "2024-05-14T08:30:00Z",
                      Http("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8", kPage1));
    p.length_error = error;
    return Warc(p);
  };
  auto with_length = [&](std::string value) {
    Part p = Response("http://news.example/kandria", "2024-05-14T08:30:00Z", kPage1);
    p.length_override = std::move(value);
    return Warc(p);
  };
  Part lf = Response("http://news.example/velmora", "2024-05-14T09:15:30Z",
                     Http("HTTP/1.1 200 OK\nContent-Type: text/html", kPage2a + kPage2b, "\n"));
  lf.eol = "\n";
  Part gzip = Response("http://news.example/gz", "2024-05-14T11:00:00Z",
                       Http("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html",
                            "\x1f\x8b\x08\0zz"s));
  Part revisit = MakePart("revisit", "http://news.example/kandria", "2024-05-15T08:30:00Z",
                          kHttpType, "HTTP/1.1 304 Not Modified\r\nETag: \"k1\"\r\n");
  Part metadata = MakePart("metadata", "http://news.example/kandria", "2024-05-14T08:30:00Z",
                           "application/warc-fields", "fetchTimeMs: 120\r\n");
  Want page3 = Ok("response", "http://news.example/deal", "2024-05-14T08:00:00Z", 404,
                  "text/html; charset=windows-1252", kPage3);

  return {
      {"Crawl",
       crawl,
       {Ok("warcinfo", "", "2024-05-14T08:00:00Z", 0, "application/warc-fields",
           "software: griot-test/1.0\r\nformat: WARC File Format 1.0\r\n"),
        Ok("request", "http://news.example/kandria", "2024-05-14T08:30:00Z", 0, "", ""), Page1(),
        Page2(), page3}},
      {"Empty", "", {}},
      {"OnlyLineBreaks", "\r\n\r\n\n", {}},
      {"TruncatedInBlock",
       one + two.substr(0, two.size() - 40),
       {Page1(), Error("runs past the end")}},
      {"TruncatedInHeaders", one + two.substr(0, 60), {Page1(), Error("headers do not end")}},
      {"ContentLengthTooLong",
       lying(+25) + two,
       {Error("not followed by the empty lines"), Page2()}},
      {"ContentLengthTooShort",
       lying(-12) + two,
       {Error("not followed by the empty lines"), Page2()}},
      {"ContentLengthHuge",
       with_length("99999999999999999999999999") + two,
       {Error("runs past the end"), Page2()}},
      {"ContentLengthNotANumber",
       with_length("12k") + two,
       {Error("unreadable Content-Length"), Page2()}},
      {"GarbageBetweenRecords",
       one + "<html>stray bytes</html>\r\nWARC/0.9 is not us\r\n" + two,
       {Page1(), Error("expected a \"WARC/1.x\" version line, found \"<html>stray bytes</html>\""),
        Page2()}},
      {"GarbageFirst", "\x89PNG\r\n"s + one, {Error("at byte 0"), Page1()}},
      {"BareLineFeeds", Warc(lf) + one, {Page2(), Page1()}},
      {"MissingTerminatorBeforeNextRecord",
       one.substr(0, one.size() - 4) + two,
       {Page1(), Page2()}},
      {"OverRecordLimit",
       one + two,
       {Error("exceeds the limit of 100 bytes"), Error("exceeds the limit")},
       100},
      {"GzipFlagged",
       Warc(gzip),
       {Ok("response", "http://news.example/gz", "2024-05-14T11:00:00Z", 200, "text/html",
           "\x1f\x8b\x08\0zz"s, true)}},
      {"RevisitHasNoPayload",
       Warc(revisit),
       {Ok("revisit", "http://news.example/kandria", "2024-05-15T08:30:00Z", 304, "", "")}},
      {"MetadataBlockIsThePayload",
       Warc(metadata),
       {Ok("metadata", "http://news.example/kandria", "2024-05-14T08:30:00Z", 0,
           "application/warc-fields", "fetchTimeMs: 120\r\n")}},
  };
}

TEST(WarcParser, Cases) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    WarcParser parser(c.input, c.max_record_bytes);
    std::vector<WarcRecord> got;
    WarcRecord rec;
    while (parser.Next(&rec) && got.size() < 20) got.push_back(rec);
    ASSERT_EQ(got.size(), c.want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      SCOPED_TRACE("record " + std::to_string(i));
      const WarcRecord& r = got[i];
      const Want& w = c.want[i];
      if (!w.error.empty()) {
        EXPECT_FALSE(r.status.ok());
        EXPECT_NE(r.status.message().find(w.error), std::string::npos) << r.status.message();
        EXPECT_NE(r.status.message().find("at byte " + std::to_string(r.offset)),
                  std::string::npos);
        continue;
      }
      EXPECT_TRUE(r.status.ok()) << r.status.message();
      EXPECT_EQ(r.type, w.type);
      EXPECT_EQ(r.target_uri, w.uri);
      EXPECT_EQ(r.date, w.date);
      EXPECT_EQ(r.http_status, w.http_status);
      EXPECT_EQ(r.content_type, w.content_type);
      EXPECT_EQ(r.payload, w.payload);
      EXPECT_EQ(r.payload_gzip, w.gzip);
    }
  }
}

TEST(WarcParser, OffsetsAndRecordIds) {
  const std::string input = Crawl();
  WarcParser parser(input);
  WarcRecord rec;
  std::vector<uint64_t> offsets;
  while (parser.Next(&rec)) {
    ASSERT_TRUE(rec.status.ok()) << rec.status.message();
    EXPECT_EQ(input.compare(rec.offset, 8, "WARC/1.0"), 0);
    EXPECT_EQ(rec.record_id.rfind("urn:uuid:", 0), 0u) << rec.record_id;
    offsets.push_back(rec.offset);
  }
  ASSERT_EQ(offsets.size(), 5u);
  EXPECT_EQ(offsets[0], 0u);
  for (size_t i = 1; i < offsets.size(); ++i) EXPECT_GT(offsets[i], offsets[i - 1]);
}

// Every prefix and every single-byte corruption of a small crawl must parse
// to the end without crashing or looping, and never invent more records
// than there are record starts.
TEST(WarcParser, SurvivesTruncationAndCorruption) {
  const std::string input = Crawl();
  for (size_t n = 0; n <= input.size(); ++n) {
    WarcParser parser(std::string_view(input).substr(0, n));
    WarcRecord rec;
    int records = 0;
    while (parser.Next(&rec)) ASSERT_LE(++records, 10) << "prefix " << n;
  }
  for (size_t i = 0; i < input.size(); i += 3) {
    std::string bad = input;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    WarcParser parser(bad);
    WarcRecord rec;
    int records = 0;
    while (parser.Next(&rec)) ASSERT_LE(++records, 10) << "corrupt byte " << i;
  }
}

}  // namespace
}  // namespace griot
