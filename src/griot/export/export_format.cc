#include "griot/export/export_format.h"

#include <cmath>
#include <cstdio>

namespace griot {

std::string FormatDecimal(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

const std::string& ArgumentLabel(const StoredArgument& a) {
  return a.name.empty() ? a.text : a.name;
}

std::string JoinArguments(const std::vector<StoredArgument>& args,
                          std::string StoredArgument::*field, char sep) {
  std::string out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out += sep;
    out += args[i].*field;
  }
  return out;
}

}  // namespace griot
