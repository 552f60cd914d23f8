#include "griot/io/event_json.h"
#include "griot/sink/sink.h"

namespace griot {

Status JsonlSink::Write(const Document& doc) {
  std::string line;
  for (const Event& e : doc.events) {
    line.clear();
    AppendEventJson(doc, e, &line);
    line.push_back('\n');
    out_->write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  if (!*out_) return IoError("cannot write events to the output stream");
  return Status::Ok();
}

}  // namespace griot
