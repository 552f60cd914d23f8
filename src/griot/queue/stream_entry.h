// A document as a Redis stream entry: one field per reader-given attribute
// (id, text, title, date, url, source, input, line, offset), values as raw
// bytes. `griot enqueue` encodes, `griot worker` decodes; the round trip
// gives back the document the reader made, so a worker codes exactly what
// `griot code` would have.
//
//   StreamFields f = EncodeDocument(doc);          // XADD stream * f...
//   Document back;
//   Status st = DecodeDocument(entry_fields, &back);  // error: a poison entry
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "griot/doc/document.h"
#include "griot/util/status.h"

namespace griot {

using StreamFields = std::vector<std::pair<std::string, std::string>>;

StreamFields EncodeDocument(const Document& doc);

// Fails (naming the missing or bad field) when the entry has no id or text,
// or a line/offset that is not a number: such an entry can never be coded.
Status DecodeDocument(const StreamFields& fields, Document* doc);

}  // namespace griot
