#include "griot/text/abbreviations.h"

#include <fstream>
#include <sstream>
#include <unordered_map>

namespace griot {
namespace {

constexpr std::string_view kHeader = "griot-kb abbreviations 1";
// Longer entries are surely a mistake, and the bound lets Contains() lower-case
// into a stack buffer.
constexpr size_t kMaxLength = 32;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

template <typename Set>
bool LookUp(const Set& set, std::string_view word) {
  if (set.find(word) != set.end()) return true;
  if (word.size() > kMaxLength) return false;
  char buf[kMaxLength];
  bool changed = false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') { c = static_cast<char>(c - 'A' + 'a'); changed = true; }
    buf[i] = c;
  }
  return changed && set.find(std::string_view(buf, word.size())) != set.end();
}

}  // namespace

Result<Abbreviations> Abbreviations::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open abbreviation list (check the knowledge-base directory)");
  std::ostringstream content;
  content << in.rdbuf();
  return Parse(content.str(), path);
}

Result<Abbreviations> Abbreviations::Parse(std::string_view content, const std::string& name) {
  Abbreviations abbr;
  std::unordered_map<std::string, size_t> first_line;
  size_t line_no = 0;
  bool seen_header = false;
  while (!content.empty()) {
    const size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    ++line_no;
    auto error = [&](const std::string& what) {
      return InvalidArgument(name + ":" + std::to_string(line_no) + ": " + what);
    };

    if (!seen_header) {
      if (Trim(line) != kHeader) {
        return error("expected header '" + std::string(kHeader) + "', found '" +
                     std::string(Trim(line)) + "'");
      }
      seen_header = true;
      continue;
    }
    // Abbreviations never contain '#', so a comment may start anywhere.
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;

    bool title = false;
    std::string_view word = line;
    if (const size_t bar = line.find('|'); bar != std::string_view::npos) {
      word = Trim(line.substr(0, bar));
      const std::string_view flag = Trim(line.substr(bar + 1));
      if (flag != "title") return error("unknown flag '" + std::string(flag) + "' (only 'title' is allowed)");
      title = true;
    }
    if (word.empty()) return error("missing abbreviation before '|'");
    if (word.find_first_of(" \t") != std::string_view::npos) {
      return error("'" + std::string(word) + "' contains a space; write one abbreviation per line");
    }
    if (word.back() != '.') return error("'" + std::string(word) + "' must end with a period");
    if (word.size() > kMaxLength) return error("abbreviation longer than 32 bytes");
    auto [it, inserted] = first_line.emplace(std::string(word), line_no);
    if (!inserted) {
      return error("'" + std::string(word) + "' already listed on line " + std::to_string(it->second));
    }
    abbr.all_.emplace(word);
    if (title) abbr.titles_.emplace(word);
  }
  if (!seen_header) return InvalidArgument(name + ":1: empty file; expected header '" + std::string(kHeader) + "'");
  return abbr;
}

bool Abbreviations::Contains(std::string_view word) const { return LookUp(all_, word); }

bool Abbreviations::IsTitle(std::string_view word) const { return LookUp(titles_, word); }

}  // namespace griot
