// ActorDictionary: every actor phrase the knowledge base knows — country
// names, demonyms and capitals (countries.txt), international and non-state
// bodies (organizations.txt), people with dated roles (people.txt) and
// sector nouns (agents.txt) — compiled into
// two tries: names match on surface forms, agents on lemmas.
#pragma once

#include <string>
#include <vector>

#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

enum class ActorKind : uint8_t { kCountry, kDemonym, kCapital, kOrganization, kAgent, kPerson };

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;
  std::string sector;
  std::string name;    // canonical name ("" for agents)
  std::string source;  // file:line
  bool exact_case = false;  // short all-caps acronym: matches only all-caps text
  std::string from, to;     // people: the role's dates (ISO prefixes; "" = open)
};

class ActorDictionary {
 public:
  // Loads countries.txt, organizations.txt and agents.txt from `dir`.
  static Result<ActorDictionary> Load(const std::string& dir, const FrontEnd& front_end);

  const PhraseTrie& names() const { return names_; }    // keyed by Token::lower
  const PhraseTrie& agents() const { return agents_; }  // keyed by Token::lemma
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  // Among the entries a phrase matched, the one in force on `date`
  // (YYYY-MM-DD or ""): a person's role that covers the date, else the most
  // recent role begun before it, else the first entry.
  uint32_t Choose(const std::vector<uint32_t>& values, const std::string& date) const;
  size_t size() const { return entries_.size(); }

 private:
  Status AddName(const std::vector<Token>& tokens, ActorEntry e);
  std::vector<ActorEntry> entries_;
  PhraseTrie names_;
  PhraseTrie agents_;
};

}  // namespace griot
