// The PLOVER ontology as loaded from ontology.txt: event types (quad class,
// score, CAMEO root), their modes (CAMEO refinement), contexts and sectors.
//
//   Result<Ontology> o = Ontology::Load("kb/en/ontology.txt");
//   const EventType* t = o->FindType("COERCE");
//   std::string cameo = o->Cameo("COERCE", "detain");   // "173"
#pragma once

#include <map>
#include <string>
#include <vector>

#include "griot/util/status.h"

namespace griot {

struct EventType {
  std::string name;
  int quad = 0;
  double score = 0;
  std::string cameo;
  std::string description;
  std::string implicit_actor;  // sector of the actor implied when none is named
  std::map<std::string, std::string> mode_cameo;  // mode -> CAMEO code
  std::map<std::string, std::string> mode_for_sector;  // sector of the moving party -> mode
  std::map<std::string, std::string> mode_implicit_actor;  // mode -> implied actor sector
};

class Ontology {
 public:
  static Result<Ontology> Load(const std::string& path);

  const EventType* FindType(const std::string& name) const;
  bool HasMode(const std::string& type, const std::string& mode) const;
  bool HasContext(const std::string& context) const { return contexts_.count(context) > 0; }
  bool HasSector(const std::string& sector) const { return sectors_.count(sector) > 0; }
  // The CAMEO code for a type and mode ("" mode: the type's root code).
  std::string Cameo(const std::string& type, const std::string& mode) const;
  const std::map<std::string, EventType>& types() const { return types_; }
  const std::map<std::string, std::string>& contexts() const { return contexts_; }

 private:
  std::map<std::string, EventType> types_;
  std::map<std::string, std::string> contexts_;  // name -> description
  std::map<std::string, std::string> sectors_;
};

}  // namespace griot
