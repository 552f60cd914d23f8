// PgStore's pure helpers (no server needed).
#include <gtest/gtest.h>

#include "griot/store/pg_store.h"
#include "griot/store/pg_util.h"

namespace griot {
namespace {

TEST(NumberPlaceholdersTest, NumbersOnlyRealPlaceholders) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"SELECT 1", "SELECT 1"},
      {"a = ? AND b = ?", "a = $1 AND b = $2"},
      {"x = '?' AND y = ?", "x = '?' AND y = $1"},
      {"x = 'it''s ?' AND y = ?", "x = 'it''s ?' AND y = $1"},
      {"\"odd?col\" = ?", "\"odd?col\" = $1"},
      {"? -- why?\n, ?", "$1 -- why?\n, $2"},
      {"? /* ? */ ?", "$1 /* ? */ $2"},
      {"x = 'unterminated ?", "x = 'unterminated ?"},
  };
  for (const Case& c : cases) EXPECT_EQ(NumberPlaceholders(c.in), c.out) << c.in;
}

TEST(RedactPgUrlTest, HidesPasswords) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"postgresql://localhost/griot", "postgresql://localhost/griot"},
      {"postgresql://ann@db:5432/griot", "postgresql://ann@db:5432/griot"},
      {"postgresql://ann:pw@db:5432/griot", "postgresql://ann:***@db:5432/griot"},
      {"postgres://ann:p@ss@db/griot?sslmode=require", "postgres://ann:***@db/griot?sslmode=require"},
      {"postgresql://db/griot?user=ann&password=pw&sslmode=disable",
       "postgresql://db/griot?user=ann&password=***&sslmode=disable"},
  };
  for (const Case& c : cases) EXPECT_EQ(RedactPgUrl(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace griot
