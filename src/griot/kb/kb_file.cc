#include "griot/kb/kb_file.h"

#include <fstream>
#include <sstream>

namespace griot {

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

bool IsUpperCode(std::string_view s, size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool IsDatePrefix(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  // "1990-13" and "2001-02-30" are typos, not dates.
  if (s.size() >= 7) {
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    if (month < 1 || month > 12) return false;
    if (s.size() == 10) {
      static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int day = (s[8] - '0') * 10 + (s[9] - '0');
      if (day < 1 || day > kDays[month - 1]) return false;
    }
  }
  return true;
}

std::vector<std::string> SplitList(std::string_view field) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t semi = field.find(';', start);
    if (semi == std::string_view::npos) semi = field.size();
    std::string_view item = Trim(field.substr(start, semi - start));
    if (!item.empty()) out.emplace_back(item);
    start = semi + 1;
  }
  return out;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

// Removes a trailing comment. In example lines the sentence may contain '#',
// so only a '#' preceded by whitespace and outside the sentence field counts
// there; elsewhere any '#' starts a comment.
std::string_view StripComment(std::string_view line, bool is_example) {
  if (!is_example) {
    size_t hash = line.find('#');
    return hash == std::string_view::npos ? line : line.substr(0, hash);
  }
  size_t second_bar = line.find('|', line.find('|') + 1);
  size_t from = second_bar == std::string_view::npos ? line.size() : second_bar;
  size_t hash = line.find(" #", from);
  return hash == std::string_view::npos ? line : line.substr(0, hash);
}

std::vector<std::string> SplitFields(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) {
      fields.emplace_back(Trim(line.substr(start)));
      break;
    }
    fields.emplace_back(Trim(line.substr(start, bar - start)));
    start = bar + 1;
  }
  return fields;
}

}  // namespace

Result<KbFile> ParseKbFile(std::string_view content, const std::string& path,
                           std::string_view kind) {
  KbFile file;
  file.path = path;
  int line_no = 0;
  bool have_header = false;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (line_no == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
    std::string_view trimmed = Trim(raw);
    if (!have_header) {
      if (trimmed.empty() || trimmed[0] == '#') continue;
      std::istringstream hs{std::string(trimmed)};
      std::string magic, got_kind;
      int version = 0;
      hs >> magic >> got_kind >> version;
      if (magic != "griot-kb" || got_kind.empty()) {
        return InvalidArgument(path + ":" + std::to_string(line_no) +
                               ": expected header 'griot-kb " + std::string(kind) +
                               " 1', found '" + std::string(trimmed) + "'");
      }
      if (got_kind != kind) {
        return InvalidArgument(path + ":" + std::to_string(line_no) + ": file is of kind '" +
                               got_kind + "', expected '" + std::string(kind) + "'");
      }
      if (version != 1) {
        return InvalidArgument(path + ":" + std::to_string(line_no) + ": unsupported version " +
                               std::to_string(version) + " (this griot reads version 1)");
      }
      file.kind = got_kind;
      file.version = version;
      have_header = true;
      continue;
    }
    bool is_example = trimmed.substr(0, 8) == "example " || trimmed.substr(0, 8) == "example|";
    std::string_view body = Trim(StripComment(trimmed, is_example));
    if (body.empty()) continue;
    KbLine l;
    l.line = line_no;
    if (is_example) {
      body = Trim(body.substr(7));
      if (!body.empty() && body[0] == '|') body.remove_prefix(1);
      l.fields = SplitFields(body);
      file.examples.push_back(std::move(l));
    } else {
      l.fields = SplitFields(body);
      file.lines.push_back(std::move(l));
    }
  }
  if (!have_header) {
    return InvalidArgument(path + ":1: missing header 'griot-kb " + std::string(kind) + " 1'");
  }
  return file;
}

Result<KbFile> ReadKbFile(const std::string& path, std::string_view kind) {
  Result<std::string> content = ReadWholeFile(path);
  if (!content.ok()) return content.status();
  return ParseKbFile(*content, path, kind);
}

}  // namespace griot
