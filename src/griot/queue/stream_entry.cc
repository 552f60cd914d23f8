#include "griot/queue/stream_entry.h"

#include <charconv>

namespace griot {
namespace {

bool ParseNumber(const std::string& s, uint64_t* n) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

StreamFields EncodeDocument(const Document& doc) {
  return {{"id", doc.id},         {"text", doc.text},     {"title", doc.title},
          {"date", doc.date},     {"url", doc.url},       {"source", doc.source},
          {"input", doc.input},   {"line", std::to_string(doc.line)},
          {"offset", std::to_string(doc.offset)}};
}

Status DecodeDocument(const StreamFields& fields, Document* doc) {
  *doc = Document();
  bool has_id = false, has_text = false;
  for (const auto& [name, value] : fields) {
    if (name == "id") {
      doc->id = value;
      has_id = true;
    } else if (name == "text") {
      doc->text = value;
      has_text = true;
    } else if (name == "title") {
      doc->title = value;
    } else if (name == "date") {
      doc->date = value;
    } else if (name == "url") {
      doc->url = value;
    } else if (name == "source") {
      doc->source = value;
    } else if (name == "input") {
      doc->input = value;
    } else if (name == "line") {
      if (!ParseNumber(value, &doc->line)) return InvalidArgument("malformed entry: line '" + value + "' is not a number");
    } else if (name == "offset") {
      if (!ParseNumber(value, &doc->offset)) return InvalidArgument("malformed entry: offset '" + value + "' is not a number");
    }
    // Other fields are ignored: a newer enqueue may add some.
  }
  if (!has_id || doc->id.empty()) return InvalidArgument("malformed entry: no document id");
  if (!has_text) return InvalidArgument("malformed entry: no text field");
  return Status::Ok();
}

}  // namespace griot
