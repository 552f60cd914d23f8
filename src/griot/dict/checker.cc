// How the checker works. Each file is read with ReadKbFile (header, comments,
// fields) and its lines are validated one by one with the same rules as the
// loader that reads it in production, but a bad line only adds a finding and
// the check goes on. Files whose loader is the only holder of its rules
// (lexicon, abbreviations, dates, counts, actor words) are handed to that
// loader, which reports its first error. Phrases of countries, organizations and people go
// into one table keyed by their case-folded spelling, which is how the
// entity matcher meets them in text, so that a phrase with two codes shows
// wherever it was given them. Patterns are keyed by their lemmas, analysed
// like the pattern loader does. The examples run last, through the full
// pipeline, and only when the whole knowledge base loads.
#include "griot/dict/checker.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "griot/count/count_extractor.h"
#include "griot/kb/actor_words.h"
#include "griot/kb/examples.h"
#include "griot/kb/kb_file.h"
#include "griot/kb/knowledge_base.h"
#include "griot/kb/ontology.h"
#include "griot/pipeline.h"
#include "griot/syntax/lexicon.h"
#include "griot/text/abbreviations.h"
#include "griot/time/date_resolver.h"

namespace griot {
namespace {

namespace fs = std::filesystem;
using Severity = Finding::Severity;

// A phrase as the entity matcher compares it: lower case, single spaces.
std::string PhraseKey(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsCoordinate(const std::string& s, double limit) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && v >= -limit && v <= limit;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "file:12" -> ("file", 12); "file" -> ("file", 0).
std::pair<std::string, int> SplitWhere(const std::string& where) {
  size_t colon = where.rfind(':');
  if (colon == std::string::npos || colon + 1 == where.size()) return {where, 0};
  int line = 0;
  auto [p, ec] = std::from_chars(where.data() + colon + 1, where.data() + where.size(), line);
  if (ec != std::errc() || p != where.data() + where.size()) return {where, 0};
  return {where.substr(0, colon), line};
}

// Where an actor phrase was given a code, for the conflict check.
struct ActorClaim {
  std::string where;
  std::string file;
  int line = 0;
  std::string code;
  std::string sector;
  std::string person;  // people.txt: the canonical name

  std::string Codes() const { return sector.empty() ? code : code + "/" + sector; }
};

struct SeenPattern {
  std::string where;
  std::string kind;
  std::string type;
  std::string text;  // as written, "verb give ... backing"
};

class Checker {
 public:
  Checker(std::string kb_dir, CheckReport* report) : dir_(std::move(kb_dir)), report_(report) {}
  void Run(const std::string& wordnet_dir);

 private:
  void Add(Severity s, std::string where, std::string message) {
    report_->findings.push_back({s, std::move(where), std::move(message)});
  }
  void Error(const KbFile& f, const KbLine& l, std::string m) {
    Add(Severity::kError, f.Where(l), std::move(m));
  }
  void Warn(const KbFile& f, const KbLine& l, std::string m) {
    Add(Severity::kWarning, f.Where(l), std::move(m));
  }
  // Reports a loader's "path:line: message" under the checker's file names,
  // unless the line already has an error (the checker found it first).
  void LoaderError(const Status& status, const std::string& display);
  std::optional<KbFile> Read(const std::string& rel, std::string_view kind,
                             bool keep_examples = true);
  // Lemmas of a phrase as the loaders analyse it (lower case without a front end).
  std::vector<std::string> Lemmas(const std::string& phrase) const;

  void CheckOntology();
  void CheckLoaderOnlyFiles();
  void CheckGeo();
  void CheckCountries();
  void CheckOrganizations();
  void CheckPeople();
  void CheckAgents();
  void CheckCueFiles();
  void CheckPatternFile(const std::string& rel);
  void CheckPatternOptions(const KbFile& f, const KbLine& l, const std::string& type, bool stop);
  void CheckPatterns();
  void CheckSector(const KbFile& f, const KbLine& l, const std::string& sector);
  void Claim(const KbFile& f, const KbLine& l, const std::string& phrase, const std::string& code,
             const std::string& sector, const std::string& person = "");
  void RunExamples(const KnowledgeBase* kb);
  // "mode 'detain' was renamed 'arrest' (ontology.txt)" when (type, mode)
  // is an old name the ontology's renames know; `otherwise` when not.
  std::string UnknownName(const std::string& type, const std::string& mode,
                          const std::string& otherwise) const;

  std::string dir_;
  CheckReport* report_;
  const FrontEnd* fe_ = nullptr;
  bool ontology_read_ = false;
  std::optional<Ontology> ontology_;  // when ontology.txt loads: its renames
  std::set<std::string> types_, sectors_, contexts_;
  std::set<std::pair<std::string, std::string>> modes_;
  std::set<std::string> geo_countries_;                    // ISO3 codes of ../geo/country_codes.txt
  std::map<std::string, std::vector<ActorClaim>> actors_;  // by PhraseKey
  std::map<std::string, SeenPattern> patterns_;            // by "kind lemma lemma"
  std::map<std::string, std::vector<SeenPattern>> literal_patterns_;  // by lemmas without "..."
  std::map<std::string, std::string> word_classes_;          // class name -> where defined
  std::vector<std::pair<std::string, std::string>> class_uses_;  // (where, "@name")
  std::vector<KbFile> example_files_;  // files with example lines (lines dropped)
};

void Checker::LoaderError(const Status& status, const std::string& display) {
  std::string m = status.message();
  std::string where = display;
  if (m.compare(0, dir_.size() + 1, dir_ + "/") == 0) m.erase(0, dir_.size() + 1);
  size_t colon = m.find(": ");
  if (colon != std::string::npos && m.find(".txt") < colon) {
    where = m.substr(0, colon);
    m.erase(0, colon + 2);
  }
  for (const Finding& f : report_->findings) {
    if (f.severity == Severity::kError && f.where == where) return;
  }
  Add(Severity::kError, where, m);
}

std::optional<KbFile> Checker::Read(const std::string& rel, std::string_view kind,
                                    bool keep_examples) {
  Result<KbFile> file = ReadKbFile(dir_ + "/" + rel, kind);
  if (!file.ok()) {
    LoaderError(file.status(), rel);
    return std::nullopt;
  }
  file->path = rel;
  ++report_->files;
  report_->entries += static_cast<int>(file->lines.size());
  if (keep_examples && !file->examples.empty()) {
    KbFile examples = *file;
    examples.lines.clear();
    example_files_.push_back(std::move(examples));
  }
  return std::move(*file);
}

std::vector<std::string> Checker::Lemmas(const std::string& phrase) const {
  std::vector<std::string> out;
  if (fe_ == nullptr) {
    std::istringstream ws(PhraseKey(phrase));
    for (std::string w; ws >> w;) out.push_back(w);
    return out;
  }
  for (const Token& t : fe_->AnalyzePhrase(phrase))
    out.push_back(t.lemma.empty() ? t.lower : t.lemma);
  return out;
}

void Checker::CheckOntology() {
  Result<Ontology> loaded = Ontology::Load(dir_ + "/ontology.txt");
  if (!loaded.ok()) {
    LoaderError(loaded.status(), "ontology.txt");
  } else {
    ontology_ = std::move(*loaded);
  }
  std::optional<KbFile> f = Read("ontology.txt", "ontology");
  if (!f) return;
  ontology_read_ = true;
  // Collected leniently so that one bad ontology line does not turn every
  // use of a type or sector into an error as well.
  for (const KbLine& l : f->lines) {
    const auto& v = l.fields;
    if (v[0] == "type" && v.size() > 1) types_.insert(v[1]);
    if (v[0] == "mode" && v.size() > 2) modes_.insert({v[1], v[2]});
    if (v[0] == "sector" && v.size() > 1) sectors_.insert(v[1]);
    if (v[0] == "context" && v.size() > 1) contexts_.insert(v[1]);
  }
}

std::string Checker::UnknownName(const std::string& type, const std::string& mode,
                                 const std::string& otherwise) const {
  std::string note = ontology_ ? ontology_->RenameNote(type, mode) : "";
  return note.empty() ? otherwise : note;
}

void Checker::CheckLoaderOnlyFiles() {
  if (Read("lexicon.txt", "lexicon")) {
    Result<Lexicon> lexicon = Lexicon::Load(dir_ + "/lexicon.txt");
    if (!lexicon.ok()) LoaderError(lexicon.status(), "lexicon.txt");
  }
  if (Read("abbreviations.txt", "abbreviations")) {
    Result<Abbreviations> abbreviations = Abbreviations::Load(dir_ + "/abbreviations.txt");
    if (!abbreviations.ok()) LoaderError(abbreviations.status(), "abbreviations.txt");
  }
  // These need the front end, which needs the lexicon and abbreviations.
  if (Read("dates.txt", "dates") && fe_ != nullptr) {
    Result<DateResolver> dates = DateResolver::Load(dir_, *fe_);
    if (!dates.ok()) LoaderError(dates.status(), "dates.txt");
  }
  if (Read("counts.txt", "counts") && fe_ != nullptr) {
    Result<CountExtractor> counts = CountExtractor::Load(dir_, *fe_);
    if (!counts.ok()) LoaderError(counts.status(), "counts.txt");
  }
  if (Read("actor_words.txt", "actor-words") && fe_ != nullptr) {
    Result<ActorWords> words = ActorWords::Load(dir_ + "/actor_words.txt", *fe_);
    if (!words.ok()) LoaderError(words.status(), "actor_words.txt");
  }
}

// ../geo/ holds what griot-gazetteer compiles; its rules are those of
// gazetteer_builder.cc, which also reads countries.txt against country_codes.txt.
void Checker::CheckGeo() {
  std::error_code ec;
  fs::path geo = fs::path(dir_) / ".." / "geo";
  if (!fs::is_directory(geo, ec)) return;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(geo, ec)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());  // country_codes.txt first
  for (const std::string& name : names) {
    std::string kind = fs::path(name).stem().string();
    std::replace(kind.begin(), kind.end(), '_', '-');
    std::optional<KbFile> f = Read("../geo/" + name, kind, false);
    if (!f) continue;
    std::map<std::string, std::string> seen;
    for (const KbLine& l : f->lines) {
      const auto& v = l.fields;
      if (kind == "country-codes") {
        if (v.size() != 4) {
          Error(*f, l, "expected 'ISO2 | ISO3 | lat | lon'");
          continue;
        }
        if (!IsUpperCode(v[0], 2) || !IsUpperCode(v[1], 3)) {
          Error(*f, l, "country codes must be 2 and 3 upper-case letters");
        }
        if (!IsCoordinate(v[2], 90) || !IsCoordinate(v[3], 180)) {
          Error(*f, l, "latitude and longitude must be decimal degrees");
        }
        for (const std::string& code : {v[0], v[1]}) {
          auto [it, fresh] = seen.emplace(code, f->Where(l));
          if (!fresh)
            Error(*f, l, "country " + code + " listed twice (also at " + it->second + ")");
        }
        geo_countries_.insert(v[1]);
        continue;
      }
      if (kind != "regions" && kind != "places") continue;  // only the header is known
      const size_t lat = 4, want = kind == "regions" ? 6 : 7;
      const size_t country = kind == "regions" ? 0 : 2, name_field = kind == "regions" ? 1 : 0;
      if (v.size() != want) {
        Error(*f, l,
              kind == "regions" ? "expected 'ISO3 | region name | aliases | capital | lat | lon'"
                                : "expected 'name | aliases | ISO3 | region | lat | lon | kind'");
        continue;
      }
      if (v[name_field].empty()) Error(*f, l, "the name is empty");
      if (!geo_countries_.empty() && !geo_countries_.count(v[country])) {
        Error(*f, l, "unknown country '" + v[country] + "' (not in country_codes.txt)");
      }
      if (!IsCoordinate(v[lat], 90) || !IsCoordinate(v[lat + 1], 180)) {
        Error(*f, l, "latitude and longitude must be decimal degrees");
      }
      if (kind == "places" && v[6] != "village" && v[6] != "camp" && v[6] != "town" &&
          v[6] != "site") {
        Error(*f, l, "kind must be village, camp, town or site");
      }
      std::string key = v[country] + "|" + PhraseKey(v[name_field]) +
                        (kind == "places" ? "|" + PhraseKey(v[3]) : "");
      auto [it, fresh] = seen.emplace(key, f->Where(l));
      if (!fresh) Warn(*f, l, "'" + v[name_field] + "' listed twice (also at " + it->second + ")");
    }
  }
}

void Checker::CheckSector(const KbFile& f, const KbLine& l, const std::string& sector) {
  if (ontology_read_ && !sector.empty() && !sectors_.count(sector)) {
    Error(f, l, "sector '" + sector + "' is not declared in ontology.txt");
  }
}

// Records that `phrase` stands for code/sector; reports a phrase listed twice
// in one file (warning), given two codes anywhere or shared by two people
// with different codes (errors; people of one country may share a surname:
// the date decides). A person with several dated roles repeats the names on purpose.
void Checker::Claim(const KbFile& f, const KbLine& l, const std::string& phrase,
                    const std::string& code, const std::string& sector, const std::string& person) {
  ActorClaim claim{f.Where(l), f.path, l.line, code, sector, person};
  std::string key = PhraseKey(phrase);
  if (key.empty()) return;
  std::vector<ActorClaim>& claims = actors_[key];
  // A person's later roles repeat the names: they were checked at the first.
  bool person_seen = std::any_of(claims.begin(), claims.end(), [&](const ActorClaim& c) {
    return !person.empty() && c.person == person && c.line != claim.line;
  });
  for (const ActorClaim& c : claims) {
    if (person_seen) break;
    bool same_codes = c.Codes() == claim.Codes();
    if (c.file == claim.file && c.line == claim.line) {
      if (same_codes) {
        Warn(f, l, "'" + phrase + "' listed twice on this line");
      } else {
        Error(f, l,
              "'" + phrase + "' is both " + claim.Codes() + " and " + c.Codes() + " on this line");
      }
      break;
    }
    if (!c.person.empty() && !claim.person.empty()) {
      if (c.person == claim.person) continue;  // another role of the same person
      // "Bush", "Assad", "Kabila": relatives of one country share a name and
      // the document's date picks the office holder.
      if (c.code == claim.code) continue;
      Error(f, l,
            "'" + phrase + "' names both " + claim.person + " and " + c.person + " (" + c.where +
                ")");
      break;
    }
    if (!same_codes) {
      Error(f, l,
            "'" + phrase + "' is " + claim.Codes() + " here but " + c.Codes() + " at " + c.where);
      break;
    }
    if (c.file == claim.file) {
      Warn(f, l, "'" + phrase + "' listed twice (also at " + c.where + ")");
      break;
    }
  }
  claims.push_back(std::move(claim));
}

void Checker::CheckCountries() {
  std::optional<KbFile> f = Read("countries.txt", "countries");
  if (!f) return;
  for (const KbLine& l : f->lines) {
    const auto& v = l.fields;
    if (v.size() < 2 || v.size() > 4) {
      Error(*f, l, "expected 'ISO3 | names | demonyms | capitals'");
      continue;
    }
    if (!IsUpperCode(v[0], 3)) {
      Error(*f, l, "'" + v[0] + "' is not an ISO-3 code");
      continue;
    }
    if (!geo_countries_.empty() && !geo_countries_.count(v[0])) {
      Error(*f, l,
            v[0] + " is not in ../geo/country_codes.txt (the gazetteer build needs it there)");
    }
    std::vector<std::string> names = SplitList(v[1]);
    if (names.empty()) Error(*f, l, "country " + v[0] + " has no name");
    for (const std::string& n : names) Claim(*f, l, n, v[0], "");
    if (v.size() > 2) {
      for (const std::string& n : SplitList(v[2])) Claim(*f, l, n, v[0], "");
    }
    if (v.size() > 3) {
      for (const std::string& n : SplitList(v[3])) Claim(*f, l, n, v[0], "GOV");
    }
  }
}

void Checker::CheckOrganizations() {
  std::optional<KbFile> f = Read("organizations.txt", "organizations");
  if (!f) return;
  for (const KbLine& l : f->lines) {
    const auto& v = l.fields;
    if (v.size() < 3 || v.size() > 4) {
      Error(*f, l, "expected 'code | sector | canonical name | aliases'");
      continue;
    }
    if (!IsUpperCode(v[0], 3)) {
      Error(*f, l, "'" + v[0] + "' is not a code (ISO-3, IGO, NGO, IMG, MNC)");
      continue;
    }
    CheckSector(*f, l, v[1]);
    if (v[2].empty()) Error(*f, l, "the canonical name is empty");
    Claim(*f, l, v[2], v[0], v[1]);
    if (v.size() > 3) {
      for (const std::string& a : SplitList(v[3])) Claim(*f, l, a, v[0], v[1]);
    }
  }
}

void Checker::CheckPeople() {
  std::optional<KbFile> f = Read("people.txt", "people");
  if (!f) return;
  for (const KbLine& l : f->lines) {
    const auto& v = l.fields;
    if (v.size() != 7) {
      Error(*f, l, "expected 'name | aliases | code | sector | from | to | role'");
      continue;
    }
    if (!IsUpperCode(v[2], 3)) {
      Error(*f, l, "'" + v[2] + "' is not a code");
      continue;
    }
    CheckSector(*f, l, v[3]);
    for (int k : {4, 5}) {
      if (!v[k].empty() && !IsDatePrefix(v[k])) {
        Error(*f, l, "'" + v[k] + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
      }
    }
    if (IsDatePrefix(v[4]) && IsDatePrefix(v[5]) && v[5] < v[4].substr(0, v[5].size())) {
      Error(*f, l, "the role ends (" + v[5] + ") before it begins (" + v[4] + ")");
    }
    if (v[0].empty()) {
      Error(*f, l, "the canonical name is empty");
      continue;
    }
    Claim(*f, l, v[0], v[2], v[3], v[0]);
    for (const std::string& a : SplitList(v[1])) Claim(*f, l, a, v[2], v[3], v[0]);
  }
}

void Checker::CheckAgents() {
  std::optional<KbFile> f = Read("agents.txt", "agents");
  if (!f) return;
  std::map<std::string, std::pair<std::string, std::string>> seen;  // lemmas -> (where, sector)
  for (const KbLine& l : f->lines) {
    const auto& v = l.fields;
    if (v.size() != 2 || v[0].empty() || v[1].empty()) {
      Error(*f, l, "expected 'noun phrase | SECTOR'");
      continue;
    }
    CheckSector(*f, l, v[1]);
    // Keyed by lemmas: "soldiers" and "soldier" are the same entry.
    auto [it, fresh] = seen.emplace(Join(Lemmas(v[0])), std::pair{f->Where(l), v[1]});
    if (fresh) continue;
    const auto& [where, sector] = it->second;
    if (sector != v[1]) {
      Error(*f, l, "'" + v[0] + "' is " + v[1] + " here but " + sector + " at " + where);
    } else {
      Warn(*f, l, "'" + v[0] + "' listed twice (also at " + where + ")");
    }
  }
}

// contexts.txt and nonpolitical.txt: cue lists.
void Checker::CheckCueFiles() {
  if (std::optional<KbFile> f = Read("contexts.txt", "contexts")) {
    std::map<std::string, std::string> seen;  // "context|cue" -> where
    for (const KbLine& l : f->lines) {
      if (l.fields.size() != 2) {
        Error(*f, l, "expected 'context | cue; cue; ...'");
        continue;
      }
      if (ontology_read_ && !contexts_.count(l.fields[0])) {
        Error(*f, l, "context '" + l.fields[0] + "' is not declared in ontology.txt");
      }
      for (const std::string& cue : SplitList(l.fields[1])) {
        auto [it, fresh] = seen.emplace(l.fields[0] + "|" + Join(Lemmas(cue)), f->Where(l));
        if (!fresh)
          Warn(*f, l,
               "cue '" + cue + "' listed twice for " + l.fields[0] + " (also at " + it->second +
                   ")");
      }
    }
  }
  if (std::optional<KbFile> f = Read("nonpolitical.txt", "nonpolitical")) {
    std::map<std::string, std::string> seen;
    for (const KbLine& l : f->lines) {
      if (l.fields.size() != 2 || l.fields[0].empty()) {
        Error(*f, l, "expected 'cue | domain'");
        continue;
      }
      auto [it, fresh] = seen.emplace(Join(Lemmas(l.fields[0])), f->Where(l));
      if (!fresh)
        Warn(*f, l, "cue '" + l.fields[0] + "' listed twice (also at " + it->second + ")");
    }
  }
}

void Checker::CheckPatternOptions(const KbFile& f, const KbLine& l, const std::string& type,
                                  bool stop) {
  if (l.fields.size() > 2) Error(f, l, "expected 'kind lemmas | options' (one '|')");
  if (l.fields.size() < 2) return;
  if (stop) {
    Error(f, l, "stop lines take no options");
    return;
  }
  std::istringstream os(l.fields[1]);
  for (std::string opt; os >> opt;) {
    size_t eq = opt.find('=');
    std::string key = opt.substr(0, eq);
    std::string value = eq == std::string::npos ? "" : opt.substr(eq + 1);
    if (key == "governs") continue;
    if (key == "passive") {
      if (value != "actor") Error(f, l, "passive can only be 'actor'");
    } else if (key == "requires") {
      if (value != "object") Error(f, l, "requires can only be 'object'");
    } else if (key == "object") {
      if (value != "none") Error(f, l, "object can only be 'none'");
    } else if (key == "roles") {
      if (value != "swapped") Error(f, l, "roles can only be 'swapped'");
    } else if (key != "mode" && key != "cameo" && key != "recipient" && key != "actor" &&
               key != "neg" && key != "conf" && key != "context") {
      Error(f, l, "unknown option '" + key + "'");
    } else if (value.empty()) {
      Error(f, l, "option '" + key + "' needs a value (key=value)");
    } else if (key == "mode") {
      if (!type.empty() && ontology_read_ && !modes_.count({type, value})) {
        Error(f, l, UnknownName(type, value, "mode '" + value + "' is not declared for " + type +
                                                 " in ontology.txt"));
      }
    } else if (key == "context") {
      std::istringstream names(value);
      for (std::string c; std::getline(names, c, ',');) {
        if (!ontology_read_ || contexts_.count(c)) continue;
        std::optional<std::string> now = ontology_ ? ontology_->ContextRenamed(c) : std::nullopt;
        Error(f, l, "context '" + c + "' " +
                        (!now ? "is not declared in ontology.txt"
                         : now->empty() ? "was dropped (ontology.txt)"
                                        : "was renamed '" + *now + "' (ontology.txt)"));
      }
    } else if (key == "neg") {
      if (value != "drop" && ontology_read_ && !types_.count(value)) {
        Error(f, l, "neg must be 'drop' or an event type, not '" + value + "'");
      }
    } else if (key == "conf") {
      double conf = -1;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), conf);
      if (ec != std::errc() || p != value.data() + value.size()) {
        Error(f, l, "conf must be a number, not '" + value + "'");
      } else if (conf < 0 || conf > 1) {
        Error(f, l, "conf must be within 0..1");
      }
    }
  }
}

void Checker::CheckPatternFile(const std::string& rel) {
  std::optional<KbFile> f = Read(rel, "patterns");
  if (!f) return;
  std::string type;        // "" before the first type line or after an unknown type
  bool have_type = false;  // a type line was seen, known or not
  std::map<std::string, std::string> in_file;  // key -> where
  for (const KbLine& l : f->lines) {
    std::istringstream head(l.fields[0]);
    std::string kind;
    head >> kind;
    if (kind == "type") {
      head >> type;
      have_type = true;
      if (ontology_read_ && !types_.count(type)) {
        Error(*f, l, UnknownName(type, "", "unknown event type '" + type + "'"));
        type.clear();
      }
      continue;
    }
    if (kind == "class") {
      std::string name;
      head >> name;
      if (name.empty() || l.fields.size() < 2) {
        Error(*f, l, "a class line is 'class NAME | lemma; lemma; ...'");
        continue;
      }
      auto [at, fresh] = word_classes_.emplace(name, f->Where(l));
      if (!fresh) Error(*f, l, "word class '" + name + "' is already defined at " + at->second);
      // (Members cut into words as the pattern loader cuts them.)
      std::istringstream ms(l.fields[1]);
      int members = 0;
      for (std::string m; std::getline(ms, m, ';');) {
        std::string key = PhraseKey(m);
        if (key.empty()) continue;
        ++members;
        size_t words = fe_ ? fe_->AnalyzePhrase(key).size() : 1 + std::count(key.begin(), key.end(), ' ');
        if (words != 1) Error(*f, l, "class member '" + key + "' is not one word");
      }
      if (members == 0) Error(*f, l, "word class '" + name + "' has no members");
      continue;
    }
    bool stop = kind == "stop";
    if (!stop && kind != "verb" && kind != "noun" && kind != "phrase") {
      Error(*f, l, "unknown pattern kind '" + kind + "' (verb, noun, phrase, stop or type)");
      continue;
    }
    if (!have_type && !stop) Error(*f, l, "a 'type TYPE' line must come before the patterns");
    CheckPatternOptions(*f, l, type, stop);
    // The words, analysed as the pattern loader does: the head kept as
    // written, the others lemmatized.
    std::vector<std::string> words;
    std::string rest;
    std::getline(head, rest);
    std::istringstream ws(rest);
    for (std::string w; ws >> w;) {
      if (w[0] == '@') {
        if (words.empty()) Error(*f, l, "a pattern cannot start with a word class");
        class_uses_.emplace_back(f->Where(l), w);
        words.push_back(w);
        continue;
      }
      if (w == "..." || fe_ == nullptr) {
        words.push_back(w == "..." ? w : PhraseKey(w));
        continue;
      }
      for (const Token& t : fe_->AnalyzePhrase(w)) {
        words.push_back(words.empty() || t.lemma.empty() ? t.lower : t.lemma);
      }
    }
    if (words.empty()) {
      Error(*f, l, "pattern has no words");
      continue;
    }
    if (words.front() == "...") {
      Error(*f, l, "a pattern cannot start with '...'");
      continue;
    }
    if (words.back() == "...") {
      Error(*f, l, "a pattern cannot end with '...'");
      continue;
    }
    std::string key = kind + " " + Join(words);
    // Said as written, with the lemmas when they differ ("backing" -> "back").
    std::string text = kind + " " + PhraseKey(rest);
    std::string shown = "'" + text + "'" + (text == key ? "" : " (read as '" + key + "')");
    auto [dup, fresh] = in_file.emplace(key, f->Where(l));
    if (!fresh) {
      // The pattern loader refuses the file for this, so it is an error.
      Error(*f, l, "duplicate pattern " + shown + " (also at " + dup->second + ")");
      continue;
    }
    SeenPattern p{f->Where(l), kind, stop ? "" : type, text};
    if (!stop && type.empty()) continue;  // its type is already reported
    auto [same, first] = patterns_.emplace(key, p);
    if (!first) {
      if (same->second.type != p.type) {
        Error(*f, l,
              shown + " is " + p.type + " here but " + same->second.type + " at " +
                  same->second.where);
      } else {
        Warn(*f, l, shown + " listed twice (also at " + same->second.where + ")");
      }
      continue;
    }
    if (stop) continue;
    // Same literal words, different type: which one fires depends on the
    // gap, or on the verb/noun reading when one of them is a phrase.
    std::vector<std::string> literal;
    std::copy_if(words.begin(), words.end(), std::back_inserter(literal),
                 [](const std::string& w) { return w != "..."; });
    std::vector<SeenPattern>& alike = literal_patterns_[Join(literal)];
    for (const SeenPattern& q : alike) {
      bool kinds_meet = q.kind == kind || q.kind == "phrase" || kind == "phrase";
      if (kinds_meet && q.type != p.type) {
        Warn(*f, l,
             shown + " (" + p.type + ") has the same words as '" + q.text + "' (" + q.type +
                 ") at " + q.where);
        break;
      }
    }
    alike.push_back(std::move(p));
  }
}

void Checker::CheckPatterns() {
  std::error_code ec;
  fs::path dir = fs::path(dir_) / "patterns";
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  }
  if (names.empty()) {
    Add(Severity::kError, "patterns", "no pattern files (patterns/*.txt)");
    return;
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) CheckPatternFile("patterns/" + name);
  for (const auto& [where, use] : class_uses_) {
    if (!word_classes_.count(use.substr(1))) {
      Add(Severity::kError, where, "unknown word class '" + use + "'");
    }
  }
}

// Every example is parsed and checked against the ontology; it is coded only
// when the knowledge base loaded (`kb` not null).
void Checker::RunExamples(const KnowledgeBase* kb) {
  // Examples check what the patterns make, not the trained confidence
  // threshold: every event counts.
  std::optional<Pipeline> pipeline;
  Limits all;
  all.min_confidence = 0;
  if (kb != nullptr) pipeline.emplace(kb, all);
  for (const KbFile& f : example_files_) {
    for (const KbLine& l : f.examples) {
      Result<Example> ex = ParseExample(f, l);
      std::string problem;
      if (!ex.ok()) {
        problem = ex.status().message();
      } else if (ontology_read_ && ex->type != "none" && !types_.count(ex->type)) {
        problem = UnknownName(ex->type, ex->mode, "unknown event type '" + ex->type + "'");
      } else if (ontology_read_ && !ex->mode.empty() && !modes_.count({ex->type, ex->mode})) {
        problem = UnknownName(ex->type, ex->mode,
                              "mode '" + ex->mode + "' is not declared for " + ex->type +
                                  " in ontology.txt");
      } else if (pipeline) {
        Document doc;
        doc.id = ex->where;
        doc.text = ex->sentence;
        Status coded = pipeline->Code(doc);
        problem = coded.ok() ? CheckExample(*ex, doc) : coded.message();
      } else {
        continue;  // well formed, but nothing to run it on
      }
      ++report_->examples;
      if (problem.empty()) continue;
      ++report_->examples_failed;
      std::string where = f.Where(l);
      if (problem.compare(0, where.size() + 2, where + ": ") == 0) {
        problem.erase(0, where.size() + 2);
      }
      if (problem.compare(0, 7, "example") != 0) problem = "example: " + problem;
      Add(Severity::kError, where, problem);
    }
  }
}

void Checker::Run(const std::string& wordnet_dir) {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) {
    Add(Severity::kError, dir_, "not a knowledge-base directory");
    return;
  }
  Result<std::unique_ptr<KnowledgeBase>> kb = KnowledgeBase::Load(dir_, wordnet_dir);
  std::unique_ptr<FrontEnd> own_front_end;
  if (kb.ok()) {
    fe_ = &(*kb)->front_end();
  } else if (auto fe = CreateEnglishFrontEnd(dir_, wordnet_dir); fe.ok()) {
    own_front_end = std::move(*fe);
    fe_ = own_front_end.get();
  }
  CheckOntology();
  CheckLoaderOnlyFiles();
  CheckGeo();
  CheckCountries();
  CheckOrganizations();
  CheckPeople();
  CheckAgents();
  CheckCueFiles();
  CheckPatterns();
  if (!kb.ok()) {
    LoaderError(kb.status(), "");
    Add(Severity::kWarning, "", "examples not run: the knowledge base does not load");
  }
  RunExamples(kb.ok() ? kb->get() : nullptr);
}

}  // namespace

bool CheckReport::ok() const { return errors() == 0 && examples_failed == 0; }

int CheckReport::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

int CheckReport::warnings() const { return static_cast<int>(findings.size()) - errors(); }

CheckReport CheckKnowledgeBase(const std::string& kb_dir, const std::string& wordnet_dir) {
  CheckReport report;
  std::string dir = kb_dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  Checker(dir, &report).Run(wordnet_dir);
  // Findings without a place (the whole knowledge base) come last.
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.where.empty() != b.where.empty()) return b.where.empty();
                     return SplitWhere(a.where) < SplitWhere(b.where);
                   });
  return report;
}

std::string FormatCheckReport(const CheckReport& report) {
  std::string out;
  for (const Finding& f : report.findings) {
    if (!f.where.empty()) out += f.where + ": ";
    out += f.severity == Severity::kError ? "error: " : "warning: ";
    out += f.message + "\n";
  }
  out += std::to_string(report.files) + " files, " + std::to_string(report.entries) + " entries, " +
         std::to_string(report.examples) + " examples (" + std::to_string(report.examples_failed) +
         " failed): " + std::to_string(report.errors()) + " errors, " +
         std::to_string(report.warnings()) + " warnings\n";
  return out;
}

}  // namespace griot
