// Importing TABARI and PETRARCH dictionaries into griot's knowledge-base
// formats (docs/knowledge-base.md, "Importing TABARI and PETRARCH
// dictionaries").
//
//   Result<ImportResult> r = ImportDictionary(DictFormat::kPetrarch, "Phoenix.agents.txt");
//   if (!r.ok()) { std::cerr << r.status().message() << "\n"; return 2; }
//   for (const std::string& w : r->warnings) std::cerr << w << "\n";
//   WriteFile("agents.txt", r->agents);
//
// One dictionary file gives one kind of griot text: an actor dictionary gives
// people and organizations, an agent dictionary agents, a verb dictionary
// patterns. The kind is detected from the content unless the caller names it:
// a line starting with `-` (a verb pattern) or `---` (a synset header) makes a
// verb dictionary; otherwise the first bracketed code decides, `[~XXX]` for
// agents and anything else for actors.
//
// Errors: a file that cannot be read or is damaged as a whole (a continuation
// line before any entry, an unclosed `[` or `{`, no entries at all) is a
// Status naming file:line. A problem with one entry (no code, an unknown
// sector, a CAMEO code with no PLOVER type, a duplicate) is a warning
// "file:line: ..." and that entry is left out; nothing is dropped without a
// warning.
#pragma once

#include <string>
#include <vector>

#include "griot/util/status.h"

namespace griot {

enum class DictFormat { kTabari, kPetrarch };
enum class DictKind { kAuto, kActors, kAgents, kVerbs };

struct ImportResult {
  // Complete griot files (header line included) or "" when the dictionary
  // gave nothing of that kind. `patterns` holds `type TYPE` sections in the
  // order the types first occur.
  std::string people, organizations, agents, patterns;
  DictKind kind = DictKind::kAuto;  // the kind that was read (never kAuto)
  int entries = 0;                  // griot lines produced
  std::vector<std::string> warnings;
};

Result<ImportResult> ImportDictionary(DictFormat format, const std::string& path,
                                      DictKind kind = DictKind::kAuto);

// The same, on a dictionary already in memory; `path` is used in messages.
Result<ImportResult> ImportDictionaryText(DictFormat format, const std::string& text,
                                          const std::string& path, DictKind kind = DictKind::kAuto);

// The PLOVER type and mode for a CAMEO event code ("173" -> COERCE/arrest),
// with the context the code implies ("061" -> COOPERATE, context economic)
// and whether PLOVER's actor is the code's target ("043" hosting -> a visit
// by the guest); type "" when the code has no PLOVER type, with the reason
// in `why`.
struct PloverCode {
  std::string type, mode, context;
  bool swap_roles = false;
  std::string why;
};
PloverCode CameoToPlover(const std::string& cameo);

}  // namespace griot
