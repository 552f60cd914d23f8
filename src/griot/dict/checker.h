// Checking a knowledge base: every problem in every file, not just the first.
//
//   CheckReport report = CheckKnowledgeBase("kb/en", "/usr/share/wordnet");
//   std::cout << FormatCheckReport(report);
//   return report.ok() ? 0 : 1;
//
// The loaders stop at the first error, which suits a program starting up but
// not an analyst who edited forty lines. The checker reads the files itself
// with the loaders' field rules and reports each offending line; then it
// looks across lines and files for what no single line shows (a phrase
// listed twice, one phrase given two codes, one pattern under two event
// types); last it loads the knowledge base and runs every `example` line.
// This is what `griot dict check` prints.
#pragma once

#include <string>
#include <vector>

namespace griot {

struct Finding {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string where;  // "file:line" or "file", relative to the kb directory; may be empty
  std::string message;
};

struct CheckReport {
  std::vector<Finding> findings;  // sorted by file and line
  int files = 0;                  // files read
  int entries = 0;                // data lines in them
  int examples = 0;               // example lines run, or found malformed
  int examples_failed = 0;
  // No errors (a failed example is an error); warnings are allowed.
  bool ok() const;
  int errors() const;
  int warnings() const;
};

// Checks the files of `kb_dir` (kb/<lang>/) and, when it exists, the
// language-independent ../geo/ next to it. Never fails: a directory that
// cannot be read is itself a finding.
CheckReport CheckKnowledgeBase(const std::string& kb_dir, const std::string& wordnet_dir);

// One line per finding, "file:line: error|warning: message", then a summary.
std::string FormatCheckReport(const CheckReport& report);

}  // namespace griot
