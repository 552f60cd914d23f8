#include "griot/io/event_json.h"
#include "griot/sink/sink.h"

namespace griot {

Status JsonlSink::Write(const Document& doc) {
  for (const Event& e : doc.events) *out_ << EventToJson(doc, e).dump() << '\n';
  if (!*out_) return IoError("cannot write events to the output stream");
  return Status::Ok();
}

}  // namespace griot
