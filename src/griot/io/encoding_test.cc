#include "griot/io/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <initializer_list>
#include <string>
#include <string_view>

namespace griot {
namespace {

struct Case {
  const char* name;
  std::string bytes;
  std::string declared;
  std::string want;
  std::string encoding;
  size_t nuls = 0;
  size_t invalid = 0;
};

class EncodingToUtf8Test : public testing::TestWithParam<Case> {};

TEST_P(EncodingToUtf8Test, Converts) {
  const Case& c = GetParam();
  Result<Utf8Text> got = ToUtf8(c.bytes, c.declared);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->text, c.want);
  EXPECT_EQ(got->source_encoding, c.encoding);
  EXPECT_EQ(got->nul_bytes_removed, c.nuls);
  EXPECT_EQ(got->invalid_sequences, c.invalid);
  EXPECT_TRUE(IsValidUtf8(got->text));
}

const std::string kNul(1, '\0');

// UTF-16 code units as bytes, BOM included if the text has one.
std::string Utf16(std::u16string_view units, bool big_endian) {
  std::string out;
  for (char16_t u : units) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}
std::string Utf16Le(std::u16string_view units) { return Utf16(units, false); }
std::string Utf16Be(std::u16string_view units) { return Utf16(units, true); }
std::string Utf16Le(std::initializer_list<char16_t> units) {
  return Utf16(std::u16string(units), false);
}

INSTANTIATE_TEST_SUITE_P(
    Encoding, EncodingToUtf8Test,
    testing::Values(
        Case{"PlainAscii", "Rebels seized Gao on Monday.", "", "Rebels seized Gao on Monday.",
             "utf-8"},
        Case{
            "PlainUtf8",
            "Le pr\u00e9sident a d\u00e9missionn\u00e9 \u2014 \u0627\u0644\u0631\u0626\u064a\u0633",
            "",
            "Le pr\u00e9sident a d\u00e9missionn\u00e9 \u2014 \u0627\u0644\u0631\u0626\u064a\u0633",
            "utf-8"},
        Case{"Empty", "", "", "", "utf-8"}, Case{"Utf8Bom", "\uFEFFBamako", "", "Bamako", "utf-8"},
        Case{"Utf8BomWinsOverDeclared", "\uFEFFcaf\u00e9", "koi8-r", "caf\u00e9", "utf-8"},
        Case{"Utf8BomWithStrayByte", "\uFEFFcaf\xE9", "", "caf\u00e9", "utf-8", 0, 1},
        Case{"Utf16LeBom", Utf16Le(u"\uFEFFCaf\u00e9"), "", "Caf\u00e9", "utf-16le"},
        Case{"Utf16BeBom", Utf16Be(u"\uFEFFGao\u0627\U0001F600"), "", "Gao\u0627\U0001F600",
             "utf-16be"},
        Case{"Utf16LoneSurrogate", Utf16Le({0xFEFF, 'A', 0xD800, 'B'}), "", "A\uFFFDB", "utf-16le",
             0, 1},
        Case{"Utf16OddLength", Utf16Le(u"\uFEFFAB").substr(0, 5), "", "A\uFFFD", "utf-16le", 0, 1},
        Case{"Utf16NulCharacters", Utf16Le({0xFEFF, 'A', 0, 'B'}), "", "AB", "utf-16le", 1},
        Case{"DeclaredUtf16WithoutBom", Utf16Le(u"hi\u00e9"), "UTF-16LE", "hi\u00e9", "utf-16le"},
        Case{"Windows1252Accent", "caf\xE9", "", "caf\u00e9", "windows-1252"},
        Case{"Windows1252CurlyQuotes", "\x93quoted\x94", "", "\u201Cquoted\u201D", "windows-1252"},
        Case{"Windows1252EuroAndDash", "\x80 5 \x96 d\xE9j\xE0", "",
             "\u20AC 5 \u2013 d\u00e9j\u00e0", "windows-1252"},
        Case{"DeclaredIso88591ReadAsWindows1252", "caf\xE9 \x93noir\x94", "ISO-8859-1",
             "caf\u00e9 \u201Cnoir\u201D", "windows-1252"},
        Case{"DeclaredLatin1Quoted", "Gr\xFC\xDF Gott", "\"latin1\"", "Gr\u00fc\u00df Gott",
             "windows-1252"},
        Case{"DeclaredKoi8r", "\xF0\xD2\xC5\xDA\xC9\xC4\xC5\xCE\xD4", "KOI8-R",
             "\u041F\u0440\u0435\u0437\u0438\u0434\u0435\u043D\u0442", "koi8-r"},
        Case{"DeclaredUnknownFallsBack", "caf\xE9", "x-no-such-charset", "caf\u00e9",
             "windows-1252"},
        Case{"DeclaredUtf8ButWindows1252", "caf\xE9 cr\xE8me", "utf-8", "caf\u00e9 cr\u00e8me",
             "windows-1252"},
        Case{"ValidUtf8BeatsDeclared", "caf\u00e9", "iso-8859-1", "caf\u00e9", "utf-8"},
        Case{"NulBytes", "Ga" + kNul + "o" + kNul, "", "Gao", "utf-8", 2},
        Case{"NulBytesInWindows1252", "caf\xE9" + kNul, "", "caf\u00e9", "windows-1252", 1},
        Case{"MixedStrayLatin1", "Le pr\u00e9sident est arriv\u00e9 au caf\xE9.", "",
             "Le pr\u00e9sident est arriv\u00e9 au caf\u00e9.", "utf-8", 0, 1},
        Case{"MixedTruncatedSequence", "C\u00f4te d'Ivoire \xC3(", "", "C\u00f4te d'Ivoire \u00C3(",
             "utf-8", 0, 1},
        Case{"MixedBeatsDeclaredLatin1", "\u00e9t\u00e9 \u00e0 Dakar, caf\xE9", "iso-8859-1",
             "\u00e9t\u00e9 \u00e0 Dakar, caf\u00e9", "utf-8", 0, 1},
        Case{"OverlongWithoutUtf8IsWindows1252", "a\xC0\xAF", "", "a\u00C0\u00AF", "windows-1252"}),
    [](const testing::TestParamInfo<Case>& info) { return info.param.name; });

// The per-byte Windows-1252 table used for stray bytes agrees with ICU.
TEST(Encoding, StrayByteTableMatchesIcuWindows1252) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open("windows-1252", &err);
  ASSERT_FALSE(U_FAILURE(err)) << u_errorName(err);
  for (int b = 0x80; b <= 0xFF; ++b) {
    const char in = static_cast<char>(b);
    char want[8];
    err = U_ZERO_ERROR;
    const int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, want, sizeof want, &in, 1, &err);
    ASSERT_FALSE(U_FAILURE(err)) << b;
    // One valid two-byte sequence first, so the stray byte is repaired in place.
    Result<Utf8Text> got = ToUtf8(std::string("\u00e9") + in);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->source_encoding, "utf-8") << b;
    EXPECT_EQ(got->text, "\u00e9" + std::string(want, n)) << "byte 0x" << std::hex << b;
  }
  ucnv_close(cnv);
}

TEST(Encoding, ConvertsOneMegabyte) {
  std::string latin, utf8;
  while (latin.size() < (1 << 20)) {
    latin += "Le d\xE9put\xE9 a quitt\xE9 la salle \x93sans un mot\x94. ";
    utf8 += "Le d\u00e9put\u00e9 a quitt\u00e9 la salle \u201Csans un mot\u201D. ";
  }
  Result<Utf8Text> got = ToUtf8(latin);
  ASSERT_TRUE(got.ok()) << got.status().message();
  EXPECT_EQ(got->source_encoding, "windows-1252");
  EXPECT_TRUE(got->text == utf8) << "converted text differs";
  Result<Utf8Text> same = ToUtf8(utf8);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->source_encoding, "utf-8");
  EXPECT_TRUE(same->text == utf8);
}

TEST(Encoding, RefusesInputOverTheLimit) {
  Result<Utf8Text> got = ToUtf8(std::string(2000, 'a'), "", 1000);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(got.status().message().find("2000 bytes"), std::string::npos) << got.status().message();
  EXPECT_TRUE(ToUtf8(std::string(1000, 'a'), "", 1000).ok());
}

TEST(Encoding, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Bamako \u00e9 \u0627 \U0001F600"));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
}

TEST(Encoding, DeclaredCharset) {
  struct CharsetCase {
    std::string in;
    std::string want;
  };
  const CharsetCase cases[] = {
      {"text/html; charset=UTF-8", "utf-8"},
      {"text/html;charset=\"ISO-8859-1\"", "iso-8859-1"},
      {"text/html; Charset = windows-1252 ; q=1", "windows-1252"},
      {"text/html", ""},
      {"application/json", ""},
      {"", ""},
      {"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Gao</title>", "utf-8"},
      {"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">",
       "shift_jis"},
      {"  <html><meta charset='koi8-r'/>", "koi8-r"},
      {"\xEF\xBB\xBF<html><meta charset=gbk>", "gbk"},
      {"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\">", "iso-8859-1"},
      {"<?xml version=\"1.0\"?><html><meta charset=\"euc-kr\">", "euc-kr"},
      {"<html><head><script>var charset = 'x';</script></head>", ""},
      {"<html><meta name=\"description\" content=\"news\"><meta charset=>", ""},
      {"<html>" + std::string(5000, ' ') + "<meta charset=\"utf-8\">", ""},  // past 4 KB
  };
  for (const CharsetCase& c : cases) EXPECT_EQ(DeclaredCharset(c.in), c.want) << c.in;
}

}  // namespace
}  // namespace griot
