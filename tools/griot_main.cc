// griot: the command-line front end. It parses arguments, calls the library
// and decides the exit status; all the work lives in src/griot/.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "griot/dict/checker.h"
#include "griot/dict/importer.h"
#include "griot/eval/calibrate.h"
#include "griot/eval/doc_eval.h"
#include "griot/eval/evaluator.h"
#include "griot/io/event_json.h"
#include "griot/kb/knowledge_base.h"
#include "griot/pipeline.h"
#include "griot/report/db_report.h"
#include "griot/report/explain.h"
#include "griot/report/unknown_actors.h"
#include "griot/run/code_run.h"
#include "griot/run/progress.h"
#include "griot/run/shard.h"
#include "griot/store/store.h"
#include "serve_command.h"
#include "queue_commands.h"
#include "store_commands.h"

namespace {

#ifndef GRIOT_DEFAULT_GAZETTEER
#define GRIOT_DEFAULT_GAZETTEER ""
#endif

struct Common {
  std::string kb_dir = GRIOT_DEFAULT_KB_DIR;
  std::string wordnet_dir = GRIOT_DEFAULT_WORDNET_DIR;
  std::string gazetteer = GRIOT_DEFAULT_GAZETTEER;
};

void AddCommon(CLI::App* app, Common* c) {
  app->add_option("--kb", c->kb_dir, "knowledge-base directory")->capture_default_str();
  app->add_option("--wordnet", c->wordnet_dir, "WordNet dict directory")->capture_default_str();
  app->add_option("--gazetteer", c->gazetteer, "compiled gazetteer (griot-gazetteer output)")
      ->capture_default_str();
}

std::unique_ptr<griot::KnowledgeBase> LoadKb(const Common& c, double* seconds) {
  auto start = std::chrono::steady_clock::now();
  auto kb = griot::KnowledgeBase::Load(c.kb_dir, c.wordnet_dir, c.gazetteer);
  *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!kb.ok()) {
    std::cerr << "griot: cannot load knowledge base: " << kb.status().message() << "\n";
    return nullptr;
  }
  if (!(*kb)->gazetteer_note().empty()) std::cerr << "griot: note: " << (*kb)->gazetteer_note() << "\n";
  return std::move(*kb);
}


// griot dict import: the conversion is the library's; this writes its files.
int RunImport(const std::string& format, const std::string& kind_name, const std::string& file,
              const std::string& out_dir, bool force) {
  griot::DictKind kind = kind_name == "actors"  ? griot::DictKind::kActors
                         : kind_name == "agents" ? griot::DictKind::kAgents
                         : kind_name == "verbs"  ? griot::DictKind::kVerbs
                                                 : griot::DictKind::kAuto;
  auto r = griot::ImportDictionary(
      format == "tabari" ? griot::DictFormat::kTabari : griot::DictFormat::kPetrarch, file, kind);
  if (!r.ok()) {
    std::cerr << "griot: " << r.status().message() << "\n";
    return 2;
  }
  std::string stem = std::filesystem::path(file).stem().string();
  const std::pair<std::string, const std::string*> outputs[] = {
      {"people.txt", &r->people},
      {"organizations.txt", &r->organizations},
      {"agents.txt", &r->agents},
      {"patterns/imported-" + stem + ".txt", &r->patterns}};
  for (const auto& [name, text] : outputs) {
    if (text->empty()) continue;
    if (out_dir.empty()) {
      std::cout << "# ==> " << name << " <==\n" << *text;
      continue;
    }
    std::filesystem::path path = std::filesystem::path(out_dir) / name;
    if (std::filesystem::exists(path) && !force) {
      std::cerr << "griot: " << path.string() << " exists (use --force to overwrite)\n";
      return 2;
    }
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path);
    out << *text;
    if (!out) {
      std::cerr << "griot: cannot write " << path.string() << "\n";
      return 2;
    }
  }
  for (const std::string& w : r->warnings) std::cerr << "griot: warning: " << w << "\n";
  std::cerr << "griot: imported " << r->entries << " entries from " << file << " ("
            << r->warnings.size() << " warnings)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);  // large JSONL outputs
  CLI::App app{"griot: codes news text into PLOVER political event records"};
  app.require_subcommand(1);

  Common common;
  std::vector<std::string> inputs;
  std::string db_path, summary_json;
  size_t max_doc_bytes = 1 << 20;
  bool quiet = false;
  CLI::App* code = app.add_subcommand("code", "code documents into events");
  AddCommon(code, &common);
  code->add_option("inputs", inputs, "JSONL files, .txt files, or - for JSONL on stdin")
      ->required();
  code->add_option("--db", db_path, "write documents, events and the run summary to SQLite");
  code->add_option("--summary-json", summary_json, "write the run summary as JSON to FILE");
  code->add_option("--max-doc-bytes", max_doc_bytes, "skip documents larger than this")
      ->capture_default_str();
  uint32_t max_sentence_tokens = 200;
  code->add_option("--max-sentence-tokens", max_sentence_tokens,
                   "cut longer sentences into pieces of this many tokens")
      ->capture_default_str()
      ->check(CLI::Range(8u, 100000u));
  code->add_flag("-q,--quiet", quiet, "do not print the summary or the progress line on stderr");
  griot::CodeOptions code_options;
  code_options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  code->add_option("-j,--threads", code_options.threads,
                   "coding threads (the output is the same for any number)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1024));
  std::string shard_text;
  code->add_option("--shard", shard_text,
                   "K/N: code only the K-th of N shards of the documents (by id), e.g. 2/8");
  code->add_option("--errors", code_options.errors_path,
                   "write one JSON line per skipped or failed record to FILE");
  code->add_flag("--resume", code_options.resume,
                 "with --db: skip records an interrupted earlier run already accounted for");
  bool keep_negated = false, all_candidates = false;
  double min_confidence = -1;
  code->add_flag("--keep-negated", keep_negated,
                 "code negated events (\"did not arrest\") too, tagged aux \"negated\"");
  code->add_option("--min-confidence", min_confidence,
                   "leave out events below this confidence (default: the knowledge base's "
                   "threshold, confidence.txt)")
      ->check(CLI::Range(0.0, 1.0));
  code->add_flag("--all-candidates", all_candidates,
                 "print every candidate event, the rejected ones with a \"verdict\" saying "
                 "which stage rejected them and why (not with --db)");

  std::string gold, doc_gold;
  bool show_misses = false, eval_json = false;
  griot::DocEvalOptions doc_eval;
  CLI::App* eval = app.add_subcommand(
      "eval", "score griot against gold PLOVER sentences, or whole documents with --gold");
  AddCommon(eval, &common);
  eval->add_option("gold", gold,
                   "gold sentences (JSONL in the format of PLOVER-GSR); with --gold, the corpus "
                   "holding the annotated documents")
      ->required();
  eval->add_option("--gold", doc_gold,
                   "annotations of whole documents: a file or directory (gold/README.md)");
  eval->add_option("--split", doc_eval.split, "with --gold: dev, report or all")
      ->check(CLI::IsMember({"dev", "report", "all"}))
      ->capture_default_str();
  eval->add_option("--min-confidence", doc_eval.min_confidence,
                   "the threshold to score at (default: the knowledge base's)")
      ->check(CLI::Range(0.0, 1.0));
  eval->add_flag("--misses", show_misses, "list the sentences griot got wrong");
  std::string judged_out;
  eval->add_option("--judged", judged_out,
                   "with --gold: write every produced event with its verdict and confidence "
                   "features as JSON lines to FILE (dev split only)");
  eval->add_flag("--json", eval_json, "print the report as JSON");

  std::vector<std::string> calibration_sets;
  std::string calibration_out, calibration_split = "dev";
  griot::CalibrationOptions calibration;
  CLI::App* calibrate = app.add_subcommand(
      "calibrate", "fit the confidence model and its threshold to annotated documents");
  AddCommon(calibrate, &common);
  calibrate->add_option("sets", calibration_sets,
                        "GOLD=CORPUS pairs: annotations (gold/README.md) and the corpus they annotate")
      ->required();
  calibrate->add_option("--split", calibration_split, "the half to fit on (dev; never report)")
      ->check(CLI::IsMember({"dev", "all"}))
      ->capture_default_str();
  calibrate->add_option("--target-precision", calibration.target_precision,
                        "share of right events the default threshold must keep")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  calibrate->add_option("--l2", calibration.l2, "weight penalty")->capture_default_str();
  calibrate->add_option("--min-word-events", calibration.min_lemma_events,
                        "judged events a trigger word needs for a weight of its own (0: none)")
      ->capture_default_str();
  bool pooled_threshold = false;
  calibrate->add_flag("--pooled-threshold", pooled_threshold,
                      "one threshold for every document, not one for articles and one for snippets");
  calibrate->add_option("-o,--out", calibration_out, "write the model here (else stdout)");

  std::string sentence;
  CLI::App* explain = app.add_subcommand("explain", "show how griot reads one sentence");
  AddCommon(explain, &common);
  explain->add_option("text", sentence, "the text")->required();
  std::string explain_date;
  explain->add_option("--date", explain_date, "the document's date (YYYY-MM-DD) for relative dates");
  explain->add_flag("--keep-negated", keep_negated, "show negated events too");
  explain->add_option("--min-confidence", min_confidence, "threshold (default: the knowledge base's)")
      ->check(CLI::Range(0.0, 1.0));

  std::vector<std::string> actor_inputs;
  bool unknown = false;
  size_t actors_top = 50;
  CLI::App* actors = app.add_subcommand("actors", "list the actors a corpus names that the knowledge base lacks");
  AddCommon(actors, &common);
  actors->add_flag("--unknown", unknown, "list unknown names (the only listing so far)")->required();
  actors->add_option("inputs", actor_inputs, "JSONL or .txt inputs, - for stdin")->required();
  actors->add_option("--top", actors_top, "how many names")->capture_default_str();

  std::string report_db;
  int report_max = 200;
  CLI::App* report = app.add_subcommand("report", "summarize the events in a griot database");
  report->add_option("--db", report_db, "SQLite database written by griot code --db")->required();
  report->add_option("--max-events", report_max, "events to list")->capture_default_str();

  CLI::App* dict = app.add_subcommand("dict", "knowledge-base tools for curators");
  dict->require_subcommand(1);
  std::string check_dir = GRIOT_DEFAULT_KB_DIR;
  CLI::App* check =
      dict->add_subcommand("check", "check every file, line and example of a knowledge base");
  check->add_option("dir", check_dir, "knowledge-base directory")->capture_default_str();
  check->add_option("--wordnet", common.wordnet_dir, "WordNet dict directory")->capture_default_str();

  std::string import_format, import_kind = "auto", import_file, import_dir;
  bool import_force = false;
  CLI::App* import = dict->add_subcommand(
      "import", "convert a TABARI or PETRARCH actor, agent or verb dictionary into griot's files");
  import->add_option("--format", import_format, "tabari or petrarch")
      ->required()
      ->check(CLI::IsMember({"tabari", "petrarch"}));
  import->add_option("--kind", import_kind, "auto, actors, agents or verbs")
      ->check(CLI::IsMember({"auto", "actors", "agents", "verbs"}))
      ->capture_default_str();
  import->add_option("file", import_file, "the dictionary")->required();
  import->add_option("-o,--out", import_dir,
                     "write people.txt, organizations.txt, agents.txt and patterns/ here");
  import->add_flag("--force", import_force, "overwrite existing files in --out");

  griot_cli::StoreCommands store_commands(&app);
  griot_cli::ServeCommand serve_command(&app);
  griot_cli::QueueCommands queue_commands(&app);
  CLI11_PARSE(app, argc, argv);
  if (int status = store_commands.Run(); status >= 0) return status;
  // Checked before the knowledge base loads: a typo fails at once.
  if (*code && !shard_text.empty()) {
    auto shard = griot::ParseShard(shard_text);
    if (!shard.ok()) {
      std::cerr << "griot: --shard " << shard.status().message() << "\n";
      return 2;
    }
    code_options.shard = *shard;
  }
  if (int status = serve_command.Run(); status >= 0) return status;
  if (int status = queue_commands.Run(); status >= 0) return status;

  if (*import) {
    return RunImport(import_format, import_kind, import_file, import_dir, import_force);
  }
  if (*check) {
    griot::CheckReport r = griot::CheckKnowledgeBase(check_dir, common.wordnet_dir);
    std::cout << griot::FormatCheckReport(r);
    return r.ok() ? 0 : 1;
  }
  if (*report) {
    auto text = griot::SummarizeDatabase(report_db, report_max);
    if (!text.ok()) {
      std::cerr << "griot: " << text.status().message() << "\n";
      return 2;
    }
    std::cout << *text;
    return 0;
  }

  double load_seconds = 0;
  auto kb = LoadKb(common, &load_seconds);
  if (!kb) return 2;
  griot::Limits limits{max_doc_bytes, keep_negated};
  limits.max_sentence_tokens = max_sentence_tokens;
  limits.min_confidence = min_confidence;
  limits.all_candidates = all_candidates;
  griot::Pipeline pipeline(kb.get(), limits);

  if (*code) {
    std::unique_ptr<griot::EventSink> sink;
    if (all_candidates && !db_path.empty()) {
      std::cerr << "griot: --all-candidates is for reading candidates, not for a database: drop --db\n";
      return 2;
    }
    if (!db_path.empty()) {
      auto db = griot::Store::Open(db_path, griot::Store::Access::kReadWrite, &kb->ontology());
      if (!db.ok()) {
        std::cerr << "griot: " << db.status().message() << "\n";
        return 2;
      }
      sink = std::move(*db);
    } else {
      sink = std::make_unique<griot::JsonlSink>(&std::cout);
    }
    if (code_options.resume && db_path.empty()) {
      std::cerr << "griot: --resume needs --db (the database holds what was done)\n";
      return 2;
    }
    // A status line only for a person watching: never in logs or pipes.
    griot::ProgressLine progress_line(&std::cerr);
    bool show_progress = !quiet && ::isatty(STDERR_FILENO);
    if (show_progress) {
      code_options.progress = [&](const griot::Progress& p) {
        progress_line.Show(griot::FormatProgress(p));
      };
    }
    auto run = griot::CodeInputs(pipeline, inputs, *sink,
                                 show_progress ? progress_line.Log() : std::cerr, code_options);
    progress_line.Clear();
    if (!run.ok()) {
      std::cerr << "griot: " << run.status().message() << "\n";
      return 2;
    }
    griot::RunSummary s = *run;
    s.load_seconds = load_seconds;
    griot::Status fin = sink->Finish(s);
    if (!fin.ok()) {
      std::cerr << "griot: " << fin.message() << "\n";
      return 2;
    }
    if (!quiet) std::cerr << "griot: " << griot::FormatSummary(s) << "\n";
    if (!summary_json.empty()) {
      std::ofstream out(summary_json);
      out << griot::SummaryJson(s) << "\n";
      if (!out) {
        std::cerr << "griot: cannot write " << summary_json << "\n";
        return 2;
      }
    }
    // The knowledge base (tries, caches, the mapped gazetteer) is freed by
    // the OS at exit far faster than by its destructors.
    sink.reset();
#ifdef __SANITIZE_ADDRESS__
    kb.reset();  // the leak checker of the sanitizer build wants everything freed
#else
    (void)kb.release();
#endif
    return griot::ExitCode(s);
  }
  if (*eval && !doc_gold.empty()) {
    // The report half is scored, never studied (gold/README.md).
    if (show_misses && doc_eval.split == "report") {
      std::cerr << "griot: --misses lists errors of the dev half only: the report half is scored, "
                   "never studied (gold/README.md)\n";
      return 2;
    }
    auto set = griot::LoadGold(doc_gold, kb->ontology());
    if (!set.ok()) {
      std::cerr << "griot: " << set.status().message() << "\n";
      return 2;
    }
    doc_eval.list_errors = show_misses;
    // Every event is scored; the threshold is applied by the scorer, so that
    // its reliability table sees them all.
    doc_eval.model = &kb->confidence();
    griot::Limits all = limits;
    all.min_confidence = 0;
    griot::Pipeline unfiltered(kb.get(), all);
    auto report = griot::EvaluateDocuments(unfiltered, *set, gold, doc_eval);
    if (!report.ok()) {
      std::cerr << "griot: " << report.status().message() << "\n";
      return 2;
    }
    if (!judged_out.empty()) {
      if (doc_eval.split == "report") {
        std::cerr << "griot: --judged is for the dev half: the report half is scored, never studied\n";
        return 2;
      }
      std::ofstream out(judged_out);
      for (const griot::JudgedEvent& j : report->judged) {
        nlohmann::json line = {{"doc", j.doc},
                               {"sentence", j.event.sentence},
                               {"event", j.event.event},
                               {"pattern", j.event.pattern},
                               {"confidence", j.event.confidence},
                               {"correct", j.correct}};
        for (const griot::Feature& f : griot::ConfidenceModel::Features(j.event)) {
          line["features"][f.name] = f.value;
        }
        out << line.dump() << "\n";
      }
    }
    std::cout << (eval_json ? griot::DocReportJson(*report) + "\n" : griot::FormatDocReport(*report));
    return 0;
  }
  if (*calibrate) {
    griot::Limits all = limits;
    all.min_confidence = 0;
    griot::Pipeline unfiltered(kb.get(), all);
    std::vector<griot::JudgedEvent> judged;
    for (const std::string& pair : calibration_sets) {
      size_t eq = pair.find('=');
      if (eq == std::string::npos) {
        std::cerr << "griot: '" << pair << "' is not GOLD=CORPUS\n";
        return 2;
      }
      auto set = griot::LoadGold(pair.substr(0, eq), kb->ontology());
      if (!set.ok()) {
        std::cerr << "griot: " << set.status().message() << "\n";
        return 2;
      }
      griot::DocEvalOptions opt;
      opt.split = calibration_split;
      auto report = griot::EvaluateDocuments(unfiltered, *set, pair.substr(eq + 1), opt);
      if (!report.ok()) {
        std::cerr << "griot: " << report.status().message() << "\n";
        return 2;
      }
      judged.insert(judged.end(), report->judged.begin(), report->judged.end());
    }
    calibration.threshold_by_length = !pooled_threshold;
    auto fitted = griot::Calibrate(judged, kb->ontology(), calibration);
    if (!fitted.ok()) {
      std::cerr << "griot: " << fitted.status().message() << "\n";
      return 2;
    }
    std::string header =
        "# The confidence model (src/griot/kb/confidence_model.h, docs/confidence.md): confidence =\n"
        "# 1 / (1 + exp(-(bias + sum of weight x feature))). Events below the threshold are\n"
        "# left out by default (griot code --min-confidence changes it).\n" + fitted->header;
    std::string text = griot::ConfidenceModel::Format(
        fitted->bias, fitted->threshold, fitted->snippet_threshold, fitted->weights, header);
    if (calibration_out.empty()) {
      std::cout << text;
    } else {
      std::ofstream out(calibration_out);
      out << text;
      if (!out) {
        std::cerr << "griot: cannot write " << calibration_out << "\n";
        return 2;
      }
    }
    std::cerr << fitted->header;
    return 0;
  }
  if (*eval) {
    griot::Limits scored = limits;
    if (doc_eval.min_confidence >= 0) scored.min_confidence = doc_eval.min_confidence;
    griot::Pipeline at_threshold(kb.get(), scored);
    auto report = griot::Evaluate(at_threshold, gold);
    if (!report.ok()) {
      std::cerr << "griot: " << report.status().message() << "\n";
      return 2;
    }
    std::cout << (eval_json ? griot::ReportJson(*report) + "\n"
                            : griot::FormatReport(*report, show_misses));
    return 0;
  }
  if (*actors) {
    griot::UnknownActorSink sink;
    griot::RunSummary s = griot::CodeInputs(pipeline, actor_inputs, sink, std::cerr);
    std::cout << griot::FormatUnknownActors(sink.Top(actors_top));
    std::cerr << "griot: " << griot::FormatSummary(s) << "\n";
    return griot::ExitCode(s);
  }
  if (*explain) {
    griot::Limits explaining{max_doc_bytes, keep_negated, true};
    explaining.min_confidence = min_confidence;
    griot::Pipeline explainer(kb.get(), explaining);
    griot::Document doc;
    doc.id = "explain";
    doc.text = sentence;
    doc.date = explain_date;
    griot::Status st = explainer.Code(doc);
    if (!st.ok()) {
      std::cerr << "griot: " << st.message() << "\n";
      return 2;
    }
    std::cout << griot::ExplainDocument(doc, kb->gazetteer());
    return 0;
  }
  return 0;
}
