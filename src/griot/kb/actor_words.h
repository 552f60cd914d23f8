// ActorWords: the words that shape actor mentions beyond the lexicon's
// flags, loaded from kb/<lang>/actor_words.txt (`griot-kb actor-words 1`):
//
//   connector   | of; the; al; bin; d'; ...        may sit lower-case inside a name
//   allegiance  | loyal to; allied with; ...       an agent serving whom follows
//   outsider    | foreign; international; ...      marks an actor from elsewhere
//   home-office | foreign minist; ...              an office at home despite the stem
//
// They are lists rather than lexicon flags because they are not properties
// of one token: connectors belong to names of many languages ("bin", "de",
// "al-"), allegiance cues are phrases, and outsider cues are stems matched
// inside words. Usage:
//
//   Result<ActorWords> w = ActorWords::Load("kb/en/actor_words.txt", front_end);
//   if (w->IsNameConnector("bin")) ...
//   uint32_t n = w->AllegianceAt(doc.tokens, i, sentence.last_token);  // 2 at "loyal to"
//   if (w->MarksOutsider("foreign troops", "")) ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "griot/kb/phrase_trie.h"
#include "griot/text/front_end.h"
#include "griot/util/status.h"

namespace griot {

class ActorWords {
 public:
  static Result<ActorWords> Load(const std::string& path, const FrontEnd& front_end);

  // True for a lower-cased token that may sit inside a capitalized name:
  // "Islamic State in the Greater Sahara", "Osama bin Laden".
  bool IsNameConnector(std::string_view lower) const;
  // The length in tokens of the allegiance phrase starting at tokens[i]
  // (matched on lower-cased forms, not past `end`); 0 when none starts there.
  uint32_t AllegianceAt(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const;
  // True when an actor's text, or the word written just before it, holds an
  // outsider stem ("foreign troops", "Western diplomats"), home offices
  // ("Foreign Minister X") aside. Case-insensitive (ASCII).
  bool MarksOutsider(std::string_view actor_text, std::string_view word_before) const;

 private:
  struct HomeOffice {
    std::string phrase;  // lower case
    size_t stem_length;  // of the outsider stem it begins with
  };
  std::vector<std::string> connectors_;  // sorted
  PhraseTrie allegiance_;                // keyed by lower-cased forms
  std::vector<std::string> outsider_stems_;
  std::vector<HomeOffice> home_offices_;  // in file order
};

}  // namespace griot
