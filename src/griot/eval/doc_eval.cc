#include "griot/eval/doc_eval.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "griot/eval/describe.h"
#include "griot/geo/gazetteer.h"
#include "griot/text/normalizer.h"

namespace griot {
namespace {

// Byte offset of code point `cp` in UTF-8 text (the end when past it).
size_t ByteOfCodePoint(const std::string& text, uint32_t cp) {
  size_t i = 0;
  for (uint32_t n = 0; i < text.size() && n < cp; ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// Where the gold trigger lies in the coded (normalized) text: its words
// nearest the offset, since normalization may shift offsets by a little.
std::optional<size_t> Locate(const Document& doc, const GoldEvent& g) {
  size_t guess = ByteOfCodePoint(doc.text, g.begin);
  Result<std::string> words = Normalizer().Normalize(g.words);
  if (!words.ok() || words->empty()) return std::nullopt;
  constexpr size_t kWindow = 400;
  size_t from = guess > kWindow ? guess - kWindow : 0;
  std::optional<size_t> best;
  for (size_t at = doc.text.find(*words, from); at != std::string::npos && at <= guess + kWindow;
       at = doc.text.find(*words, at + 1)) {
    auto distance = [&](size_t x) { return x > guess ? x - guess : guess - x; };
    if (!best || distance(at) < distance(*best)) best = at;
  }
  return best;
}

int SentenceAt(const Document& doc, size_t byte) {
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    if (byte < doc.sentences[s].span.end) return static_cast<int>(s);
  }
  return -1;
}

// (Produced arguments and gold entities alike: both have code and sector.)
template <typename Entity>
std::set<std::string> Codes(const std::vector<Entity>& args, bool with_sector) {
  std::set<std::string> out;
  for (const auto& a : args) {
    if (with_sector) {
      out.insert(a.code + "/" + a.sector);
    } else if (!a.code.empty()) {
      out.insert(a.code);
    }
  }
  return out;
}

// The same parties: the same codes, and someone on both sides or neither.
bool SameParties(const std::vector<EventArgument>& got, const std::vector<GoldEntity>& want,
                 bool with_sector) {
  return got.empty() == want.empty() && Codes(got, with_sector) == Codes(want, with_sector);
}

bool HasAux(const Event& e, const char* aux) {
  return std::find(e.aux.begin(), e.aux.end(), aux) != e.aux.end();
}

struct Located {
  const GoldEvent* gold;
  size_t byte;
  int sentence;
  int matched = -1;  // index into the document's events
};

void ScoreDetails(const Event& e, const GoldEvent& g, DocEvalReport* r) {
  r->actor.Add(SameParties(e.actor, g.actor, false));
  r->actor_sector.Add(SameParties(e.actor, g.actor, true));
  if (!e.recipient.empty() || !g.recipient.empty()) {
    r->recipient.Add(SameParties(e.recipient, g.recipient, false));
    r->recipient_sector.Add(SameParties(e.recipient, g.recipient, true));
  }
  if (!g.mode.empty()) r->mode.Add(e.mode == g.mode);
  if (g.has_place) {
    if (!g.place_country.empty()) r->country.Add(e.location.country == g.place_country);
    bool right;
    if (g.place_name.empty()) {
      right = e.location.country == g.place_country;
    } else {
      std::string want = NormalizeName(g.place_name);
      right = (!e.location.name.empty() && NormalizeName(e.location.name) == want) ||
              (!e.location.admin1.empty() && NormalizeName(e.location.admin1) == want);
    }
    r->place.Add(right);
  }
  if (!g.date.empty()) r->date.Add(e.date == g.date && e.date_granularity == g.granularity);
  if (g.Has(GoldAux::kHistorical)) r->historical.Add(HasAux(e, "historical"));
}

void ScoreDocument(const Document& doc, const GoldDocument& gd, const DocEvalOptions& options,
                   DocEvalReport* r) {
  const double threshold = options.min_confidence >= 0 ? options.min_confidence
                           : options.model         ? options.model->Threshold(doc.sentences.size())
                                                   : 0.0;
  std::vector<Located> golds;
  for (const GoldEvent& g : gd.events) {
    std::optional<size_t> at = Locate(doc, g);
    if (!at) {
      r->warnings.push_back(g.source + ": '" + g.words + "' not found near offset " +
                            std::to_string(g.begin) + " of " + gd.id);
      continue;
    }
    golds.push_back({&g, *at, SentenceAt(doc, *at)});
  }
  // Candidate pairs, nearest triggers first.
  struct Pair {
    size_t distance;
    size_t gold, event;
  };
  std::vector<Pair> pairs;
  for (size_t gi = 0; gi < golds.size(); ++gi) {
    for (size_t ei = 0; ei < doc.events.size(); ++ei) {
      const Event& e = doc.events[ei];
      if (static_cast<int>(e.sentence) != golds[gi].sentence || e.event != golds[gi].gold->event) {
        continue;
      }
      size_t b = e.trigger.begin, g = golds[gi].byte;
      pairs.push_back({b > g ? b - g : g - b, gi, ei});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return std::tie(a.distance, a.gold, a.event) < std::tie(b.distance, b.gold, b.event);
  });
  std::vector<int> gold_of(doc.events.size(), -1);
  for (const Pair& p : pairs) {
    if (golds[p.gold].matched >= 0 || gold_of[p.event] >= 0) continue;
    golds[p.gold].matched = static_cast<int>(p.event);
    gold_of[p.event] = static_cast<int>(p.gold);
  }
  auto sentence_text = [&](uint32_t s) { return std::string(doc.Slice(doc.sentences[s].span)); };
  for (size_t ei = 0; ei < doc.events.size(); ++ei) {
    const Event& e = doc.events[ei];
    const GoldEvent* g = gold_of[ei] >= 0 ? golds[gold_of[ei]].gold : nullptr;
    if (g && g->doubt) {
      if (e.confidence >= threshold) ++r->ignored;
      continue;
    }
    bool correct = g && (g->Expected() || (g->Has(GoldAux::kNegated) && HasAux(e, "negated")) ||
                         (g->Has(GoldAux::kHypothetical) && HasAux(e, "hypothetical")));
    int bin = std::clamp(static_cast<int>(e.confidence * 10), 0, 9);
    r->reliability[bin].Add(correct);
    r->judged.push_back({doc.id, e, correct});
    if (e.confidence < threshold) continue;
    ++r->produced;
    r->correct += correct;
    static const char* kKinds[] = {"verb", "noun", "phrase", "rule"};
    r->by_trigger[kKinds[static_cast<int>(e.evidence.trigger)]].Add(correct);
    TypeScore& ts = r->types[e.event];
    ++ts.produced;
    ts.correct += correct;
    if (correct) continue;
    bool other_type = false;
    std::string gold_here;
    for (const Located& l : golds) {
      if (l.sentence != static_cast<int>(e.sentence)) continue;
      other_type = true;
      gold_here += " " + l.gold->event + "'" + l.gold->words + "'";
    }
    r->wrong_type += other_type;
    if (options.list_errors) {
      r->errors.push_back("FALSE  " + doc.id + " s" + std::to_string(e.sentence) + " " +
                          DescribeEvent(e) + " '" + std::string(doc.Slice(e.trigger)) + "' conf " +
                          std::to_string(e.confidence).substr(0, 4) +
                          (other_type ? " (gold here:" + gold_here + ")" : "") + " [" + e.pattern +
                          "]\n       " + sentence_text(e.sentence));
    }
  }
  for (const Located& l : golds) {
    const GoldEvent& g = *l.gold;
    if (!g.Expected()) continue;
    ++r->gold;
    TypeScore& ts = r->types[g.event];
    ++ts.gold;
    const Event* e = l.matched >= 0 ? &doc.events[l.matched] : nullptr;
    if (e && e->confidence >= threshold) {
      ++r->found;
      ++ts.found;
      ScoreDetails(*e, g, r);
    } else if (options.list_errors && l.sentence >= 0) {
      r->errors.push_back("MISSED " + doc.id + " s" + std::to_string(l.sentence) + " " +
                          DescribeEvent(g) + " '" + g.words + "'" +
                          (e ? " (below the threshold)" : "") + "\n       " +
                          sentence_text(static_cast<uint32_t>(l.sentence)));
    }
  }
}

}  // namespace

Result<DocEvalReport> EvaluateDocuments(const Pipeline& pipeline, const GoldSet& gold,
                                        const std::string& corpus, const DocEvalOptions& options) {
  if (options.split != "dev" && options.split != "report" && options.split != "all") {
    return InvalidArgument("split must be dev, report or all, not '" + options.split + "'");
  }
  std::map<std::string, const GoldDocument*> wanted;
  for (const GoldDocument& d : gold.documents) {
    if (options.split == "all" || d.split == options.split) wanted[d.id] = &d;
  }
  std::ifstream in(corpus);
  if (!in) return NotFound(corpus + ": cannot open corpus");
  DocEvalReport r;
  r.split = options.split;
  r.min_confidence = options.min_confidence;
  std::string line;
  int line_no = 0;
  std::set<std::string> seen;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json o = nlohmann::json::parse(line, nullptr, false);
    if (o.is_discarded() || !o.is_object() || !o.contains("id") || !o["id"].is_string()) {
      return InvalidArgument(corpus + ":" + std::to_string(line_no) + ": not a record with an id");
    }
    auto it = wanted.find(o["id"].get<std::string>());
    if (it == wanted.end() || !seen.insert(it->first).second) continue;
    Document doc;
    doc.id = it->first;
    doc.text = o.value("text", "");
    doc.date = o.value("date", it->second->date);
    doc.input = corpus;
    doc.line = line_no;
    Status st = pipeline.Code(doc);
    if (!st.ok()) {
      return InvalidArgument(corpus + ":" + std::to_string(line_no) + ": " + doc.id + ": " +
                             st.message());
    }
    ++r.documents;
    ScoreDocument(doc, *it->second, options, &r);
  }
  for (const auto& [id, d] : wanted) {
    if (!seen.count(id)) return NotFound(corpus + ": no record with id " + id + " (" + d->source + ")");
  }
  return r;
}

std::string FormatDocReport(const DocEvalReport& r) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(3);
  o << "split " << r.split << ": " << r.documents << " documents, threshold ";
  if (r.min_confidence >= 0) {
    o << r.min_confidence;
  } else {
    o << "the knowledge base's (articles and snippets)";
  }
  o << "\n\n";
  o << std::left << std::setw(11) << "type" << std::right << std::setw(6) << "gold" << std::setw(7)
    << "found" << std::setw(9) << "produced" << std::setw(8) << "P" << std::setw(8) << "R"
    << std::setw(8) << "F1" << "\n";
  for (const auto& [type, ts] : r.types) {
    o << std::left << std::setw(11) << type << std::right << std::setw(6) << ts.gold
      << std::setw(7) << ts.found << std::setw(9) << ts.produced << std::setw(8) << ts.precision()
      << std::setw(8) << ts.recall() << std::setw(8) << ts.f1() << "\n";
  }
  o << "\nprecision " << r.precision() << " (" << r.correct << "/" << r.produced << "; "
    << r.wrong_type << " of the wrong ones have another gold type in their sentence; " << r.ignored
    << " matched doubtful gold and are not counted)\n";
  o << "recall    " << r.recall() << " (" << r.found << "/" << r.gold << ")\n";
  o << "F1        " << r.f1() << "\n";
  auto line = [&](const char* label, const ShareCount& c) {
    o << label << c.share() << " (" << c.correct << "/" << c.checked << ")\n";
  };
  line("actor codes        ", r.actor);
  line("actor code+sector  ", r.actor_sector);
  line("recipient codes    ", r.recipient);
  line("recip. code+sector ", r.recipient_sector);
  line("mode               ", r.mode);
  line("place              ", r.place);
  line("place country      ", r.country);
  line("date               ", r.date);
  line("historical marked  ", r.historical);
  for (const auto& [kind, c] : r.by_trigger) {
    o << "precision, " << std::left << std::setw(6) << kind << " triggers " << std::right
      << c.share() << " (" << c.correct << "/" << c.checked << ")\n";
  }
  o << "\nconfidence  events  right  precision\n";
  for (size_t b = 0; b < r.reliability.size(); ++b) {
    const ShareCount& c = r.reliability[b];
    if (!c.checked) continue;
    o << "  " << std::setprecision(1) << b / 10.0 << "-" << (b + 1) / 10.0 << std::setprecision(3)
      << std::setw(8) << c.checked << std::setw(7) << c.correct << std::setw(11) << c.share()
      << "\n";
  }
  for (const std::string& w : r.warnings) o << "warning: " << w << "\n";
  if (!r.errors.empty()) o << "\n";
  for (const std::string& e : r.errors) o << e << "\n";
  return o.str();
}

std::string DocReportJson(const DocEvalReport& r) {
  nlohmann::json j;
  j["split"] = r.split;
  j["documents"] = r.documents;
  j["min_confidence"] = r.min_confidence;
  for (const auto& [type, ts] : r.types) {
    j["types"][type] = {{"gold", ts.gold},         {"found", ts.found},
                        {"produced", ts.produced}, {"precision", ts.precision()},
                        {"recall", ts.recall()},   {"f1", ts.f1()}};
  }
  j["produced"] = r.produced;
  j["correct"] = r.correct;
  j["gold"] = r.gold;
  j["found"] = r.found;
  j["precision"] = r.precision();
  j["recall"] = r.recall();
  j["f1"] = r.f1();
  auto share = [](const ShareCount& c) {
    return nlohmann::json{{"share", c.share()}, {"correct", c.correct}, {"checked", c.checked}};
  };
  j["actor"] = share(r.actor);
  j["actor_sector"] = share(r.actor_sector);
  j["recipient"] = share(r.recipient);
  j["recipient_sector"] = share(r.recipient_sector);
  j["mode"] = share(r.mode);
  j["place"] = share(r.place);
  j["country"] = share(r.country);
  j["date"] = share(r.date);
  j["historical"] = share(r.historical);
  for (size_t b = 0; b < r.reliability.size(); ++b) j["reliability"].push_back(share(r.reliability[b]));
  j["warnings"] = r.warnings;
  return j.dump(2);
}

}  // namespace griot
