// Unknown actors: the capitalized names a corpus mentions as actors that the
// knowledge base does not know, most frequent first, with example sentences,
// so curators know what to add next (`griot actors --unknown`).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "griot/sink/sink.h"

namespace griot {

struct UnknownActor {
  std::string name;
  int mentions = 0;
  int in_events = 0;  // mentions that are an event's actor or recipient
  std::vector<std::string> examples;  // up to three sentences
};

// A sink that tallies unknown names instead of storing documents.
class UnknownActorSink : public EventSink {
 public:
  Status Write(const Document& doc) override;
  // Most frequent first (events count first, then all mentions).
  std::vector<UnknownActor> Top(size_t n) const;

 private:
  std::map<std::string, UnknownActor> names_;
};

std::string FormatUnknownActors(const std::vector<UnknownActor>& actors);

}  // namespace griot
