#include "griot/io/input_format.h"

#include <algorithm>
#include <cctype>

#include "griot/io/feed_parser.h"

namespace griot {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// NUL bytes or many control characters: not text (UTF-16 is recognised by
// its byte-order mark before this is asked).
bool LooksBinary(std::string_view head) {
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') ++control;
  }
  return control * 20 > head.size() + 20;
}

}  // namespace

std::string_view FormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kText: return "text";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kFeed: return "feed";
    case InputFormat::kBinary: return "binary";
  }
  return "unknown";
}

InputFormat SniffFormat(std::string_view head, std::string_view name) {
  bool utf16 = head.size() >= 2 && ((head[0] == '\xff' && head[1] == '\xfe') ||
                                    (head[0] == '\xfe' && head[1] == '\xff'));
  if (head.substr(0, 6) == "WARC/1") return InputFormat::kWarc;
  std::string lower_name = Lower(name);
  for (const char* ext : {".gz", ".zst", ".zstd"}) {
    if (EndsWith(lower_name, ext)) lower_name.resize(lower_name.size() - std::string_view(ext).size());
  }
  if (!utf16 && LooksBinary(head.substr(0, 4096))) return InputFormat::kBinary;
  if (LooksLikeFeed(head)) return InputFormat::kFeed;
  std::string start = Lower(head.substr(0, 4096));
  size_t first = start.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (first != std::string::npos) {
    std::string_view s = std::string_view(start).substr(first);
    if (s.rfind("<!doctype html", 0) == 0 || s.rfind("<html", 0) == 0 ||
        (s[0] == '<' && (start.find("<body") != std::string::npos ||
                         start.find("<head") != std::string::npos))) {
      return InputFormat::kHtml;
    }
    if (s[0] == '{' && !EndsWith(lower_name, ".txt")) return InputFormat::kJsonl;
  }
  if (EndsWith(lower_name, ".html") || EndsWith(lower_name, ".htm")) return InputFormat::kHtml;
  if (EndsWith(lower_name, ".jsonl") || EndsWith(lower_name, ".json") ||
      EndsWith(lower_name, ".ndjson")) {
    return InputFormat::kJsonl;
  }
  if (EndsWith(lower_name, ".warc")) return InputFormat::kWarc;
  return InputFormat::kText;
}

}  // namespace griot
