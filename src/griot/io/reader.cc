#include "griot/io/reader.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

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

void ParseJsonRecord(std::string_view line, InputRecord* rec) {
  std::string where = rec->doc.input + ":" + std::to_string(rec->doc.line);
  if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
    rec->status = InvalidArgument(where + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                  " of the line (convert the input to UTF-8)");
    return;
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    rec->status = InvalidArgument(where + ": malformed JSON");
    return;
  }
  if (!j.is_object()) {
    rec->status = InvalidArgument(where + ": expected a JSON object");
    return;
  }
  auto id = j.find("id");
  if (id == j.end() || id->is_null()) {
    rec->status = InvalidArgument(where + ": missing 'id'");
    return;
  }
  if (id->is_string()) {
    rec->doc.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    rec->doc.id = std::to_string(id->get<long long>());
  } else {
    rec->status = InvalidArgument(where + ": 'id' must be a string or an integer");
    return;
  }
  if (rec->doc.id.empty()) {
    rec->status = InvalidArgument(where + ": empty 'id'");
    return;
  }
  auto text = j.find("text");
  if (text == j.end() || text->is_null()) {
    rec->status = InvalidArgument(where + ": missing 'text' (id " + rec->doc.id + ")");
    return;
  }
  if (!text->is_string()) {
    rec->status = InvalidArgument(where + ": 'text' must be a string (id " + rec->doc.id + ")");
    return;
  }
  rec->doc.text = text->get<std::string>();
  auto str = [&](const char* key, std::string* out) {
    auto it = j.find(key);
    if (it != j.end() && it->is_string()) *out = it->get<std::string>();
  };
  str("title", &rec->doc.title);
  str("url", &rec->doc.url);
  str("source", &rec->doc.source);
  std::string date;
  str("date", &date);
  if (date.empty()) str("published", &date);
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
