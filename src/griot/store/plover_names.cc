#include "griot/store/plover_names.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "griot/store/store_text.h"

namespace griot {
namespace {

// Store::Select runs any statement on both engines; a write returns no rows.
Status Run(Store& store, const std::string& sql, std::vector<SqlValue> params = {}) {
  return store.Select({sql, std::move(params)}, [](const SqlRow&) { return true; });
}

Result<int64_t> Count(Store& store, const std::string& sql, std::vector<SqlValue> params) {
  int64_t n = 0;
  GRIOT_RETURN_IF_ERROR(store.Select({sql, std::move(params)}, [&](const SqlRow& r) {
    n = SqlValueInt(r[0]);
    return false;
  }));
  return n;
}

// A LIKE pattern (ESCAPE '\') matching the JSON string `name` inside a list.
std::string JsonStringLike(const std::string& name) {
  std::string out = "%\"";
  for (char c : name) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"%";
}

// The events' context lists in today's names: old contexts renamed (or
// dropped), and the context a dropped mode leaves behind ("COOPERATE
// military" -> context military). Runs while the old type and mode names
// still say which events those are.
Status RenameContexts(Store& store, const Ontology& ontology, NameMigration* m) {
  std::string where;
  std::vector<SqlValue> params;
  for (const NameChange& r : ontology.renames()) {
    if (r.context.empty()) continue;
    where += std::string(where.empty() ? "" : " OR ") + "(event = ? AND mode = ?)";
    params.insert(params.end(), {r.type, r.mode});
  }
  for (const auto& [old_name, now] : ontology.context_renames()) {
    where += std::string(where.empty() ? "" : " OR ") + "context LIKE ? ESCAPE '\\'";
    params.push_back(JsonStringLike(old_name));
  }
  if (where.empty()) return Status::Ok();
  std::vector<std::pair<std::string, std::string>> updates;  // event_id, context JSON
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT event_id, event, mode, context FROM events WHERE " + where, params},
      [&](const SqlRow& row) {
        std::vector<std::string> was, now;
        ParseContextJson(SqlValueText(row[3]), &was);
        auto add = [&](const std::string& c) {
          if (!c.empty() && std::find(now.begin(), now.end(), c) == now.end()) now.push_back(c);
        };
        for (const std::string& c : was) add(ontology.ContextRenamed(c).value_or(c));
        if (const NameChange* r = ontology.RenameOf(SqlValueText(row[1]), SqlValueText(row[2]))) {
          add(r->context);
        }
        if (now != was) updates.emplace_back(SqlValueText(row[0]), ContextJson(now));
        return true;
      }));
  for (const auto& [id, context] : updates) {
    GRIOT_RETURN_IF_ERROR(
        Run(store, "UPDATE events SET context = ? WHERE event_id = ?", {context, id}));
  }
  m->contexts += static_cast<int64_t>(updates.size());
  return Status::Ok();
}

// PLOVER's visitor is the actor and the host the recipient: an old "host"
// event's actor and recipient trade places everywhere they are stored.
Status SwapRoles(Store& store, const NameChange& r, NameMigration* m) {
  const std::vector<SqlValue> names = {r.type, r.mode};
  Result<int64_t> n =
      Count(store, "SELECT COUNT(*) FROM events WHERE event = ? AND mode = ?", names);
  if (!n.ok()) return n.status();
  if (*n == 0) return Status::Ok();
  m->swapped += *n;
  const std::string events_of =
      "event_id IN (SELECT event_id FROM events WHERE event = ? AND mode = ?)";
  // Through a third value: (event_id, role, position) is a key, and a
  // one-statement swap would collide with itself on the way.
  for (const auto& [from, to] : {std::pair{"actor", "swap"}, std::pair{"recipient", "actor"},
                                 std::pair{"swap", "recipient"}}) {
    GRIOT_RETURN_IF_ERROR(Run(store,
                              std::string("UPDATE participants SET role = '") + to +
                                  "' WHERE role = '" + from + "' AND " + events_of,
                              names));
  }
  GRIOT_RETURN_IF_ERROR(Run(store,
                            "UPDATE events SET actor = recipient, recipient = actor, "
                            "actor_code = recipient_code, recipient_code = actor_code, "
                            "actor_key = recipient_key, recipient_key = actor_key "
                            "WHERE event = ? AND mode = ?",
                            names));
  std::vector<std::pair<std::string, std::string>> spans;
  GRIOT_RETURN_IF_ERROR(store.Select(
      {"SELECT event_id, spans FROM events WHERE event = ? AND mode = ?", names},
      [&](const SqlRow& row) {
        nlohmann::json j = nlohmann::json::parse(SqlValueText(row[1]), nullptr, false);
        if (!j.is_object()) return true;
        nlohmann::json actor = j.contains("actor") ? j["actor"] : nlohmann::json::array();
        nlohmann::json recipient =
            j.contains("recipient") ? j["recipient"] : nlohmann::json::array();
        j["actor"] = std::move(recipient);
        j["recipient"] = std::move(actor);
        // Keys sorted, as the store writes this column (stored_json.h).
        spans.emplace_back(SqlValueText(row[0]), j.dump());
        return true;
      }));
  for (const auto& [id, json] : spans) {
    GRIOT_RETURN_IF_ERROR(Run(store, "UPDATE events SET spans = ? WHERE event_id = ?", {json, id}));
  }
  return Status::Ok();
}

// The duplicate rule links events of one type only: the groups of an
// event whose type changes are dissolved, to be linked again.
Status DissolveGroups(Store& store, const NameChange& r, NameMigration* m) {
  const std::string groups =
      "SELECT m.event_id FROM mentions m JOIN events x ON x.event_id = m.mention_id "
      "WHERE x.event = ? AND x.mode = ?";
  const std::vector<SqlValue> names = {r.type, r.mode};
  Result<int64_t> n =
      Count(store, "SELECT COUNT(*) FROM mentions g WHERE g.event_id IN (" + groups + ")", names);
  if (!n.ok()) return n.status();
  m->unlinked += *n;
  GRIOT_RETURN_IF_ERROR(Run(
      store,
      "UPDATE events SET is_canonical = NULL, mentions = NULL, articles = NULL, sources = NULL, "
      "first_reported = NULL, last_reported = NULL WHERE event_id IN (SELECT g.mention_id FROM "
      "mentions g WHERE g.event_id IN (" +
          groups + "))",
      names));
  return Run(store, "DELETE FROM mentions WHERE event_id IN (" + groups + ")", names);
}

Status Rename(Store& store, const Ontology& ontology, const NameChange& r, NameMigration* m) {
  const std::vector<SqlValue> names = {r.type, r.mode};
  Result<int64_t> n =
      Count(store, "SELECT COUNT(*) FROM events WHERE event = ? AND mode = ?", names);
  if (!n.ok()) return n.status();
  if (*n == 0) return Status::Ok();
  m->renamed += *n;
  if (r.swap_roles) GRIOT_RETURN_IF_ERROR(SwapRoles(store, r, m));
  if (r.new_type != r.type) GRIOT_RETURN_IF_ERROR(DissolveGroups(store, r, m));
  // A CAMEO code describes the event, not its PLOVER name, and often came
  // from the pattern (cameo=164): kept, unless the old code now says the
  // wrong thing -- another type, or roles swapped (043 "host" -> 042).
  if (r.new_type != r.type || r.swap_roles) {
    return Run(store,
               "UPDATE events SET event = ?, mode = ?, cameo = ? WHERE event = ? AND mode = ?",
               {r.new_type, r.new_mode, ontology.Cameo(r.new_type, r.new_mode), r.type, r.mode});
  }
  return Run(store, "UPDATE events SET event = ?, mode = ? WHERE event = ? AND mode = ?",
             {r.new_type, r.new_mode, r.type, r.mode});
}

// Quad and score of every event as the ontology has them now.
Status Rescore(Store& store, const Ontology& ontology) {
  for (const auto& [name, type] : ontology.types()) {
    GRIOT_RETURN_IF_ERROR(Run(store, "UPDATE events SET quad = ?, score = ? WHERE event = ?",
                              {int64_t{type.quad}, type.score, name}));
    for (const auto& [mode, info] : type.modes) {
      if (!info.score) continue;
      GRIOT_RETURN_IF_ERROR(Run(store, "UPDATE events SET score = ? WHERE event = ? AND mode = ?",
                                {*info.score, name, mode}));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<NameMigration> MigratePloverNames(Store& store, const Ontology& ontology,
                                         const std::function<Status(const char*)>& run_script) {
  NameMigration m;
  // Every rename reads the events of one (type, mode): an index for the
  // migration's length only (the store's own indexes lead with other columns).
  GRIOT_RETURN_IF_ERROR(Run(store, "CREATE INDEX events_names_migration ON events(event, mode)"));
  GRIOT_RETURN_IF_ERROR(RenameContexts(store, ontology, &m));
  for (const NameChange& r : ontology.renames())
    GRIOT_RETURN_IF_ERROR(Rename(store, ontology, r, &m));
  GRIOT_RETURN_IF_ERROR(Rescore(store, ontology));
  GRIOT_RETURN_IF_ERROR(Run(store, "DROP INDEX events_names_migration"));
  // Every rollup row may name an old type or quad: rebuilt whole. The map,
  // actor and regional rollups are refilled by the engine's open when their
  // flag is missing.
  static const std::string rollups =
      std::string(
          "DELETE FROM daily_counts; DELETE FROM monthly_counts; DELETE FROM rollup_pending;\n"
          "INSERT INTO rollup_pending SELECT DISTINCT COALESCE(day, '') FROM events WHERE "
          "is_canonical = 1;\n") +
      kRefreshRollupSql +
      "DELETE FROM location_counts; DELETE FROM actor_counts; DELETE FROM name_counts;\n"
      "DELETE FROM place_rollup_pending; DELETE FROM monthly_region_counts;\n"
      "DELETE FROM meta WHERE key IN ('place_rollups', 'region_rollups');\n";
  GRIOT_RETURN_IF_ERROR(run_script(rollups.c_str()));
  GRIOT_RETURN_IF_ERROR(Run(store, "UPDATE meta SET value = ? WHERE key = 'schema_version'",
                            {std::string(kStoreSchemaVersion)}));
  return m;
}

std::string OlderNamesMessage(const std::string& where, bool read_only) {
  std::string what =
      where + ": schema version " + kOlderNamesSchemaVersion +
      " names events in griot's older PLOVER words (COERCE detain, CONSULT host, ...)";
  if (read_only) {
    return what + "; this griot reads version " + kStoreSchemaVersion +
           ": open it once for writing (`griot dedup --db " + where +
           "`) to rename them (docs/plover.md)";
  }
  return what +
         "; renaming them needs the ontology (kb/en/ontology.txt): open it with `griot "
         "code` or `griot dedup`, which read it";
}

}  // namespace griot
