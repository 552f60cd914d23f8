#include "griot/kb/actor_dictionary.h"

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

bool IsCountryCode(const std::string& code) { return IsUpperCode(code, 3); }

bool ShortAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::vector<std::string> Lowers(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.lower);
  return out;
}

}  // namespace

uint32_t ActorDictionary::Choose(const std::vector<uint32_t>& values,
                                 const std::string& date) const {
  if (values.size() == 1) return values.front();
  std::string day = date.substr(0, 10);
  int covering = -1, latest_before = -1, latest = -1;
  for (size_t i = 0; i < values.size(); ++i) {
    const ActorEntry& e = entries_[values[i]];
    if (e.kind != ActorKind::kPerson) continue;
    // Prefixes compare correctly as strings: "2021" <= "2021-05-24".
    if (latest < 0 || e.from > entries_[values[latest]].from) latest = static_cast<int>(i);
    if (day.empty()) continue;
    bool started = e.from.empty() || e.from.substr(0, day.size()) <= day.substr(0, e.from.size());
    bool ongoing = e.to.empty() || day.substr(0, e.to.size()) <= e.to;
    if (started && ongoing) covering = static_cast<int>(i);
    if (started && (latest_before < 0 || e.from > entries_[values[latest_before]].from)) {
      latest_before = static_cast<int>(i);
    }
  }
  if (covering >= 0) return values[covering];
  if (!day.empty() && latest_before >= 0) return values[latest_before];
  if (latest >= 0) return values[latest];
  return values.front();
}

Status ActorDictionary::AddName(const std::vector<Token>& tokens, ActorEntry e) {
  if (tokens.empty()) return Status::Ok();
  uint32_t index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(std::move(e));
  names_.Insert(Lowers(tokens), index);
  return Status::Ok();
}

Result<ActorDictionary> ActorDictionary::Load(const std::string& dir, const FrontEnd& fe) {
  ActorDictionary d;

  Result<KbFile> countries = ReadKbFile(dir + "/countries.txt", "countries");
  if (!countries.ok()) return countries.status();
  countries->path = "countries.txt";
  for (const KbLine& l : countries->lines) {
    if (l.fields.size() < 2 || l.fields.size() > 4) {
      return countries->Error(l, "expected 'ISO3 | names | demonyms | capitals'");
    }
    const std::string& code = l.fields[0];
    if (!IsCountryCode(code)) return countries->Error(l, "'" + code + "' is not an ISO-3 code");
    std::vector<std::string> names = SplitList(l.fields[1]);
    if (names.empty()) return countries->Error(l, "country " + code + " has no name");
    auto add = [&](const std::string& phrase, ActorKind kind, const std::string& sector) {
      ActorEntry e;
      e.kind = kind;
      e.code = code;
      e.sector = sector;
      e.name = names.front();
      e.source = countries->Where(l);
      e.exact_case = ShortAcronym(phrase);
      return d.AddName(fe.AnalyzePhrase(phrase), e);
    };
    for (const std::string& n : names) GRIOT_RETURN_IF_ERROR(add(n, ActorKind::kCountry, ""));
    if (l.fields.size() > 2) {
      for (const std::string& n : SplitList(l.fields[2])) {
        GRIOT_RETURN_IF_ERROR(add(n, ActorKind::kDemonym, ""));
      }
    }
    if (l.fields.size() > 3) {
      for (const std::string& n : SplitList(l.fields[3])) {
        GRIOT_RETURN_IF_ERROR(add(n, ActorKind::kCapital, "GOV"));
      }
    }
  }

  Result<KbFile> orgs = ReadKbFile(dir + "/organizations.txt", "organizations");
  if (!orgs.ok()) return orgs.status();
  orgs->path = "organizations.txt";
  for (const KbLine& l : orgs->lines) {
    if (l.fields.size() < 3 || l.fields.size() > 4) {
      return orgs->Error(l, "expected 'code | sector | canonical name | aliases'");
    }
    const std::string& code = l.fields[0];
    if (!IsCountryCode(code)) return orgs->Error(l, "'" + code + "' is not a code (ISO-3, IGO, NGO, IMG, MNC)");
    std::vector<std::string> phrases{l.fields[2]};
    if (l.fields.size() > 3) {
      for (std::string& a : SplitList(l.fields[3])) phrases.push_back(std::move(a));
    }
    for (const std::string& p : phrases) {
      ActorEntry e;
      e.kind = ActorKind::kOrganization;
      e.code = code;
      e.sector = l.fields[1];
      e.name = l.fields[2];
      e.source = orgs->Where(l);
      e.exact_case = ShortAcronym(p);
      GRIOT_RETURN_IF_ERROR(d.AddName(fe.AnalyzePhrase(p), e));
    }
  }

  Result<KbFile> people = ReadKbFile(dir + "/people.txt", "people");
  if (!people.ok()) return people.status();
  people->path = "people.txt";
  for (const KbLine& l : people->lines) {
    if (l.fields.size() != 7) {
      return people->Error(l, "expected 'name | aliases | code | sector | from | to | role'");
    }
    const std::string& code = l.fields[2];
    if (!IsCountryCode(code)) return people->Error(l, "'" + code + "' is not a code");
    for (int k : {4, 5}) {
      if (!l.fields[k].empty() && !IsDatePrefix(l.fields[k])) {
        return people->Error(l, "'" + l.fields[k] + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      }
    }
    std::vector<std::string> phrases{l.fields[0]};
    for (std::string& a : SplitList(l.fields[1])) phrases.push_back(std::move(a));
    for (const std::string& p : phrases) {
      ActorEntry e;
      e.kind = ActorKind::kPerson;
      e.code = code;
      e.sector = l.fields[3];
      e.name = l.fields[0];
      e.source = people->Where(l);
      e.from = l.fields[4];
      e.to = l.fields[5];
      GRIOT_RETURN_IF_ERROR(d.AddName(fe.AnalyzePhrase(p), e));
    }
  }

  Result<KbFile> agents = ReadKbFile(dir + "/agents.txt", "agents");
  if (!agents.ok()) return agents.status();
  agents->path = "agents.txt";
  for (const KbLine& l : agents->lines) {
    if (l.fields.size() != 2 || l.fields[0].empty() || l.fields[1].empty()) {
      return agents->Error(l, "expected 'noun phrase | SECTOR'");
    }
    std::vector<Token> tokens = fe.AnalyzePhrase(l.fields[0]);
    if (tokens.empty()) continue;
    std::vector<std::string> lemmas;
    for (const Token& t : tokens) lemmas.push_back(t.lemma.empty() ? t.lower : t.lemma);
    ActorEntry e;
    e.kind = ActorKind::kAgent;
    e.sector = l.fields[1];
    e.source = agents->Where(l);
    e.exact_case = ShortAcronym(l.fields[0]);
    uint32_t index = static_cast<uint32_t>(d.entries_.size());
    d.entries_.push_back(std::move(e));
    d.agents_.Insert(lemmas, index);
    // Plural nouns the tagger may lemmatize differently in running text
    // ("forces" vs "force") still meet here through the surface form.
    std::vector<std::string> lowers = Lowers(tokens);
    if (lowers != lemmas) d.agents_.Insert(lowers, index);
  }
  return d;
}

}  // namespace griot
