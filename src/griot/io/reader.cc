#include "griot/io/reader.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/io/flat_json.h"
#include "griot/text/normalizer.h"

namespace griot {

bool IsIsoDate(std::string_view s) {
  if (s.size() < 10) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  if (s[4] != '-' || s[7] != '-') return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return s.size() == 10 || s[10] == 'T' || s[10] == ' ';
}

namespace {

// The fields of an input record, from either parser.
struct RawRecord {
  enum class Kind { kMissing, kString, kInteger, kOther };
  struct Value {
    Kind kind = Kind::kMissing;
    std::string text;  // string value, or an integer's digits
  };
  Value id, text, title, url, source, date, published;
  Value* Field(std::string_view key) {
    if (key == "id") return &id;
    if (key == "text") return &text;
    if (key == "title") return &title;
    if (key == "url") return &url;
    if (key == "source") return &source;
    if (key == "date") return &date;
    if (key == "published") return &published;
    return nullptr;
  }
};

// The full parser: any JSON, and the error messages for bad lines.
bool ParseWithJsonLibrary(std::string_view line, const std::string& where, RawRecord* raw,
                          Status* status) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *status = InvalidArgument(where + ": malformed JSON");
    return false;
  }
  if (!j.is_object()) {
    *status = InvalidArgument(where + ": expected a JSON object");
    return false;
  }
  for (auto& [key, value] : j.items()) {
    RawRecord::Value* v = raw->Field(key);
    if (!v) continue;
    if (value.is_string()) {
      v->kind = RawRecord::Kind::kString;
      v->text = std::move(value.get_ref<std::string&>());
    } else if (value.is_number_integer()) {
      v->kind = RawRecord::Kind::kInteger;
      v->text = std::to_string(value.get<long long>());
    } else if (value.is_null()) {
      v->kind = RawRecord::Kind::kMissing;
    } else {
      v->kind = RawRecord::Kind::kOther;
    }
  }
  return true;
}

// The fast path for flat records; false sends the line to the full parser.
bool ParseFlat(std::string_view line, RawRecord* raw) {
  thread_local std::vector<FlatField> fields;  // reused buffer, per thread
  if (!ParseFlatObject(line, &fields)) return false;
  for (FlatField& f : fields) {
    RawRecord::Value* v = raw->Field(f.key);
    if (!v) continue;
    switch (f.kind) {
      case FlatField::Kind::kString:
        v->kind = RawRecord::Kind::kString;
        v->text = std::move(f.value);
        break;
      case FlatField::Kind::kInteger:
        v->kind = RawRecord::Kind::kInteger;
        v->text = std::to_string(std::stoll(f.value));  // canonical form, as the library gives
        break;
      case FlatField::Kind::kNull:
        v->kind = RawRecord::Kind::kMissing;  // null reads as absent, as in the full parser
        break;
      case FlatField::Kind::kOther:
        v->kind = RawRecord::Kind::kOther;
        break;
    }
  }
  return true;
}

}  // namespace

void ParseJsonRecord(std::string_view line, InputRecord* rec) {
  std::string where = rec->doc.input + ":" + std::to_string(rec->doc.line);
  if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
    rec->status = InvalidArgument(where + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                  " of the line (convert the input to UTF-8)");
    return;
  }
  RawRecord raw;
  if (!ParseFlat(line, &raw)) {
    raw = RawRecord();
    if (!ParseWithJsonLibrary(line, where, &raw, &rec->status)) return;
  }
  using Kind = RawRecord::Kind;
  if (raw.id.kind == Kind::kMissing) {
    rec->status = InvalidArgument(where + ": missing 'id'");
    return;
  }
  if (raw.id.kind == Kind::kOther) {
    rec->status = InvalidArgument(where + ": 'id' must be a string or an integer");
    return;
  }
  rec->doc.id = std::move(raw.id.text);
  if (rec->doc.id.empty()) {
    rec->status = InvalidArgument(where + ": empty 'id'");
    return;
  }
  if (raw.text.kind == Kind::kMissing) {
    rec->status = InvalidArgument(where + ": missing 'text' (id " + rec->doc.id + ")");
    return;
  }
  if (raw.text.kind != Kind::kString) {
    rec->status = InvalidArgument(where + ": 'text' must be a string (id " + rec->doc.id + ")");
    return;
  }
  rec->doc.text = std::move(raw.text.text);
  auto str = [](RawRecord::Value& v, std::string* out) {
    if (v.kind == Kind::kString) *out = std::move(v.text);
  };
  str(raw.title, &rec->doc.title);
  str(raw.url, &rec->doc.url);
  str(raw.source, &rec->doc.source);
  std::string date;
  str(raw.date, &date);
  if (date.empty()) str(raw.published, &date);
  if (!date.empty()) {
    if (IsIsoDate(date)) {
      rec->doc.date = date;
    } else {
      rec->warning = where + ": ignoring date '" + date + "' (not ISO 8601 YYYY-MM-DD)";
    }
  }
}

namespace {

class JsonlDocumentReader : public DocumentReader {
 public:
  JsonlDocumentReader(std::istream* in, std::string name, std::unique_ptr<std::istream> owned)
      : in_(in), name_(std::move(name)), owned_(std::move(owned)) {}

  bool Next(InputRecord* rec) override {
    std::string line;
    while (std::getline(*in_, line)) {
      ++line_no_;
      if (line.find_first_not_of(" \t\r\n\f\v") == std::string::npos) continue;
      *rec = InputRecord();
      rec->doc.input = name_;
      rec->doc.line = line_no_;
      ParseJsonRecord(line, rec);
      return true;
    }
    return false;
  }

 private:
  std::istream* in_;
  std::string name_;
  std::unique_ptr<std::istream> owned_;
  uint64_t line_no_ = 0;
};

class TextFileReader : public DocumentReader {
 public:
  explicit TextFileReader(std::string path) : path_(std::move(path)) {}
  bool Next(InputRecord* rec) override {
    if (done_) return false;
    done_ = true;
    *rec = InputRecord();
    rec->doc.input = path_;
    rec->doc.line = 0;
    rec->doc.id = std::filesystem::path(path_).filename().string();
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    rec->doc.text = ss.str();
    return true;
  }

 private:
  std::string path_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<DocumentReader> JsonlReader(std::istream* in, std::string name,
                                            std::unique_ptr<std::istream> owned) {
  return std::make_unique<JsonlDocumentReader>(in, std::move(name), std::move(owned));
}

Result<std::unique_ptr<DocumentReader>> OpenInput(const std::string& path) {
  if (path == "-") return JsonlReader(&std::cin, "<stdin>");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFound(path + ": no such file");
  }
  if (std::filesystem::path(path).extension() == ".txt") {
    return std::unique_ptr<DocumentReader>(new TextFileReader(path));
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return IoError(path + ": cannot open");
  std::istream* raw = file.get();
  return JsonlReader(raw, path, std::move(file));
}

}  // namespace griot
