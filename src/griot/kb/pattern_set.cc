#include "griot/kb/pattern_set.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>

namespace griot {
namespace {

std::vector<std::string> SplitOn(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Status PatternSet::LoadFile(const std::string& path, const std::string& display,
                            const Ontology& ontology, const FrontEnd& fe) {
  Result<KbFile> file = ReadKbFile(path, "patterns");
  if (!file.ok()) return file.status();
  file->path = display;
  std::string type;
  std::set<std::string> seen;
  for (const KbLine& l : file->lines) {
    std::istringstream head(l.fields[0]);
    std::string kind;
    head >> kind;
    if (kind == "type") {
      head >> type;
      if (!ontology.FindType(type)) {
        std::string note = ontology.RenameNote(type, "");
        return file->Error(l, note.empty() ? "unknown event type '" + type + "'" : note);
      }
      continue;
    }
    if (kind == "class") {
      std::string name;
      head >> name;
      if (name.empty() || l.fields.size() < 2) {
        return file->Error(l, "a class line is 'class NAME | lemma; lemma; ...'");
      }
      if (class_index_.count(name)) {
        return file->Error(l, "word class '" + name + "' is already defined at " +
                                  class_defined_at_[name]);
      }
      std::unordered_set<std::string> members;
      for (std::string m : SplitOn(l.fields[1], ';')) {
        m.erase(0, m.find_first_not_of(" \t"));
        m.erase(m.find_last_not_of(" \t") + 1);
        if (m.empty()) continue;
        std::vector<Token> toks = fe.AnalyzePhrase(m);
        if (toks.size() != 1) {
          return file->Error(l, "class member '" + m + "' is not one word");
        }
        members.insert(toks[0].lower);
        if (!toks[0].lemma.empty()) members.insert(toks[0].lemma);
      }
      if (members.empty()) return file->Error(l, "word class '" + name + "' has no members");
      class_index_[name] = static_cast<int32_t>(classes_.size());
      class_defined_at_[name] = file->Where(l);
      classes_.push_back(std::move(members));
      continue;
    }
    if (type.empty() && kind != "stop") {
      return file->Error(l, "a 'type TYPE' line must come before the patterns");
    }
    Pattern p;
    if (kind == "stop") {
      p.kind = PatternKind::kStop;
    } else if (kind == "verb") {
      p.kind = PatternKind::kVerb;
    } else if (kind == "noun") {
      p.kind = PatternKind::kNoun;
    } else if (kind == "phrase") {
      p.kind = PatternKind::kPhrase;
    } else {
      return file->Error(l, "unknown pattern kind '" + kind + "' (verb, noun, phrase, stop or type)");
    }
    std::string rest;
    std::getline(head, rest);
    // Analyse the words like running text so lemmas agree ("talks" -> "talk").
    std::istringstream ws(rest);
    std::string w;
    while (ws >> w) {
      if (w == "...") {
        if (p.words.empty()) return file->Error(l, "a pattern cannot start with '...'");
        p.words.push_back(w);
        continue;
      }
      if (w[0] == '@') {
        // (The first word indexes the pattern: it must be one lemma.)
        if (p.words.empty()) return file->Error(l, "a pattern cannot start with a word class");
        if (w.size() == 1) return file->Error(l, "'@' needs a class name");
        p.words.push_back(w);
        continue;
      }
      std::vector<Token> toks = fe.AnalyzePhrase(w);
      for (const Token& t : toks) {
        // The head of a verb pattern is written as a lemma already; keep it.
        p.words.push_back(p.words.empty() ? t.lower : (t.lemma.empty() ? t.lower : t.lemma));
      }
    }
    if (p.words.empty()) return file->Error(l, "pattern has no words");
    if (p.words.back() == "...") return file->Error(l, "a pattern cannot end with '...'");
    p.type = type;
    p.recipient = p.kind == PatternKind::kNoun ? "of" : "obj";
    p.actor = "subj";
    // (ontology.txt's rules: a refused agreement is a rejection; verbs of
    // the reporting and framing types subsume their complement.)
    p.neg = ontology.NegatedType(type);
    p.confidence = p.kind == PatternKind::kVerb ? 0.8 : p.kind == PatternKind::kNoun ? 0.7 : 0.75;
    p.governs = ontology.Governs(type);
    if (l.fields.size() > 1) {
      std::istringstream os(l.fields[1]);
      std::string opt;
      while (os >> opt) {
        size_t eq = opt.find('=');
        std::string key = opt.substr(0, eq);
        std::string value = eq == std::string::npos ? "" : opt.substr(eq + 1);
        if (key == "governs") {
          p.governs = true;
        } else if (key == "passive") {
          if (value != "actor") return file->Error(l, "passive can only be 'actor'");
          p.passive_subject_acts = true;
        } else if (key == "object") {
          if (value != "none") return file->Error(l, "object can only be 'none'");
          p.no_object = true;
        } else if (key == "requires") {
          if (value != "object") return file->Error(l, "requires can only be 'object'");
          p.requires_object = true;
        } else if (key == "roles") {
          if (value != "swapped") return file->Error(l, "roles can only be 'swapped'");
          p.roles_swapped = true;
        } else if (value.empty()) {
          return file->Error(l, "option '" + key + "' needs a value (key=value)");
        } else if (key == "mode") {
          if (!ontology.HasMode(type, value)) {
            std::string note = ontology.RenameNote(type, value);
            return file->Error(l, note.empty() ? "mode '" + value + "' is not declared for " + type +
                                                     " in ontology.txt"
                                               : note);
          }
          p.mode = value;
        } else if (key == "context") {
          for (const std::string& c : SplitOn(value, ',')) {
            if (ontology.HasContext(c)) {
              p.contexts.push_back(c);
              continue;
            }
            std::optional<std::string> now = ontology.ContextRenamed(c);
            std::string why = !now ? "is not declared in ontology.txt"
                              : now->empty() ? "was dropped (ontology.txt)"
                                             : "was renamed '" + *now + "' (ontology.txt)";
            return file->Error(l, "context '" + c + "' " + why);
          }
        } else if (key == "cameo") {
          p.cameo = value;
        } else if (key == "recipient") {
          p.recipient = value;
        } else if (key == "actor") {
          p.actor = value;
        } else if (key == "neg") {
          if (value != "drop" && !ontology.FindType(value)) {
            return file->Error(l, "neg must be 'drop' or an event type, not '" + value + "'");
          }
          p.neg = value;
        } else if (key == "conf") {
          try {
            p.confidence = std::stod(value);
          } catch (...) {
            return file->Error(l, "conf must be a number, not '" + value + "'");
          }
          if (p.confidence < 0 || p.confidence > 1) return file->Error(l, "conf must be within 0..1");
        } else {
          return file->Error(l, "unknown option '" + key + "'");
        }
      }
    }
    if (p.kind == PatternKind::kStop && l.fields.size() > 1) {
      return file->Error(l, "stop lines take no options");
    }
    if (p.cameo.empty() && p.kind != PatternKind::kStop) p.cameo = ontology.Cameo(type, p.mode);
    std::string key = kind;
    for (const std::string& word : p.words) key += " " + word;
    if (!seen.insert(key).second) return file->Error(l, "duplicate pattern '" + key + "'");
    p.source = file->Where(l) + " " + key;
    for (const std::string& word : p.words) {
      p.gap.push_back(word == "...");
      // (A class word is less specific than a word: "take ... position"
      // outranks "take ... @ground" of the same length.)
      p.literals += word != "..." && word[0] != '@';
    }
    uint32_t index = static_cast<uint32_t>(patterns_.size());
    by_first_.Insert({p.words.front()}, index);
    patterns_.push_back(std::move(p));
  }
  for (const KbLine& e : file->examples) examples_.emplace_back(display, e);
  return Status::Ok();
}

Status PatternSet::ResolveClasses() {
  for (Pattern& p : patterns_) {
    p.word_class.assign(p.words.size(), -1);
    for (size_t w = 1; w < p.words.size(); ++w) {
      if (p.words[w][0] != '@') continue;
      auto it = class_index_.find(p.words[w].substr(1));
      if (it == class_index_.end()) {
        std::string where = p.source.substr(0, p.source.find(' '));
        return InvalidArgument(where + ": unknown word class '" + p.words[w] +
                               "' (define it with 'class " + p.words[w].substr(1) +
                               " | lemma; lemma')");
      }
      p.word_class[w] = it->second;
    }
  }
  return Status::Ok();
}

bool PatternSet::InClass(int32_t c, const Token& t) const {
  const std::unordered_set<std::string>& members = classes_[static_cast<size_t>(c)];
  return members.count(t.lemma) || members.count(t.lower);
}

Result<PatternSet> PatternSet::Load(const std::string& dir, const Ontology& ontology,
                                    const FrontEnd& fe) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": pattern directory not found");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) return NotFound(dir + ": no pattern files (*.txt)");
  PatternSet set;
  for (const fs::path& f : files) {
    GRIOT_RETURN_IF_ERROR(
        set.LoadFile(f.string(), "patterns/" + f.filename().string(), ontology, fe));
  }
  GRIOT_RETURN_IF_ERROR(set.ResolveClasses());
  return set;
}

const std::vector<uint32_t>* PatternSet::StartingWith(std::string_view lemma) const {
  PhraseTrie::Match m = by_first_.Longest(1, [&](uint32_t) { return lemma; });
  return m.length ? m.values : nullptr;
}

}  // namespace griot
