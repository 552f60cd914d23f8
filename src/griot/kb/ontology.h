// The PLOVER ontology as loaded from ontology.txt: event types (quad class,
// score, CAMEO root), their modes (CAMEO code, score, implied contexts),
// contexts, sectors, and the renames from griot's older names.
//
//   Result<Ontology> o = Ontology::Load("kb/en/ontology.txt");
//   const EventType* t = o->FindType("COERCE");
//   std::string cameo = o->Cameo("COERCE", "arrest");   // "173"
//   double score = o->Score("COERCE", "censor");        // -6.5
//   const NameChange* r = o->RenameOf("COERCE", "detain");  // -> COERCE arrest
#pragma once

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct EventMode {
  std::string cameo;
  std::optional<double> score;        // none: the type's score applies
  std::vector<std::string> contexts;  // contexts an event in this mode always has
  std::string description;
};

struct EventType {
  std::string name;
  int quad = 0;
  double score = 0;
  std::string cameo;
  std::string description;
  std::string implicit_actor;  // sector of the actor implied when none is named
  std::map<std::string, EventMode> modes;
  std::map<std::string, std::string> mode_for_sector;      // sector of the moving party -> mode
  std::map<std::string, std::string> mode_implicit_actor;  // mode -> implied actor sector
};

// PLOVER's coding rules that depend on the type alone (the manual's
// "Potential ambiguities"), as `rule` lines of ontology.txt.
struct ThreatModeRule {
  std::string type, mode;  // mode "" matches any mode of the type
  std::string threat_mode;
};

// An older (type, mode) name and what it is called now: `rename` lines of
// ontology.txt. An empty mode is "no mode".
struct NameChange {
  std::string type, mode;          // the old name
  std::string new_type, new_mode;  // the current name
  std::string context;             // a context the renamed event gains ("" none)
  bool swap_roles = false;         // actor and recipient trade places
};

class Ontology {
 public:
  static Result<Ontology> Load(const std::string& path);

  const EventType* FindType(const std::string& name) const;
  bool HasMode(const std::string& type, const std::string& mode) const;
  const EventMode* FindMode(const std::string& type, const std::string& mode) const;
  bool HasContext(const std::string& context) const { return contexts_.count(context) > 0; }
  bool HasSector(const std::string& sector) const { return sectors_.count(sector) > 0; }
  // The CAMEO code for a type and mode ("" mode: the type's root code).
  std::string Cameo(const std::string& type, const std::string& mode) const;
  // The PLOVER score of an event: its mode's when the mode has one, else its
  // type's; 0 for an unknown type.
  double Score(const std::string& type, const std::string& mode) const;

  // What an old (type, mode) is called now; nullptr when it is not an old
  // name (current names included).
  const NameChange* RenameOf(const std::string& type, const std::string& mode) const;
  // The current name of an old context; nullopt when `context` is not an old
  // name, "" when the context was dropped.
  std::optional<std::string> ContextRenamed(const std::string& context) const;
  // "mode 'detain' of COERCE was renamed 'arrest' (ontology.txt)": for
  // messages where an old name is met; "" when it is not an old name.
  std::string RenameNote(const std::string& type, const std::string& mode) const;

  const std::map<std::string, EventType>& types() const { return types_; }
  const std::map<std::string, std::string>& contexts() const { return contexts_; }
  const std::vector<NameChange>& renames() const { return renames_; }
  const std::map<std::string, std::string>& context_renames() const { return context_renames_; }

  // The type an announced future act of `type` is coded as ("will attack"
  // -> THREATEN, "will meet" -> AGREE, "will withdraw" -> CONCEDE); with a
  // condition attached ("unless"), a promise too becomes a threat. "" when
  // the type stays.
  std::string FutureType(const std::string& type, bool conditional) const;
  // The THREATEN mode naming what a threat of `type`/`mode` threatens ("").
  std::string ThreatMode(const std::string& type, const std::string& mode) const;
  // What a negated trigger of `type` means when its pattern does not say:
  // another type ("did not agree" -> REJECT) or "drop".
  std::string NegatedType(const std::string& type) const;
  // Types whose triggers frame a complement event they subsume ("threatened
  // to attack" is one THREATEN).
  bool Governs(const std::string& type) const { return governing_.count(type) > 0; }
  // The type an event of `type` becomes when its actor has `sector`
  // (military backing is material: SUPPORT by MIL is AID); "" when it stays.
  std::string TypeBySector(const std::string& type, const std::string& sector) const;
  // True when actors of `sector` cannot make an event of `type` (a visit by
  // civilians is no political consultation).
  bool NotBy(const std::string& type, const std::string& sector) const;
  // The type an event of `type` is in a report of a disaster (troops
  // mobilised for relief bring aid); "" when it stays.
  // The type a framing event of `frame` takes when what it frames is of
  // `inner` ("vowed to fight": a promise of force is a threat; "backed the
  // rebels with weapons": backing with arms is aid); "" when it keeps its own.
  std::string FrameTakes(const std::string& frame, const std::string& inner) const {
    return frame_takes_.count({frame, inner}) ? inner : "";
  }
  // Sectors that make an event political in a disaster report (an army or
  // a militia, not a chemical company or the victims).
  bool PoliticalSector(const std::string& sector) const { return political_.count(sector) > 0; }
  std::string InDisaster(const std::string& type) const {
    auto it = in_disaster_.find(type);
    return it == in_disaster_.end() ? "" : it->second;
  }

 private:
  Status AddRule(const std::vector<std::string>& fields);
  std::map<std::string, EventType> types_;
  std::map<std::string, std::string> contexts_;  // name -> description
  std::map<std::string, std::string> sectors_;
  std::map<std::string, std::string> future_, conditional_future_, negated_;
  std::vector<ThreatModeRule> threat_modes_;  // first match wins
  std::set<std::string> governing_;
  std::map<std::pair<std::string, std::string>, std::string> by_sector_;
  std::set<std::pair<std::string, std::string>> not_by_;
  std::map<std::string, std::string> in_disaster_;
  std::set<std::string> political_;
  std::set<std::pair<std::string, std::string>> frame_takes_;
  std::vector<NameChange> renames_;
  std::map<std::string, std::string> context_renames_;  // old -> new ("" dropped)
};

}  // namespace griot
