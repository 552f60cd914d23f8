// Store schema 4 -> 5: events written with griot's older PLOVER names
// ("COERCE detain", "CONSULT host", context "humanitarian") renamed to the
// current ones, as the ontology's `rename` lines say (kb/en/ontology.txt,
// docs/plover.md). Engine-neutral: portable SQL run through the store, in
// the transaction the engine opened for it (SqliteStore::Open,
// PgStore::CreateSchema), so a store is renamed entirely or not at all.
//
//   Result<NameMigration> m = MigratePloverNames(store, ontology, run_script);
//
// Every place a name lives is rewritten: events.event, mode and cameo; the
// context JSON (old context names renamed or dropped, a dropped mode's
// context added); quad and score of every event from the ontology (types
// changed quad -- CONCEDE, REQUEST -- and every score moved to the manual's
// table); roles of renames that swap them (events' actor and recipient JSON,
// codes, keys, spans; participants.role). Duplicate groups holding an event
// whose type changed (COERCE destroy -> ASSAULT destroy) are dissolved: the
// rule links only events of one type, so they are linked again afterwards
// (the engine calls Store::Deduplicate once the open is done). The rollups
// are rebuilt from the renamed events; the map, actor and regional rollups
// are left for the engine to refill (their flags in `meta` removed).
// The `pattern` column keeps the knowledge-base entry as it was when it
// fired: it is provenance, not a name.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "griot/kb/ontology.h"
#include "griot/store/store.h"

namespace griot {

inline constexpr const char* kStoreSchemaVersion = "5";
// The schema that differs from the current one only by the names.
inline constexpr const char* kOlderNamesSchemaVersion = "4";

struct NameMigration {
  int64_t renamed = 0;   // events whose type or mode changed
  int64_t contexts = 0;  // events whose context list changed
  int64_t swapped = 0;   // events whose actor and recipient traded places
  int64_t unlinked = 0;  // events left to link again (their group dissolved)
};

// Runs the migration in the caller's open transaction and sets
// schema_version to 5. `run_script` executes several statements (no
// transaction of its own).
Result<NameMigration> MigratePloverNames(Store& store, const Ontology& ontology,
                                         const std::function<Status(const char*)>& run_script);

// The message for a store of schema 4 that cannot be migrated here (a
// read-only open, or no ontology given): says what to run.
std::string OlderNamesMessage(const std::string& where, bool read_only);

}  // namespace griot
