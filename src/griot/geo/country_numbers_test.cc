#include "griot/geo/country_numbers.h"

#include <gtest/gtest.h>

#include "griot/kb/kb_file.h"
#include "test_support.h"

namespace griot {
namespace {

const CountryNumbers& Numbers() {
  static const CountryNumbers numbers = [] {
    Result<CountryNumbers> loaded = CountryNumbers::Load(CountryNumbers::DefaultPath());
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(*loaded) : CountryNumbers();
  }();
  return numbers;
}

TEST(CountryCodesNumbers, DefaultFileLoads) {
  Result<CountryNumbers> loaded = CountryNumbers::Load(CountryNumbers::DefaultPath());
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_GE(loaded->size(), 250u);
}

TEST(CountryCodesNumbers, EveryCountryCodeHasAnEntry) {
  Result<KbFile> codes =
      ReadKbFile(testing::SourcePath("kb/geo/country_codes.txt"), "country-codes");
  ASSERT_TRUE(codes.ok()) << codes.status().message();
  for (const KbLine& l : codes->lines) {
    ASSERT_EQ(l.fields.size(), 4u) << codes->Where(l);
    EXPECT_TRUE(Numbers().Has(l.fields[1]))
        << l.fields[1] << " (" << codes->Where(l) << ") is missing from country_numbers.txt";
  }
}

struct Codes {
  const char* iso3;
  const char* numeric;
  const char* fips;
};

TEST(CountryCodesNumbers, SpotChecks) {
  const Codes cases[] = {
      {"MLI", "466", "ML"}, {"USA", "840", "US"}, {"DEU", "276", "GM"}, {"NGA", "566", "NI"},
      {"NER", "562", "NG"}, {"BFA", "854", "UV"}, {"GBR", "826", "UK"}, {"RUS", "643", "RS"},
      {"CHN", "156", "CH"}, {"ISR", "376", "IS"}, {"PSE", "275", "WE"}, {"XKX", "", "KV"},
      {"SSD", "728", "OD"}, {"SDN", "729", "SU"}, {"AUS", "036", "AS"}, {"AUT", "040", "AU"},
      {"ALA", "248", ""},   {"ZZZ", "", ""},
  };
  for (const Codes& c : cases) {
    EXPECT_EQ(Numbers().Numeric(c.iso3), c.numeric) << c.iso3;
    EXPECT_EQ(Numbers().Fips(c.iso3), c.fips) << c.iso3;
    if (*c.numeric) {
      EXPECT_EQ(Numbers().Iso3FromNumeric(c.numeric), c.iso3);
    }
    if (*c.fips) {
      EXPECT_EQ(Numbers().Iso3FromFips(c.fips), c.iso3);
    }
  }
}

struct Malformed {
  const char* name;
  const char* content;
  const char* error;  // expected in the message, after "t.txt:"
};

TEST(CountryCodesNumbers, MalformedInputNamesFileAndLine) {
  const Malformed cases[] = {
      {"BadHeader", "griot-kb country-codes 1\nMLI | 466 | ML\n", "t.txt:1:"},
      {"NoHeader", "MLI | 466 | ML\n", "t.txt:1:"},
      {"FieldCount", "griot-kb country-numbers 1\n# c\nMLI | 466\n", "t.txt:3: expected"},
      {"TwoDigits", "griot-kb country-numbers 1\nMLI | 46 | ML\n", "t.txt:2: numeric code '46'"},
      {"Letters", "griot-kb country-numbers 1\nMLI | 4a6 | ML\n", "t.txt:2: numeric"},
      {"BadIso3", "griot-kb country-numbers 1\nMali | 466 | ML\n", "t.txt:2: 'Mali'"},
      {"BadFips", "griot-kb country-numbers 1\nMLI | 466 | MLI\n", "t.txt:2: FIPS"},
      {"DuplicateIso3", "griot-kb country-numbers 1\nMLI | 466 | ML\nMLI | 467 | MM\n",
       "t.txt:3: MLI is listed twice"},
      {"DuplicateNumeric", "griot-kb country-numbers 1\nMLI | 466 | ML\nNER | 466 | NG\n",
       "t.txt:3: numeric code 466 is already used by MLI"},
      {"DuplicateFips", "griot-kb country-numbers 1\nMLI | 466 | ML\nNER | 562 | ML\n",
       "t.txt:3: FIPS code ML"},
  };
  for (const Malformed& c : cases) {
    Result<CountryNumbers> r = CountryNumbers::Parse(c.content, "t.txt");
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_NE(r.status().message().find(c.error), std::string::npos)
        << c.name << ": " << r.status().message();
  }
}

TEST(CountryCodesNumbers, MissingFileSaysWhichFile) {
  Result<CountryNumbers> r = CountryNumbers::Load("/nonexistent/country_numbers.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/country_numbers.txt"), std::string::npos);
}

}  // namespace
}  // namespace griot
