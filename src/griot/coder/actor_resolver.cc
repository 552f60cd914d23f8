#include "griot/coder/actor_resolver.h"

#include <map>
#include <set>

namespace griot {

bool IsCountryCode(const std::string& code) {
  return code.size() == 3 && code != "IGO" && code != "NGO" && code != "IMG" && code != "MNC";
}

void ActorResolver::Resolve(Document& doc) const {
  std::map<std::string, int> counts;
  std::map<std::string, size_t> first_seen;
  size_t order = 0;
  for (const Sentence& s : doc.sentences) {
    for (const Entity& e : s.entities) {
      if (!IsCountryCode(e.code)) continue;
      ++counts[e.code];
      first_seen.emplace(e.code, order++);
    }
  }
  std::string focus;
  for (const auto& [code, n] : counts) {
    if (focus.empty() || n > counts[focus] || (n == counts[focus] && first_seen[code] < first_seen[focus])) {
      focus = code;
    }
  }

  for (Sentence& s : doc.sentences) {
    std::set<std::string> countries;
    for (const Entity& e : s.entities) {
      if (IsCountryCode(e.code)) countries.insert(e.code);
    }
    for (size_t i = 0; i < s.entities.size(); ++i) {
      Entity& e = s.entities[i];
      if (!e.code.empty() || e.sector.empty()) continue;
      // 1. "forces in Guinea", "the junta of Mali"
      if (i + 1 < s.entities.size() && IsCountryCode(s.entities[i + 1].code)) {
        uint32_t k = e.last;
        if (k < s.last_token && (doc.tokens[k].lower == "in" || doc.tokens[k].lower == "of")) {
          ++k;
          while (k < s.last_token && doc.tokens[k].tag == Tag::kDeterminer) ++k;
          if (k == s.entities[i + 1].first) {
            e.code = s.entities[i + 1].code;
            e.note = "country from the phrase after it";
            continue;
          }
        }
      }
      if (countries.size() == 1) {
        e.code = *countries.begin();
        e.note = "the country the sentence names";
      } else if (countries.empty() && !focus.empty()) {
        e.code = focus;
        e.note = "the document's focal country";
      }
    }
  }
}

}  // namespace griot
