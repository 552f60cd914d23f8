// Roles: who acts and who is acted upon, read off the chunks of one sentence.
//
// Design: a shallow, clause-aware search rather than a full parse.
//  - Subject: the nearest actor mention left of the verb group inside its
//    clause, skipping mentions inside locative or other prepositional phrases;
//    a relative pronoun hands over to its antecedent ("soldiers who fired");
//    an object of an earlier coordinated verb is skipped in favour of that
//    verb's own subject ("police arrested X and released Y"); a pronoun is
//    resolved to the nearest earlier subject (also in earlier sentences).
//  - Object: the first actor mention in the first noun phrase after the
//    trigger, looking through quantities ("dozens of soldiers").
//  - Prepositional roles: the mention after a given preposition later in the
//    clause ("imposed sanctions on Mali", "attacked by rebels").
// Coordinated mentions ("Mali, Burkina Faso and Niger") are returned together.
#pragma once

#include <string>
#include <vector>

#include "griot/doc/document.h"

namespace griot {

struct RoleResult {
  std::vector<int> entities;  // indices into Sentence::entities
  bool resolved_pronoun = false;
  bool hazard = false;  // the subject is a natural or accidental cause
  const Sentence* from_sentence = nullptr;  // where the entities live
};

class SentenceRoles {
 public:
  SentenceRoles(const Document& doc, uint32_t sentence_index);

  const std::vector<int>& chunk_of() const { return chunk_of_; }
  const std::vector<int>& entity_of() const { return entity_of_; }

  RoleResult Subject(uint32_t before) const;
  RoleResult Object(uint32_t from) const;
  RoleResult AfterPreposition(uint32_t from, const std::string& prep, uint32_t max_distance) const;
  // Actor mentions inside the noun phrase of `head` and before it.
  RoleResult InsideNounPhrase(uint32_t head) const;
  // The verb group whose direct object is the noun phrase holding `head`.
  int GoverningVerbGroup(uint32_t head) const;
  // The first actor mention starting in [from, to), with coordinated ones.
  RoleResult EntityIn(uint32_t from, uint32_t to) const;
  // The one country this sentence names as a place ("in Mali", "near the
  // Malian border town of ..."), or "" when none or several.
  std::string LocativeCountry() const;
  // The reporting verb group ("said", "told") that frames position `at`: the
  // nearest one before it, or else the nearest after it; -1 when none.
  int ReportingVerbGroup(uint32_t at) const;
  // A common noun that no actor mention covers right before the verb group
  // starting at `vg_first` (its subject) or right after `from` (its object,
  // past determiners and modifiers): "a man was arrested", "killed a man".
  bool PlainNounBefore(uint32_t vg_first) const;
  bool PlainNounAfter(uint32_t from) const;
  // Token range [first, last) of the clause holding `token`: between clause
  // edges (";", ":", boundary words such as "but", "while", "if").
  std::pair<uint32_t, uint32_t> ClauseBounds(uint32_t token) const;
  // True when a clause edge (";", ":", a boundary word) lies in [from, to).
  bool ClauseEdgeBetween(uint32_t from, uint32_t to) const;

 private:
  int EntityEndingAt(uint32_t token) const;
  bool Approximator(uint32_t token) const;
  bool InPrepositionalPhrase(const Entity& e) const;
  // True when the noun phrase starting at or before `first` follows a
  // preposition other than "of".
  bool AfterPreposition(uint32_t first) const;
  bool LocativeBefore(uint32_t first) const;
  void AddCoordinatedLeft(int entity, std::vector<int>* out) const;
  void AddCoordinatedRight(int entity, std::vector<int>* out) const;
  RoleResult ResolvePronoun(uint32_t pronoun) const;
  int HeadOfChain(int entity) const;

  const Document& doc_;
  const Sentence& s_;
  uint32_t index_;
  std::vector<int> chunk_of_;   // per token of the sentence
  std::vector<int> entity_of_;  // per token of the sentence
};

}  // namespace griot
