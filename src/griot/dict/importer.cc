// Design note. TABARI and PETRARCH dictionaries are line-oriented: an entry
// line (a phrase with words joined by `_`, then bracketed codes) may be
// followed by continuation lines (`+SYNONYM`, indented `[CODE DATES]`). The
// importer reads a file in two steps: CleanLines() strips comments and blank
// lines, then each kind gathers its entries and turns them into griot lines.
// Structural damage (an unclosed bracket, a continuation with nothing to
// continue) stops the import with file:line, because everything after it
// would be misread; a problem confined to one entry only skips that entry
// with a warning. Mapping decisions are documented in docs/knowledge-base.md.
#include "griot/dict/importer.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "griot/kb/kb_file.h"

namespace griot {
namespace {

struct DictLine {
  int number = 0;
  std::string text;  // comment stripped and trimmed, never empty
};

struct Pieces {
  std::string words;               // text outside brackets and braces
  std::vector<std::string> forms;  // words inside {...}
  std::vector<std::string> codes;  // contents of each [...]
};

// One actor or agent entry with its continuation lines.
struct Entry {
  int line = 0;
  std::vector<std::pair<int, std::string>> phrases;  // the entry's phrase first, then +synonyms
  std::vector<std::string> forms;
  std::vector<std::pair<int, std::string>> codes;
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::vector<DictLine> CleanLines(const std::string& text) {
  std::vector<DictLine> out;
  std::istringstream in(text);
  std::string raw;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    // `#` (PETRARCH) and `;` at the start of a word (TABARI) begin comments.
    size_t cut = raw.size();
    for (size_t i = 0; i < raw.size() && cut == raw.size(); ++i) {
      bool word_start = i == 0 || std::isspace(static_cast<unsigned char>(raw[i - 1]));
      if (raw[i] == '#' || (raw[i] == ';' && word_start)) cut = i;
    }
    std::string t(Trim(std::string_view(raw).substr(0, cut)));
    if (t.empty()) continue;
    if (StartsWith(t, "~~FINISH")) break;  // TABARI's end-of-dictionary mark
    out.push_back({n, t});
  }
  return out;
}

// The words of a phrase ("BARACK_OBAMA_" -> BARACK, OBAMA); empty when a
// word uses dictionary syntax griot cannot express (`!`, `&CLASS`, `%`...).
std::vector<std::string> PhraseWords(const std::string& phrase) {
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(w);
    w.clear();
  };
  for (char c : phrase) {
    if (c == '_' || c == ' ' || c == '\t') {
      flush();
      continue;
    }
    auto u = static_cast<unsigned char>(c);
    bool ok = std::isalnum(u) || u >= 0x80 || c == '\'' || c == '-' || c == '.' ||
              (c == '&' && !w.empty());
    if (!ok) return {};
    w += c;
  }
  flush();
  return words;
}

// ---- Codes ---------------------------------------------------------------

const std::set<std::string>& GriotSectors() {
  // The sectors declared in kb/en/ontology.txt.
  static const std::set<std::string> kSectors = {
      "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "UAF", "CRM", "MED",
      "CVL", "REF", "LAB", "BUS", "EDU", "HLH", "REL", "HRI", "AGR", "ELI", "NGO", "IGO"};
  return kSectors;
}

// A CAMEO sector as a griot sector, "" when griot has none.
std::string GriotSector(const std::string& cameo) {
  if (cameo == "INS") return "REB";  // CAMEO insurgents: griot's REB covers them
  return GriotSectors().count(cameo) ? cameo : "";
}

bool IsOrgCode(const std::string& c) {
  return c == "IGO" || c == "NGO" || c == "IMG" || c == "MNC";
}

// "20090120" -> "2009-01-20", "" when it is not a date.
std::string IsoDate(const std::string& d) {
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), IsDigit)) return "";
  int month = std::stoi(d.substr(4, 2)), day = std::stoi(d.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

struct Role {
  std::string code, country, sector, from, to;
};

// Reads "USAGOV 20090120-20170120" / ">20170120" / "<20090120"; returns an
// error text or "".
std::string ParseRole(const std::string& bracket, Role* r) {
  std::istringstream in(bracket);
  std::string restriction, extra;
  in >> r->code >> restriction >> extra;
  if (!extra.empty()) return "unexpected '" + extra + "' in [" + bracket + "]";
  if (restriction.empty()) return "";
  if (restriction[0] == '>' || restriction[0] == '<') {
    std::string d = IsoDate(restriction.substr(1));
    if (d.empty()) return "'" + restriction + "' is not a date restriction (>YYYYMMDD, <YYYYMMDD)";
    (restriction[0] == '>' ? r->from : r->to) = d;
    return "";
  }
  size_t dash = restriction.find('-');
  if (dash != std::string::npos) {
    r->from = IsoDate(restriction.substr(0, dash));
    r->to = IsoDate(restriction.substr(dash + 1));
  }
  if (r->from.empty() || r->to.empty()) {
    return "'" + restriction + "' is not a date range (YYYYMMDD-YYYYMMDD)";
  }
  return "";
}

// ---- Names ---------------------------------------------------------------

std::string Capitalized(const std::string& w) {
  std::string out = Lower(w);
  bool start = true;
  for (char& c : out) {
    if (start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = c == '-' || c == '\'';
  }
  return out;
}

// Short words the all-caps dictionaries write like acronyms but are not.
bool CommonShortWord(const std::string& w) {
  static const std::set<std::string> kWords = {"AIR", "SEA", "WAR", "NEW", "OLD", "RED", "BAY",
                                               "AL",  "EL",  "BIN", "IBN", "ABU", "BANI"};
  return kWords.count(w) > 0;
}
bool FunctionWord(const std::string& w) {
  static const std::set<std::string> kWords = {"OF", "THE", "AND", "FOR", "IN", "ON", "AT",
                                               "TO", "BY",  "DE",  "DES", "DU", "LA", "LE"};
  return kWords.count(w) > 0;
}
bool Acronym(const std::string& w, size_t max_letters) {
  return w.size() <= max_letters && std::all_of(w.begin(), w.end(), IsUpper) &&
         !CommonShortWord(w) && !FunctionWord(w);
}

// Person names are title-cased throughout. Other names keep all-caps tokens
// as acronyms when short: a whole name of up to four letters ("NATO",
// "UNDP"), a word of up to three inside a longer name ("US Army", "UN
// Security Council"; "Lake", "Army", "Bank" are words, not acronyms).
std::string DisplayName(const std::vector<std::string>& words, bool person) {
  std::vector<std::string> out;
  size_t max_letters = words.size() == 1 ? 4 : 3;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (!person && Acronym(w, max_letters)) {
      out.push_back(w);
    } else {
      out.push_back(!person && i > 0 && FunctionWord(w) ? Lower(w) : Capitalized(w));
    }
  }
  return Join(out, " ");
}

// An entry is a person when it has dated roles, or when its phrase has two
// or more words, not all acronyms, none of them an institution word.
bool LooksLikePerson(const std::vector<std::string>& words, bool dated) {
  static const std::set<std::string> kInstitution = {
      "ARMY",       "NAVY",         "FORCE",        "FORCES",     "MINISTRY",  "GOVERNMENT",
      "COUNCIL",    "PARTY",        "FRONT",        "MOVEMENT",   "UNION",     "ASSEMBLY",
      "PARLIAMENT", "COURT",        "COMMISSION",   "COMMITTEE",  "AGENCY",    "BANK",
      "OFFICE",     "ORGANIZATION", "ORGANISATION", "GROUP",      "LEAGUE",    "HOUSE",
      "STATES",     "STATE",        "REPUBLIC",     "KINGDOM",    "NATIONS",   "NATIONAL",
      "UNITED",     "POLICE",       "GUARD",        "BRIGADE",    "BRIGADES",  "CORPS",
      "ALLIANCE",   "COALITION",    "ASSOCIATION",  "FEDERATION", "INSTITUTE", "UNIVERSITY",
      "COMPANY",    "CORPORATION",  "DEPARTMENT",   "SERVICE",    "SERVICES",  "AUTHORITY",
      "FUND",       "PROGRAM",      "PROGRAMME",    "MISSION",    "CONGRESS",  "SENATE",
      "CABINET",    "EMBASSY",      "MILITIA",      "REBELS",     "COMMAND",   "TRIBUNAL",
      "BUREAU",     "NETWORK"};
  if (dated) return true;
  if (words.size() < 2) return false;
  bool all_acronyms = true;
  for (const std::string& w : words) {
    std::string u = Upper(w);
    if (kInstitution.count(u) || FunctionWord(u)) return false;
    if (std::any_of(u.begin(), u.end(), IsDigit)) return false;
    if (!Acronym(u, 4)) all_acronyms = false;
  }
  return !all_acronyms;
}

// ---- The importer ------------------------------------------------------------

struct Synset;  // a verb entry with its patterns (see Verbs below)

class Importer {
 public:
  Importer(DictFormat format, std::string path) : format_(format), path_(std::move(path)) {}

  Result<ImportResult> Run(const std::string& text, DictKind kind);

 private:
  std::string Where(int line) const { return path_ + ":" + std::to_string(line); }
  void Warn(int line, const std::string& message) {
    result_.warnings.push_back(Where(line) + ": " + message);
  }
  void NoEvent(int line) {
    if (no_event_ == 0) no_event_line_ = line;
    ++no_event_;
  }
  Result<Pieces> Split(const DictLine& l, std::string_view text) const;
  Result<std::vector<Entry>> CollectEntries(const std::vector<DictLine>& lines) const;
  void Actors(const std::vector<Entry>& entries);
  void Agents(const std::vector<Entry>& entries);
  std::vector<Role> Roles(const Entry& e, bool* dated);
  Result<std::vector<Synset>> ReadSynsets(const std::vector<DictLine>& lines);
  void Patterns(const std::vector<Synset>& synsets);
  std::string Header(const std::string& kind) const;

  DictFormat format_;
  std::string path_;
  ImportResult result_;
  int no_event_ = 0, no_event_line_ = 0;  // entries coded [---]
};

Result<Pieces> Importer::Split(const DictLine& l, std::string_view s) const {
  Pieces p;
  std::string words;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ']' || c == '}') {
      return InvalidArgument(Where(l.number) + ": '" + c + "' without an opening bracket");
    }
    if (c != '[' && c != '{') {
      words += c;
      continue;
    }
    char close = c == '[' ? ']' : '}';
    size_t end = s.find(close, i + 1);
    if (end == std::string_view::npos) {
      return InvalidArgument(Where(l.number) + ": '" + c + "' without a closing '" + close +
                             "'; the dictionary looks damaged, fix the line and import again");
    }
    std::string inside(Trim(s.substr(i + 1, end - i - 1)));
    if (c == '[') {
      p.codes.push_back(inside);
    } else {
      std::istringstream ws(inside);
      for (std::string w; ws >> w;) p.forms.push_back(w);
    }
    i = end;
  }
  p.words = std::string(Trim(words));
  return p;
}

Result<std::vector<Entry>> Importer::CollectEntries(const std::vector<DictLine>& lines) const {
  std::vector<Entry> entries;
  for (const DictLine& l : lines) {
    bool synonym = l.text[0] == '+';
    bool continuation = synonym || l.text[0] == '[';
    Result<Pieces> p = Split(l, std::string_view(l.text).substr(synonym ? 1 : 0));
    if (!p.ok()) return p.status();
    if (continuation && entries.empty()) {
      return InvalidArgument(Where(l.number) + ": '" + l.text +
                             "' continues an entry but no entry comes before it");
    }
    if (!continuation) entries.push_back(Entry{l.number, {}, {}, {}});
    Entry& e = entries.back();
    if (!p->words.empty()) e.phrases.emplace_back(l.number, p->words);
    for (std::string& f : p->forms) e.forms.push_back(std::move(f));
    for (std::string& c : p->codes) e.codes.emplace_back(l.number, std::move(c));
  }
  return entries;
}

std::string Importer::Header(const std::string& kind) const {
  return "griot-kb " + kind + " 1\n# Imported from " + path_ + " (" +
         (format_ == DictFormat::kTabari ? "TABARI" : "PETRARCH") +
         " format) by griot dict import; review before use.\n";
}

// The entry's codes as roles; codes that cannot be used are warned about.
std::vector<Role> Importer::Roles(const Entry& e, bool* dated) {
  std::vector<Role> roles;
  for (const auto& [line, bracket] : e.codes) {
    Role r;
    std::string error = ParseRole(bracket, &r);
    if (r.code == "---") {
      NoEvent(line);
      continue;
    }
    if (error.empty() && r.code[0] == '~')
      error = "agent code [" + bracket + "] in an actor dictionary";
    if (error.empty() &&
        (r.code.size() < 3 || !std::all_of(r.code.begin(), r.code.begin() + 3, IsUpper))) {
      error = "'" + r.code + "' is not an actor code (three capital letters, then a sector)";
    }
    if (!error.empty()) {
      Warn(line, error + "; that code is skipped");
      continue;
    }
    r.country = r.code.substr(0, 3);
    std::string second = r.code.substr(3, std::min<size_t>(3, r.code.size() - 3));
    r.sector = GriotSector(second);
    if (r.sector.empty() && !second.empty() && !IsOrgCode(r.country)) {
      Warn(line, "sector '" + second + "' of " + r.code + " is not a griot sector; imported as " +
                     r.country + " without a sector");
    }
    *dated = *dated || !r.from.empty() || !r.to.empty();
    roles.push_back(r);
  }
  return roles;
}

void Importer::Actors(const std::vector<Entry>& entries) {
  std::set<std::string> seen;
  auto emit = [&](std::string* out, int line, const std::string& text) {
    if (!seen.insert(text).second) {
      Warn(line, "duplicate of an earlier entry, skipped: " + text);
      return;
    }
    *out += text + "\n";
    ++result_.entries;
  };
  for (const Entry& e : entries) {
    if (e.phrases.empty()) {
      Warn(e.line, "entry has no phrase, skipped");
      continue;
    }
    std::vector<std::string> words = PhraseWords(e.phrases[0].second);
    if (words.empty()) {
      Warn(e.line, "'" + e.phrases[0].second + "' uses syntax griot cannot express, skipped");
      continue;
    }
    bool dated = false;
    std::vector<Role> roles = Roles(e, &dated);
    if (roles.empty()) {
      if (e.codes.empty()) Warn(e.line, "'" + e.phrases[0].second + "' has no code, skipped");
      continue;
    }
    bool person = LooksLikePerson(words, dated);
    std::string name = DisplayName(words, person);
    std::vector<std::string> aliases;
    std::vector<std::pair<int, std::string>> others(e.phrases.begin() + 1, e.phrases.end());
    for (const std::string& f : e.forms) others.emplace_back(e.line, f);
    for (const auto& [line, phrase] : others) {
      std::vector<std::string> w = PhraseWords(phrase);
      std::string alias = DisplayName(w, person);
      if (w.empty()) {
        Warn(line, "synonym '" + phrase + "' uses syntax griot cannot express, skipped");
      } else if (alias != name &&
                 std::find(aliases.begin(), aliases.end(), alias) == aliases.end()) {
        aliases.push_back(alias);
      }
    }
    for (const Role& r : roles) {
      if (person) {
        emit(&result_.people, e.line,
             name + " | " + Join(aliases, "; ") + " | " + r.country + " | " + r.sector + " | " +
                 r.from + " | " + r.to + " | imported");
      } else {
        std::string line = r.country + " | " + r.sector + " | " + name;
        emit(&result_.organizations, e.line,
             aliases.empty() ? line : line + " | " + Join(aliases, "; "));
      }
    }
  }
  if (!result_.people.empty()) result_.people = Header("people") + result_.people;
  if (!result_.organizations.empty()) {
    result_.organizations = Header("organizations") + result_.organizations;
  }
}

void Importer::Agents(const std::vector<Entry>& entries) {
  struct Agent {
    int line;
    std::string phrase, sector;
  };
  std::vector<Agent> agents;
  for (const Entry& e : entries) {
    std::string sector, bad;
    for (const auto& [line, code] : e.codes) {
      if (code == "---") {
        NoEvent(line);
      } else if (code.size() < 4 || code[0] != '~') {
        bad = "[" + code + "] is not an agent code ([~SECTOR])";
      } else if (sector.empty()) {
        sector = GriotSector(code.substr(1, 3));
        if (sector.empty()) bad = "agent sector '" + code.substr(1, 3) + "' is not a griot sector";
      }
    }
    if (e.codes.empty()) bad = "no code";
    if (sector.empty()) {
      if (!bad.empty()) Warn(e.line, "agent entry skipped: " + bad);
      continue;
    }
    std::vector<std::string> singulars;  // a braced singular of a plural entry
    for (const std::string& f : e.forms) singulars.push_back(Lower(Join(PhraseWords(f), " ")));
    for (const auto& [line, phrase] : e.phrases) {
      std::vector<std::string> words = PhraseWords(phrase);
      if (words.empty()) {
        Warn(line, "'" + phrase + "' uses syntax griot cannot express, skipped");
        continue;
      }
      std::string p = Lower(Join(words, " "));
      std::string singular = p.size() > 3 && p.back() == 's' ? p.substr(0, p.size() - 1) : "";
      if (!singular.empty() && std::count(singulars.begin(), singulars.end(), singular))
        p = singular;
      agents.push_back({line, p, sector});
    }
  }
  std::map<std::string, int> first_line;
  for (const Agent& a : agents) first_line.emplace(a.phrase, a.line);
  for (const Agent& a : agents) {
    bool plural = a.phrase.size() > 3 && a.phrase.back() == 's' &&
                  !StartsWith(a.phrase.substr(a.phrase.size() - 2), "ss");
    if (plural && first_line.count(a.phrase.substr(0, a.phrase.size() - 1))) {
      Warn(a.line, "'" + a.phrase + "' is the plural of an entry at line " +
                       std::to_string(first_line[a.phrase.substr(0, a.phrase.size() - 1)]) +
                       " (griot matches inflections), skipped");
      continue;
    }
    if (first_line[a.phrase] != a.line) {
      Warn(a.line, "'" + a.phrase + "' repeats the entry at line " +
                       std::to_string(first_line[a.phrase]) + ", skipped");
      continue;
    }
    result_.agents += a.phrase + " | " + a.sector + "\n";
    ++result_.entries;
  }
  if (!result_.agents.empty()) result_.agents = Header("agents") + result_.agents;
}

// ---- Verbs ---------------------------------------------------------------

struct Verb {
  int line = 0;
  std::vector<std::string> words;  // upper case: {"ARREST"}, {"RAMP", "UP"}
  std::vector<std::string> forms;  // inflections written in the dictionary, words joined by ' '
  std::string code;
};
struct VerbPattern {
  int line = 0;
  std::vector<std::string> tokens;  // as written: "*", "$", "POLICE_", "TO_ACCEPT"
  std::string code;
};
struct Synset {
  std::string code;
  std::vector<Verb> verbs;
  std::vector<VerbPattern> patterns;
};

std::vector<std::string> UpperWords(const std::string& phrase) {
  std::vector<std::string> words = PhraseWords(phrase);
  for (std::string& w : words) w = Upper(w);
  return words;
}

bool InflectionOf(const std::string& w, const std::string& base) {
  if (w == base) return true;
  for (const char* suffix : {"S", "ES", "D", "ED", "ING"}) {
    if (w == base + suffix) return true;
  }
  if (base.size() < 3) return false;
  std::string stem = base.substr(0, base.size() - 1);
  char last = base.back();
  if (last == 'E' && w == stem + "ING") return true;
  if (last == 'Y' && (w == stem + "IES" || w == stem + "IED")) return true;
  return w == base + last + "ED" || w == base + last + "ING";  // "SHOPPED"
}

bool FormOf(const std::vector<std::string>& words, const Verb& v) {
  if (words.empty() || words.size() != v.words.size()) return false;
  if (!std::equal(words.begin() + 1, words.end(), v.words.begin() + 1)) return false;
  return InflectionOf(words[0], v.words[0]) ||
         std::count(v.forms.begin(), v.forms.end(), Join(words, " ")) > 0;
}

bool Slot(const std::string& token) {
  return token.find_first_not_of("*$+^%") == std::string::npos;
}

// The griot words of pattern `p` for verb `v`: the verb's base form, then
// the literal words after the verb's position (a form of the verb, else
// `*`), with `...` where slots stand between them. Returns an error or "".
std::string PatternWords(const VerbPattern& p, const Verb& v, std::vector<std::string>* out) {
  size_t pos = p.tokens.size();
  for (size_t i = 0; i < p.tokens.size() && pos == p.tokens.size(); ++i) {
    if (!Slot(p.tokens[i]) && FormOf(UpperWords(p.tokens[i]), v)) pos = i;
  }
  if (pos == p.tokens.size()) {
    pos = std::find(p.tokens.begin(), p.tokens.end(), "*") - p.tokens.begin();
    if (pos == p.tokens.size()) return "pattern has no verb position ('*' or a form of the verb)";
  }
  out->clear();
  for (const std::string& w : v.words) out->push_back(Lower(w));
  bool gap = false;
  for (size_t i = pos + 1; i < p.tokens.size(); ++i) {
    const std::string& t = p.tokens[i];
    if (Slot(t)) {
      gap = true;
      continue;
    }
    std::vector<std::string> words = PhraseWords(t);
    if (words.empty()) return "pattern word '" + t + "' uses syntax griot cannot express";
    if (gap) out->push_back("...");
    gap = false;
    for (const std::string& w : words) out->push_back(Lower(w));
  }
  return "";
}

// Patterns the griot loader would take for the same one ("verb sign
// agreements" and "verb sign agreement"): later words compared singular.
std::string DuplicateKey(const std::vector<std::string>& words) {
  std::string key = words[0];
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    bool plural = w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
    key += " " + (plural ? w.substr(0, w.size() - 1) : w);
  }
  return key;
}

Result<std::vector<Synset>> Importer::ReadSynsets(const std::vector<DictLine>& lines) {
  std::vector<Synset> synsets;
  bool in_word_class = false;
  for (const DictLine& l : lines) {
    const std::string& t = l.text;
    if (t[0] == '&') {
      Warn(l.number, "word class " + t.substr(0, t.find(' ')) +
                         " is not imported (griot patterns have no word classes); "
                         "patterns that use it are skipped");
      in_word_class = true;
      continue;
    }
    if (t[0] == '+') {
      if (!in_word_class) Warn(l.number, "'" + t + "' is outside a word class, skipped");
      continue;  // members of a word class: covered by the warning above
    }
    in_word_class = false;
    bool header = StartsWith(t, "---");
    if (!header && t[0] == '-') {
      if (synsets.empty()) {
        return InvalidArgument(
            Where(l.number) +
            ": pattern line before any verb; "
            "a verb dictionary starts with a verb or a '--- VERB [code] ---' header");
      }
      Result<Pieces> p = Split(l, std::string_view(t).substr(1));
      if (!p.ok()) return p.status();
      VerbPattern vp{l.number, {}, p->codes.empty() ? "" : p->codes[0]};
      std::istringstream ws(p->words);
      for (std::string w; ws >> w;) vp.tokens.push_back(w);
      synsets.back().patterns.push_back(std::move(vp));
      continue;
    }
    std::string_view body = t;
    if (header) body = Trim(body.substr(body.find_first_not_of('-')));
    if (header) body = body.substr(0, body.find_last_not_of('-') + 1);
    Result<Pieces> p = Split(l, body);
    if (!p.ok()) return p.status();
    Verb v{l.number, UpperWords(p->words), {}, p->codes.empty() ? "" : p->codes[0]};
    for (const std::string& f : p->forms) v.forms.push_back(Join(UpperWords(f), " "));
    if (header) {
      synsets.push_back(Synset{v.code, {}, {}});
      v.code.clear();  // the synset's code stands for its header verb
      if (!v.words.empty()) synsets.back().verbs.push_back(std::move(v));
      continue;
    }
    if (v.words.empty()) {
      Warn(l.number, "verb '" + p->words + "' uses syntax griot cannot express, skipped");
      continue;
    }
    // TABARI: each verb line starts an entry. PETRARCH: verb lines join the
    // synset above; an inflected form on its own line belongs to its verb.
    if (format_ == DictFormat::kTabari || synsets.empty()) {
      synsets.push_back(Synset{});
    } else {
      Synset& s = synsets.back();
      auto base = std::find_if(s.verbs.begin(), s.verbs.end(),
                               [&](const Verb& b) { return FormOf(v.words, b); });
      if (base != s.verbs.end()) {
        base->forms.push_back(Join(v.words, " "));
        base->forms.insert(base->forms.end(), v.forms.begin(), v.forms.end());
        if (!v.code.empty() && v.code != (base->code.empty() ? s.code : base->code)) {
          Warn(l.number, "form " + Join(v.words, " ") + " has its own code [" + v.code +
                             "]; griot codes every form of a verb alike, so that code is skipped");
        }
        continue;
      }
    }
    synsets.back().verbs.push_back(std::move(v));
  }
  return synsets;
}

void Importer::Patterns(const std::vector<Synset>& synsets) {
  std::vector<std::string> type_order;
  std::map<std::string, std::string> by_type;
  std::map<std::string, int> seen;  // duplicate key -> line
  auto emit = [&](int line, const std::vector<std::string>& words, const std::string& code) {
    std::string pattern = "verb " + Join(words, " ");
    if (code == "---") return NoEvent(line);
    if (code.empty()) return Warn(line, "'" + pattern + "' has no CAMEO code, skipped");
    PloverCode plover = CameoToPlover(code);
    if (plover.type.empty())
      return Warn(line, "'" + pattern + "' [" + code + "]: " + plover.why + ", skipped");
    auto [it, fresh] = seen.emplace(DuplicateKey(words), line);
    if (!fresh) {
      return Warn(line, "'" + pattern + "' [" + code + "] duplicates the pattern from line " +
                            std::to_string(it->second) + ", skipped");
    }
    if (!by_type.count(plover.type)) type_order.push_back(plover.type);
    by_type[plover.type] += pattern + " | cameo=" + code +
                            (plover.mode.empty() ? "" : " mode=" + plover.mode) +
                            (plover.context.empty() ? "" : " context=" + plover.context) +
                            (plover.swap_roles ? " roles=swapped" : "") + "\n";
    ++result_.entries;
  };
  for (const Synset& s : synsets) {
    for (const Verb& v : s.verbs) {
      std::string code = v.code.empty() ? s.code : v.code;
      std::vector<std::string> words;
      for (const std::string& w : v.words) words.push_back(Lower(w));
      if (code.empty()) {
        NoEvent(v.line);  // a verb coded only through its patterns
      } else {
        emit(v.line, words, code);
      }
    }
    if (s.verbs.empty() && !s.patterns.empty()) {
      Warn(s.patterns[0].line, "patterns under a synset without a verb, skipped");
      continue;
    }
    for (const VerbPattern& p : s.patterns) {
      for (const Verb& v : s.verbs) {
        std::vector<std::string> words;
        std::string error = PatternWords(p, v, &words);
        if (!error.empty()) {
          Warn(p.line, error + ", skipped");
          break;
        }
        std::string code = !p.code.empty() ? p.code : !v.code.empty() ? v.code : s.code;
        emit(p.line, words, code);
      }
    }
  }
  if (type_order.empty()) return;
  result_.patterns = Header("patterns");
  for (const std::string& type : type_order)
    result_.patterns += "\ntype " + type + "\n" + by_type[type];
}

DictKind DetectKind(const std::vector<DictLine>& lines) {
  for (const DictLine& l : lines) {
    if (l.text[0] == '-') return DictKind::kVerbs;
  }
  for (const DictLine& l : lines) {
    size_t open = l.text.find('[');
    if (open == std::string::npos) continue;
    std::string code(
        Trim(std::string_view(l.text).substr(open + 1, l.text.find(']', open) - open - 1)));
    if (code.empty() || code == "---") continue;
    if (code[0] == '~') return DictKind::kAgents;
    if (std::all_of(code.begin(), code.end(), IsDigit)) return DictKind::kVerbs;
    return DictKind::kActors;
  }
  return DictKind::kActors;
}

Result<ImportResult> Importer::Run(const std::string& text, DictKind kind) {
  std::vector<DictLine> lines = CleanLines(text);
  if (lines.empty()) {
    return InvalidArgument(path_ +
                           ":1: no dictionary entries; expected a TABARI or PETRARCH "
                           "actor, agent or verb dictionary");
  }
  result_.kind = kind == DictKind::kAuto ? DetectKind(lines) : kind;
  if (result_.kind == DictKind::kVerbs) {
    Result<std::vector<Synset>> synsets = ReadSynsets(lines);
    if (!synsets.ok()) return synsets.status();
    Patterns(*synsets);
  } else {
    Result<std::vector<Entry>> entries = CollectEntries(lines);
    if (!entries.ok()) return entries.status();
    if (result_.kind == DictKind::kAgents) {
      Agents(*entries);
    } else {
      Actors(*entries);
    }
  }
  if (no_event_ > 0) {
    Warn(no_event_line_,
         std::to_string(no_event_) + (no_event_ == 1 ? " entry has" : " entries have") +
             " no event code ([---] or none) and " + (no_event_ == 1 ? "was" : "were") +
             " not imported (the first is here)");
  }
  return std::move(result_);
}

}  // namespace

PloverCode CameoToPlover(const std::string& cameo) {
  if (cameo.size() < 3 || cameo.size() > 4 || !std::all_of(cameo.begin(), cameo.end(), IsDigit)) {
    return {"", "", "", false, "'" + cameo + "' is not a CAMEO event code"};
  }
  if (StartsWith(cameo, "01")) return {"", "", "", false, "CAMEO 01x has no PLOVER type"};
  // The longest matching prefix wins. Types follow the PLOVER manual's
  // "CAMEO to PLOVER translation" (08: 081-083 CONCEDE, 084-087 RETREAT);
  // modes and contexts follow the CAMEO codebook's meaning, in the names of
  // kb/en/ontology.txt (checked by importer_test.cc). Exceptions, each the
  // manual's own: 0833 (resign on demand) is RETREAT resign, 116 (found
  // guilty) SANCTION convict, 1712 (destroy property) ASSAULT destroy. 085
  // (ease sanctions) stays CONCEDE like the lifting patterns of concede.txt.
  struct Row {
    const char* prefix;
    const char* type;
    const char* mode;
    const char* context = "";
    bool swap_roles = false;
  };
  static const Row kTable[] = {
      {"02", "REQUEST", ""},
      {"021", "REQUEST", "assist"},
      {"022", "REQUEST", "assist"},
      {"023", "REQUEST", "assist"},
      {"024", "REQUEST", "change"},
      {"025", "REQUEST", "yield"},
      {"026", "REQUEST", "meet"},
      {"028", "REQUEST", "meet"},
      {"03", "AGREE", ""},
      {"04", "CONSULT", ""},
      {"041", "CONSULT", "phone"},
      {"042", "CONSULT", "visit"},
      // Hosting is a visit seen from the host: PLOVER's actor is the visitor.
      {"043", "CONSULT", "visit", "", true},
      {"044", "CONSULT", "third-party"},
      {"045", "CONSULT", "third-party"},
      {"05", "SUPPORT", ""},
      {"06", "COOPERATE", ""},
      {"061", "COOPERATE", "", "economic"},
      {"062", "COOPERATE", "", "military"},
      {"063", "COOPERATE", "", "legal"},
      {"064", "COOPERATE", "", "intelligence"},
      {"07", "AID", ""},
      {"071", "AID", "", "economic"},
      {"072", "AID", "", "military"},
      {"073", "AID", "", "human_security"},
      {"074", "AID", "", "peacekeeping"},
      {"075", "AID", "", "asylum"},
      {"08", "CONCEDE", ""},
      {"0833", "RETREAT", "resign"},
      {"084", "RETREAT", ""},
      {"0841", "RETREAT", "release"},
      {"086", "RETREAT", "access"},
      {"087", "RETREAT", ""},
      {"0871", "RETREAT", "ceasefire"},
      {"0873", "RETREAT", "disarm"},
      {"0874", "RETREAT", "withdraw"},
      {"09", "ACCUSE", "investigate"},
      {"10", "REQUEST", ""},
      {"101", "REQUEST", "assist"},
      {"102", "REQUEST", "assist"},
      {"103", "REQUEST", "assist"},
      {"104", "REQUEST", "change"},
      {"105", "REQUEST", "yield"},
      {"106", "REQUEST", "meet"},
      {"108", "REQUEST", "meet"},
      {"11", "ACCUSE", ""},
      {"111", "ACCUSE", "disapprove"},
      {"112", "ACCUSE", "allege"},
      {"114", "ACCUSE", "disapprove"},
      {"115", "ACCUSE", "allege"},
      {"116", "SANCTION", "convict"},
      {"12", "REJECT", ""},
      {"121", "REJECT", "assist"},
      {"122", "REJECT", "assist"},
      {"123", "REJECT", "change"},
      {"124", "REJECT", "yield"},
      {"125", "REJECT", "meet"},
      {"126", "REJECT", "meet"},
      {"13", "THREATEN", ""},
      {"131", "THREATEN", "relations"},
      {"132", "THREATEN", "restrict"},
      {"133", "THREATEN", "restrict"},
      {"134", "THREATEN", "relations"},
      {"135", "THREATEN", "relations"},
      {"136", "THREATEN", "expel"},
      {"137", "THREATEN", "arrest"},
      {"138", "THREATEN", "violence"},
      {"1381", "THREATEN", "restrict"},
      {"1382", "THREATEN", "territory"},
      {"1385", "THREATEN", "violence", "cbrn"},
      {"14", "PROTEST", ""},
      {"141", "PROTEST", "demo"},
      {"142", "PROTEST", "hunger"},
      {"143", "PROTEST", "strike"},
      {"144", "PROTEST", "obstruct"},
      {"145", "PROTEST", "riot"},
      {"15", "MOBILIZE", ""},
      {"151", "MOBILIZE", "police"},
      {"153", "MOBILIZE", "police"},
      {"154", "MOBILIZE", "troops"},
      {"155", "MOBILIZE", "weapons", "cyber"},
      {"16", "SANCTION", ""},
      {"161", "SANCTION", "discontinue"},
      {"162", "SANCTION", "discontinue"},
      {"163", "SANCTION", "discontinue"},
      {"164", "SANCTION", "discontinue"},
      {"165", "SANCTION", "withdraw"},
      {"166", "SANCTION", "expel"},
      {"17", "COERCE", ""},
      {"171", "COERCE", "seize"},
      {"1712", "ASSAULT", "destroy"},
      {"172", "COERCE", "restrict"},
      {"1723", "COERCE", "curfew"},
      {"1724", "COERCE", "martial-law"},
      {"173", "COERCE", "arrest"},
      {"174", "COERCE", "deport"},
      {"176", "COERCE", "cyber"},
      {"18", "ASSAULT", ""},
      {"181", "ASSAULT", "abduct"},
      {"182", "ASSAULT", "beat"},
      {"1821", "ASSAULT", "sexual"},
      {"1822", "ASSAULT", "torture"},
      {"183", "ASSAULT", "explosives"},
      {"1831", "ASSAULT", "suicide-attack"},
      {"185", "ASSAULT", "targeted"},
      {"186", "ASSAULT", "targeted"},
      {"19", "ASSAULT", ""},
      {"193", "ASSAULT", "firearms"},
      {"194", "ASSAULT", "heavy-weapons"},
      {"195", "ASSAULT", "aerial"},
      {"1952", "ASSAULT", "drone"},
      {"20", "ASSAULT", ""},
      {"201", "ASSAULT", "", "territory"},
      {"202", "ASSAULT", "targeted"},
      {"203", "ASSAULT", "", "territory"},
      {"204", "ASSAULT", "unconventional"},
  };
  const Row* best = nullptr;
  for (const Row& r : kTable) {
    if (StartsWith(cameo, r.prefix) &&
        (!best || std::string_view(r.prefix).size() > std::string_view(best->prefix).size())) {
      best = &r;
    }
  }
  if (!best) return {"", "", "", false, "'" + cameo + "' is not a CAMEO event code (01-20)"};
  return {best->type, best->mode, best->context, best->swap_roles, ""};
}

Result<ImportResult> ImportDictionaryText(DictFormat format, const std::string& text,
                                          const std::string& path, DictKind kind) {
  return Importer(format, path).Run(text, kind);
}

Result<ImportResult> ImportDictionary(DictFormat format, const std::string& path, DictKind kind) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return ImportDictionaryText(format, *text, path, kind);
}

}  // namespace griot
