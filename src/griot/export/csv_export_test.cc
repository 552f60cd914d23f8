#include "griot/export/csv_export.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "griot/export/sample_event_for_test.h"

namespace griot {
namespace {

TEST(CsvExport, Quoting) {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"no\"", "\"say \"\"no\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\r", "\"cr\r\""},
      {"Fighters attacked \"the camp\", near Mopti,\nkilling 12.",
       "\"Fighters attacked \"\"the camp\"\", near Mopti,\nkilling 12.\""},
  };
  for (const auto& c : cases) EXPECT_EQ(CsvField(c.in), c.out) << c.in;
}

TEST(CsvExport, GoldenRow) {
  EXPECT_EQ(CsvHeader(),
            "event_id,date,date_granularity,event_type,mode,contexts,cameo,quad,score,confidence,"
            "actor_code,actor_sector,actor_name,actor_text,"
            "recipient_code,recipient_sector,recipient_name,recipient_text,"
            "actors_code,actors_sector,actors_name,actors_text,"
            "recipients_code,recipients_sector,recipients_name,recipients_text,"
            "location_name,country,admin1,lat,lon,precision,geonames_id,"
            "text,doc_id,title,url,source,report_date,"
            "mentions,articles,sources,first_reported,last_reported\r\n");
  EXPECT_EQ(CsvRow(testing::SampleEvent()),
            "doc1-2-0,2025-05-14,day,ASSAULT,firearms,military;terrorism,190,4,-10,0.85,"
            "IMG,REB,JNIM,JNIM fighters,"
            "MLI,MIL,,Malian soldiers,"
            "IMG,REB,JNIM,JNIM fighters,"
            "MLI;RUS,MIL;MIL,;Wagner Group,Malian soldiers;Wagner fighters,"
            "Sévaré,MLI,Mopti,14.5333,-4.0958,place,2451185,"
            "\"Fighters attacked \"\"the camp\"\", near Mopti,\nkilling 12.\","
            "doc1,Attack near Mopti,https://example.org/a1,example,2025-05-15,"
            "3,3,2,2025-05-15,2025-05-16\r\n");
}

TEST(CsvExport, NoArgumentsNoPlace) {
  StoredEvent e;
  e.event_id = "x-0-0";
  std::string row = CsvRow(e);
  // Same number of fields as the header (no field here needs quoting).
  auto commas = [](const std::string& s) { return std::count(s.begin(), s.end(), ','); };
  EXPECT_EQ(commas(row), commas(CsvHeader()));
}

}  // namespace
}  // namespace griot
