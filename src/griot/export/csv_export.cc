#include "griot/export/csv_export.h"

#include <vector>

#include "griot/export/export_format.h"

namespace griot {
namespace {

// Column names, in order; CsvRow() fills the same order.
// clang-format off
constexpr const char* kColumns[] = {
    "event_id", "date", "date_granularity", "event_type", "mode", "contexts", "cameo", "quad",
    "score", "confidence",
    "actor_code", "actor_sector", "actor_name", "actor_text",
    "recipient_code", "recipient_sector", "recipient_name", "recipient_text",
    "actors_code", "actors_sector", "actors_name", "actors_text",
    "recipients_code", "recipients_sector", "recipients_name", "recipients_text",
    "location_name", "country", "admin1", "lat", "lon", "precision", "geonames_id",
    "text", "doc_id", "title", "url", "source", "report_date",
    "mentions", "articles", "sources", "first_reported", "last_reported"};
// clang-format on

std::string Line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\r\n";
}

void AddFirst(const std::vector<StoredArgument>& args, std::vector<std::string>* row) {
  StoredArgument none;
  const StoredArgument& a = args.empty() ? none : args.front();
  row->insert(row->end(), {a.code, a.sector, a.name, a.text});
}

void AddAll(const std::vector<StoredArgument>& args, std::vector<std::string>* row) {
  for (auto field : {&StoredArgument::code, &StoredArgument::sector, &StoredArgument::name,
                     &StoredArgument::text}) {
    row->push_back(JoinArguments(args, field, ';'));
  }
}

}  // namespace

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string CsvHeader() {
  return Line(std::vector<std::string>(std::begin(kColumns), std::end(kColumns)));
}

std::string CsvRow(const StoredEvent& e) {
  std::string contexts;
  for (const std::string& c : e.context) contexts += (contexts.empty() ? "" : ";") + c;
  std::vector<std::string> row = {e.event_id,
                                  e.day,
                                  e.date_granularity,
                                  e.event,
                                  e.mode,
                                  contexts,
                                  e.cameo,
                                  std::to_string(e.quad),
                                  FormatDecimal(e.score, 2),
                                  FormatDecimal(e.confidence, 3)};
  AddFirst(e.actor, &row);
  AddFirst(e.recipient, &row);
  AddAll(e.actor, &row);
  AddAll(e.recipient, &row);
  const StoredLocation& l = e.location;
  bool located = !l.precision.empty();
  row.insert(row.end(), {l.name, l.country, l.admin1, located ? FormatDecimal(l.lat, 5) : "",
                         located ? FormatDecimal(l.lon, 5) : "", l.precision,
                         l.geonames_id > 0 ? std::to_string(l.geonames_id) : ""});
  row.insert(row.end(), {e.text, e.doc_id, e.title, e.url, e.source, e.report_date,
                         std::to_string(e.mentions), std::to_string(e.articles),
                         std::to_string(e.sources), e.first_reported, e.last_reported});
  return Line(row);
}

}  // namespace griot
