#include "griot/query/table.h"

#include <nlohmann/json.hpp>

namespace griot {
namespace {

size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cuts to `width` code points.
std::string Cut(const std::string& s, size_t width) {
  if (width == 0 || Width(s) <= width) return s;
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == width - 1) break;
  }
  return s.substr(0, i) + "\xE2\x80\xA6";
}

bool IsNumber(const SqlValue& v) {
  return std::holds_alternative<int64_t>(v) || std::holds_alternative<double>(v);
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

}  // namespace

std::string FormatTable(const ResultTable& t, size_t max_width) {
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const std::string& c : t.columns) widths.push_back(Width(c));
  for (const SqlRow& r : t.rows) {
    std::vector<std::string> line;
    for (size_t i = 0; i < r.size() && i < widths.size(); ++i) {
      line.push_back(Cut(OneLine(SqlValueText(r[i])), max_width));
      widths[i] = std::max(widths[i], Width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  std::string out;
  auto pad = [&](const std::string& s, size_t w, bool right) {
    std::string fill(w - std::min(w, Width(s)), ' ');
    out += right ? fill + s : s + fill;
  };
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += "  ";
    bool numeric = !t.rows.empty() && i < t.rows[0].size() && IsNumber(t.rows[0][i]);
    pad(t.columns[i], widths[i], numeric);
  }
  out += '\n';
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += "  ";
    out += std::string(widths[i], '-');
  }
  out += '\n';
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t i = 0; i < cells[r].size(); ++i) {
      if (i) out += "  ";
      // The last column is not padded: no trailing spaces.
      if (i + 1 == cells[r].size() && !IsNumber(t.rows[r][i])) {
        out += cells[r][i];
      } else {
        pad(cells[r][i], widths[i], IsNumber(t.rows[r][i]));
      }
    }
    out += '\n';
  }
  out += "(" + std::to_string(t.rows.size()) + (t.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

std::string FormatCsv(const ResultTable& t) {
  auto field = [](const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  std::string out;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ',';
    out += field(t.columns[i]);
  }
  out += "\r\n";
  for (const SqlRow& r : t.rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) out += ',';
      out += field(SqlValueText(r[i]));
    }
    out += "\r\n";
  }
  return out;
}

std::string FormatJson(const ResultTable& t) {
  nlohmann::json out = nlohmann::json::array();
  for (const SqlRow& r : t.rows) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < r.size() && i < t.columns.size(); ++i) {
      const SqlValue& v = r[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        o[t.columns[i]] = *n;
      } else if (const auto* d = std::get_if<double>(&v)) {
        o[t.columns[i]] = *d;
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        o[t.columns[i]] = *s;
      } else {
        o[t.columns[i]] = nullptr;
      }
    }
    out.push_back(std::move(o));
  }
  return out.dump(1) + "\n";
}

Result<std::string> FormatResult(const ResultTable& t, const std::string& format) {
  if (format == "table") return FormatTable(t);
  if (format == "csv") return FormatCsv(t);
  if (format == "json") return FormatJson(t);
  return InvalidArgument("--format: '" + format + "' (table, csv or json)");
}

}  // namespace griot
