#include "griot/report/unknown_actors.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace griot {

Status UnknownActorSink::Write(const Document& doc) {
  // Which argument spans ended up in events.
  std::set<std::pair<uint32_t, uint32_t>> in_events;
  for (const Event& e : doc.events) {
    for (const auto* side : {&e.actor, &e.recipient}) {
      for (const EventArgument& a : *side) in_events.insert({a.span.begin, a.span.end});
    }
  }
  for (const Sentence& s : doc.sentences) {
    for (const Entity& e : s.entities) {
      if (!e.code.empty() || !e.sector.empty()) continue;  // known to the knowledge base
      ByteSpan span{doc.tokens[e.first].span.begin, doc.tokens[e.last - 1].span.end};
      std::string name(doc.Slice(span));
      UnknownActor& u = names_[name];
      u.name = name;
      ++u.mentions;
      if (in_events.count({span.begin, span.end})) ++u.in_events;
      if (u.examples.size() < 3) {
        std::string sentence(doc.Slice(s.span));
        if (sentence.size() > 160) sentence = sentence.substr(0, 157) + "...";
        u.examples.push_back(doc.id + ": " + sentence);
      }
    }
  }
  return Status::Ok();
}

std::vector<UnknownActor> UnknownActorSink::Top(size_t n) const {
  std::vector<UnknownActor> all;
  for (const auto& [name, u] : names_) all.push_back(u);
  std::sort(all.begin(), all.end(), [](const UnknownActor& a, const UnknownActor& b) {
    if (a.in_events != b.in_events) return a.in_events > b.in_events;
    if (a.mentions != b.mentions) return a.mentions > b.mentions;
    return a.name < b.name;
  });
  if (all.size() > n) all.resize(n);
  return all;
}

std::string FormatUnknownActors(const std::vector<UnknownActor>& actors) {
  std::ostringstream o;
  o << "unknown names (in events / all mentions), most frequent first:\n";
  for (const UnknownActor& u : actors) {
    o << "  " << u.name << "  (" << u.in_events << " / " << u.mentions << ")\n";
    for (const std::string& ex : u.examples) o << "      " << ex << "\n";
  }
  return o.str();
}

}  // namespace griot
