#include "griot/pipeline.h"

namespace griot {

Status Pipeline::Code(Document& doc) const {
  bool blank = true;
  for (char c : doc.text) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      blank = false;
      break;
    }
  }
  if (blank) return InvalidArgument("empty text");
  if (doc.text.size() > limits_.max_document_bytes) {
    return InvalidArgument("document too large: " + std::to_string(doc.text.size()) +
                           " bytes (limit " + std::to_string(limits_.max_document_bytes) +
                           "; raise it with --max-doc-bytes)");
  }
  GRIOT_RETURN_IF_ERROR(kb_->front_end().Analyze(doc));
  entities_.Match(doc);
  resolver_.Resolve(doc);
  coder_.Code(doc);
  return Status::Ok();
}

}  // namespace griot
