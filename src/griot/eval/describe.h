// One line for an event in the evaluators' lists of misses: "TYPE/mode
// CODE:SECTOR,>CODE:SECTOR," -- for produced (Event) and gold events alike.
#pragma once

#include <string>

namespace griot {

template <typename E>
std::string DescribeEvent(const E& e) {
  std::string s = e.event + (e.mode.empty() ? "" : "/" + e.mode) + " ";
  for (const auto& a : e.actor) s += a.code + ":" + a.sector + ",";
  s += ">";
  for (const auto& a : e.recipient) s += a.code + ":" + a.sector + ",";
  return s;
}

}  // namespace griot
