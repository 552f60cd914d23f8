// Self-test examples: `sentence | TYPE[/mode] | actor codes | recipient codes`
// (docs/knowledge-base.md). Used by knowledge-base files' `example` lines and
// by the golden end-to-end cases in tests/golden/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "griot/doc/document.h"
#include "griot/kb/kb_file.h"
#include "griot/util/status.h"

namespace griot {

struct ExpectedEntity {
  std::string code;
  std::optional<std::string> sector;  // unset: any sector ("MLI" checks the code only)
};

struct Example {
  std::string where;  // file:line
  std::string sentence;
  std::string type;  // "none" when the sentence must give no event
  std::string mode;  // "" = not checked
  std::vector<ExpectedEntity> actors;      // empty = not checked
  std::vector<ExpectedEntity> recipients;  // empty = not checked
};

Result<Example> ParseExample(const KbFile& file, const KbLine& line);

// Empty when some event of `doc` satisfies the example; otherwise a message
// saying what was expected and what was produced.
std::string CheckExample(const Example& ex, const Document& doc);

}  // namespace griot
