#include "griot/queue/stream_entry.h"

#include <gtest/gtest.h>

#include "griot/queue/redis_client.h"

namespace griot {
namespace {

TEST(StreamEntryTest, RoundTripKeepsEveryField) {
  Document doc;
  doc.id = "afp-2024-001";
  doc.text = std::string("Soldiers \xC3\xA9vacu\xC3\xA9 Gao.\nNUL\0inside and \xFF\xFE bytes", 44);
  doc.title = "Gao: \xE2\x80\x9C" "evacuation\xE2\x80\x9D";
  doc.date = "2024-03-01";
  doc.url = "https://example.org/a?b=c&d";
  doc.source = "";
  doc.input = "news/part 1.jsonl";
  doc.line = 18446744073709551615ull;
  doc.offset = 12345;
  Document back;
  ASSERT_TRUE(DecodeDocument(EncodeDocument(doc), &back).ok());
  EXPECT_EQ(back.id, doc.id);
  EXPECT_EQ(back.text, doc.text);
  EXPECT_EQ(back.text.size(), 44u);
  EXPECT_EQ(back.title, doc.title);
  EXPECT_EQ(back.date, doc.date);
  EXPECT_EQ(back.url, doc.url);
  EXPECT_EQ(back.source, "");
  EXPECT_EQ(back.input, doc.input);
  EXPECT_EQ(back.line, doc.line);
  EXPECT_EQ(back.offset, doc.offset);
}

TEST(StreamEntryTest, EmptyTextIsAnEntryTheCoderSkips) {
  Document doc;
  doc.id = "x";
  Document back;
  ASSERT_TRUE(DecodeDocument(EncodeDocument(doc), &back).ok());
  EXPECT_EQ(back.text, "");
}

TEST(StreamEntryTest, MalformedEntriesSayWhatIsWrong) {
  struct Case {
    StreamFields fields;
    const char* message;
  } cases[] = {
      {{{"text", "hello"}}, "malformed entry: no document id"},
      {{{"id", ""}, {"text", "hello"}}, "malformed entry: no document id"},
      {{{"id", "a"}}, "malformed entry: no text field"},
      {{{"id", "a"}, {"text", "t"}, {"line", "seven"}}, "malformed entry: line 'seven' is not a number"},
      {{{"id", "a"}, {"text", "t"}, {"offset", "-1"}}, "malformed entry: offset '-1' is not a number"},
  };
  for (const Case& c : cases) {
    Document doc;
    Status st = DecodeDocument(c.fields, &doc);
    EXPECT_FALSE(st.ok());
    EXPECT_EQ(st.message(), c.message);
  }
}

TEST(QueueUrlTest, ParsesHostPortAndStream) {
  Result<QueueUrl> u = ParseQueueUrl("redis://10.0.0.5:6380/news-2024");
  ASSERT_TRUE(u.ok()) << u.status().message();
  EXPECT_EQ(u->host, "10.0.0.5");
  EXPECT_EQ(u->port, 6380);
  EXPECT_EQ(u->stream, "news-2024");
  Result<QueueUrl> d = ParseQueueUrl("redis://queue.example.org/news");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->host, "queue.example.org");
  EXPECT_EQ(d->port, 6379);
}

TEST(QueueUrlTest, BadUrlsAreRefusedWithTheReason) {
  struct Case {
    const char* url;
    const char* why;
  } cases[] = {
      {"http://localhost:6379/news", "must start with redis://"},
      {"redis://localhost:6379", "no stream name"},
      {"redis://localhost:6379/", "no stream name"},
      {"redis://localhost:port/news", "port 'port' is not a number"},
      {"redis://localhost:70000/news", "port '70000' is not a number"},
      {"redis://:6379/news", "no host"},
      {"redis://localhost:6379/a/b", "has a '/'"},
      {"redis://user:pw@localhost:6379/news", "passwords are not supported"},
  };
  for (const Case& c : cases) {
    Result<QueueUrl> u = ParseQueueUrl(c.url);
    ASSERT_FALSE(u.ok()) << c.url;
    EXPECT_NE(u.status().message().find(c.why), std::string::npos) << u.status().message();
    EXPECT_NE(u.status().message().find(c.url), std::string::npos) << u.status().message();
  }
}

TEST(QueueUrlTest, UnreachableServerIsNamed) {
  // Port 1 on the loopback: nothing listens there.
  Result<std::unique_ptr<RedisClient>> c = RedisClient::Connect("127.0.0.1", 1);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("redis 127.0.0.1:1"), std::string::npos) << c.status().message();
}

}  // namespace
}  // namespace griot
