// Small text helpers the export formatters share, so that a number or an
// actor prints the same way in CSV, GDELT and PLOVER output.
//
//   FormatDecimal(12.5, 4);   // "12.5"
//   FormatDecimal(-10, 1);    // "-10"
#pragma once

#include <string>
#include <vector>

#include "griot/store/stored_event.h"

namespace griot {

// `v` with at most `decimals` decimals, trailing zeros (and a trailing
// point) dropped; "0" for -0 and non-finite values.
std::string FormatDecimal(double v, int decimals);

// What to call an argument: its canonical name, else its words.
const std::string& ArgumentLabel(const StoredArgument& a);

// One field of every argument joined with `sep`, in order (empty fields
// kept, so the lists of one role line up position by position).
std::string JoinArguments(const std::vector<StoredArgument>& args,
                          std::string StoredArgument::*field, char sep);

}  // namespace griot
