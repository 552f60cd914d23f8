#include "griot/export/export.h"

#include "griot/export/csv_export.h"
#include "griot/export/plover_export.h"
#include "griot/query/event_reader.h"

namespace griot {

const char* ExportFormats() { return "plover, csv, gdelt"; }

Status ExportEvents(Store& store, const EventFilter& filter, const std::string& format,
                    std::ostream& out, const ExportOptions& options) {
  std::function<void(const StoredEvent&)> write;
  GdeltFormatter gdelt(options.fips);
  if (format == "plover") {
    write = [&](const StoredEvent& e) { out << PloverLine(e) << '\n'; };
  } else if (format == "csv") {
    out << CsvHeader();
    write = [&](const StoredEvent& e) { out << CsvRow(e); };
  } else if (format == "gdelt") {
    write = [&](const StoredEvent& e) { out << gdelt.Line(e) << '\n'; };
  } else {
    return InvalidArgument("export format '" + format +
                           "' is unknown (accepted: " + ExportFormats() + ")");
  }
  GRIOT_RETURN_IF_ERROR(ReadEvents(store, filter, ReadOrder{"day"}, [&](const StoredEvent& e) {
    write(e);
    return static_cast<bool>(out);  // a closed pipe stops the read
  }));
  out.flush();
  if (!out) return IoError("export: writing the " + format + " output failed");
  return Status::Ok();
}

}  // namespace griot
