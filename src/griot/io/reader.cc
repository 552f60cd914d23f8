#include "griot/io/reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "griot/io/decompress.h"
#include "griot/io/encoding.h"
#include "griot/io/flat_json.h"
#include "griot/io/input_format.h"
#include "griot/io/web_readers.h"
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
      if (line.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        offset_ += line.size() + 1;
        continue;
      }
      *rec = InputRecord();
      rec->doc.input = name_;
      rec->doc.line = line_no_;
      rec->doc.offset = offset_;
      offset_ += line.size() + 1;
      // A line that is not UTF-8 (a Latin-1 record in a UTF-8 file) is
      // converted, with a warning, rather than refused.
      if (!IsValidUtf8(line) || line.find('\0') != std::string::npos) {
        std::string where = name_ + ":" + std::to_string(line_no_);
        line = TextForCoding(line, "", where, &rec->warning);
      }
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
  uint64_t offset_ = 0;
};


}  // namespace

std::unique_ptr<DocumentReader> JsonlReader(std::istream* in, std::string name,
                                            std::unique_ptr<std::istream> owned) {
  return std::make_unique<JsonlDocumentReader>(in, std::move(name), std::move(owned));
}

namespace {

// Reads every file below a directory, in name order, hidden files skipped.
class DirectoryReader : public DocumentReader {
 public:
  explicit DirectoryReader(const std::string& dir) {
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(
             dir, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::string base = it->path().filename().string();
      if (!base.empty() && base[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files_.push_back(it->path().string());
    }
    std::sort(files_.begin(), files_.end());
  }
  bool Next(InputRecord* rec) override {
    while (true) {
      if (current_ && current_->Next(rec)) return true;
      current_.reset();
      if (next_ >= files_.size()) return false;
      const std::string& file = files_[next_++];
      Result<std::unique_ptr<DocumentReader>> r = OpenInput(file);
      if (r.ok()) {
        current_ = std::move(*r);
        continue;
      }
      // A file that cannot be read is a failed record of the directory.
      *rec = InputRecord();
      rec->doc.input = file;
      rec->doc.id = std::filesystem::path(file).filename().string();
      rec->status = r.status();
      return true;
    }
  }

 private:
  std::vector<std::string> files_;
  size_t next_ = 0;
  std::unique_ptr<DocumentReader> current_;
};

constexpr size_t kMaxInputBytes = size_t{1} << 30;  // after decompression

}  // namespace

Result<std::unique_ptr<DocumentReader>> OpenInput(const std::string& path) {
  if (path == "-") {
    // Standard input is read whole so its format can be sniffed like a
    // file's; JSONL on a pipe keeps working as before.
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    return OpenBytes("<stdin>", std::move(bytes));
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return std::unique_ptr<DocumentReader>(new DirectoryReader(path));
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    return NotFound(path + ": no such file");
  }
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return IoError(path + ": cannot open");
  char head_buf[4096];
  file->read(head_buf, sizeof head_buf);
  std::string head(head_buf, static_cast<size_t>(file->gcount()));
  // Plain JSONL streams from the file: inputs can be larger than memory.
  if (DetectCompression(head) == Compression::kNone &&
      SniffFormat(head, path) == InputFormat::kJsonl) {
    file->clear();
    file->seekg(0);
    std::istream* raw = file.get();
    return JsonlReader(raw, path, std::move(file));
  }
  std::string bytes = head;
  bytes.append(std::istreambuf_iterator<char>(*file), std::istreambuf_iterator<char>());
  return OpenBytes(path, std::move(bytes));
}

Result<std::unique_ptr<DocumentReader>> OpenBytes(const std::string& name, std::string bytes) {
  Compression c = DetectCompression(bytes);
  Status problem;
  if (c != Compression::kNone) {
    DecompressResult d = DecompressPartial(bytes, c, kMaxInputBytes);
    // A truncated stream still gives the complete records before the break.
    problem = d.status;
    bytes = std::move(d.data);
  }
  // UTF-16 (with a byte-order mark) becomes UTF-8 before anything else.
  if (bytes.size() >= 2 && ((bytes[0] == '\xff' && bytes[1] == '\xfe') ||
                            (bytes[0] == '\xfe' && bytes[1] == '\xff'))) {
    Result<Utf8Text> u = ToUtf8(bytes);
    if (u.ok()) bytes = std::move(u->text);
  }
  InputFormat format = SniffFormat(std::string_view(bytes).substr(0, 4096), name);
  std::unique_ptr<DocumentReader> reader = ReaderFor(format, name, std::move(bytes));
  if (!problem.ok()) reader = WithTrailingProblem(std::move(reader), name, problem);
  return reader;
}

}  // namespace griot
