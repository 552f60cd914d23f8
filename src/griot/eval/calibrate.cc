#include "griot/eval/calibrate.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "griot/kb/confidence_model.h"

namespace griot {
namespace {

struct Dataset {
  std::vector<std::vector<double>> x;  // dense rows; column 0 is the bias
  std::vector<int> y;
  std::vector<int> fold;
};

// Solves a x = b for a symmetric positive definite a (Cholesky); false when
// the system is singular.
bool Solve(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double>* x) {
  size_t n = b.size();
  for (size_t j = 0; j < n; ++j) {
    double d = a[j][j];
    for (size_t k = 0; k < j; ++k) d -= a[j][k] * a[j][k];
    if (d <= 1e-12) return false;
    a[j][j] = std::sqrt(d);
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i][j];
      for (size_t k = 0; k < j; ++k) s -= a[i][k] * a[j][k];
      a[i][j] = s / a[j][j];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < i; ++k) b[i] -= a[i][k] * b[k];
    b[i] /= a[i][i];
  }
  for (size_t i = n; i-- > 0;) {
    for (size_t k = i + 1; k < n; ++k) b[i] -= a[k][i] * b[k];
    b[i] /= a[i][i];
  }
  *x = std::move(b);
  return true;
}

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

double Predict(const std::vector<double>& w, const std::vector<double>& row) {
  double z = 0;
  for (size_t j = 0; j < w.size(); ++j) z += w[j] * row[j];
  return Sigmoid(z);
}

// Newton's method on the penalised log-likelihood, over the rows `use` allows.
std::vector<double> Fit(const Dataset& d, const std::vector<bool>& use, double l2) {
  size_t m = d.x.empty() ? 0 : d.x[0].size();
  std::vector<double> w(m, 0.0);
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<std::vector<double>> h(m, std::vector<double>(m, 0.0));
    std::vector<double> g(m, 0.0);
    for (size_t i = 0; i < d.x.size(); ++i) {
      if (!use[i]) continue;
      double p = Predict(w, d.x[i]);
      double r = p * (1 - p);
      for (size_t a = 0; a < m; ++a) {
        if (d.x[i][a] == 0) continue;
        g[a] += (d.y[i] - p) * d.x[i][a];
        for (size_t b = 0; b < m; ++b) h[a][b] += r * d.x[i][a] * d.x[i][b];
      }
    }
    for (size_t a = 1; a < m; ++a) {  // (the bias, column 0, is not penalised)
      g[a] -= l2 * w[a];
      h[a][a] += l2;
    }
    h[0][0] += 1e-6;
    std::vector<double> step;
    if (!Solve(h, g, &step)) break;
    double largest = 0;
    for (size_t a = 0; a < m; ++a) {
      w[a] += step[a];
      largest = std::max(largest, std::fabs(step[a]));
    }
    if (largest < 1e-8) break;
  }
  return w;
}

}  // namespace

Result<Calibration> Calibrate(const std::vector<JudgedEvent>& events, const Ontology& ontology,
                              const CalibrationOptions& options) {
  if (events.size() < 20) {
    return InvalidArgument("too few judged events to calibrate (" + std::to_string(events.size()) +
                           "; annotate more documents)");
  }
  std::vector<std::string> names = ConfidenceModel::FeatureNames(ontology);
  // Trigger words seen often enough to learn from.
  std::map<std::string, int> lemmas;
  for (const JudgedEvent& j : events) {
    if (!j.event.evidence.lemma.empty()) ++lemmas["lemma:" + j.event.evidence.lemma];
  }
  for (const auto& [name, n] : lemmas) {
    if (options.min_lemma_events > 0 && n >= options.min_lemma_events) names.push_back(name);
  }
  std::map<std::string, size_t> column;
  for (size_t j = 0; j < names.size(); ++j) column[names[j]] = j + 1;
  Dataset d;
  std::map<std::string, int> fold_of;
  int positives = 0;
  for (const JudgedEvent& j : events) {
    std::vector<double> row(names.size() + 1, 0.0);
    row[0] = 1;
    for (const Feature& f : ConfidenceModel::Features(j.event)) {
      auto it = column.find(f.name);
      if (it != column.end()) row[it->second] = f.value;
    }
    d.x.push_back(std::move(row));
    d.y.push_back(j.correct);
    positives += j.correct;
    // Folds by document, in order of first appearance.
    auto [it, fresh] = fold_of.emplace(j.doc, static_cast<int>(fold_of.size()) % options.folds);
    d.fold.push_back(it->second);
  }
  // Cross-validated predictions choose the threshold and show the reliability.
  std::vector<double> cv(d.x.size());
  for (int f = 0; f < options.folds; ++f) {
    std::vector<bool> use(d.x.size());
    for (size_t i = 0; i < use.size(); ++i) use[i] = d.fold[i] != f;
    std::vector<double> w = Fit(d, use, options.l2);
    for (size_t i = 0; i < use.size(); ++i) {
      if (!use[i]) cv[i] = Predict(w, d.x[i]);
    }
  }
  // The lowest threshold at which the kept events (of one kind) are right
  // often enough.
  struct Choice {
    double threshold = 1.0;
    int kept = 0, right = 0, positives = 0;
  };
  auto choose = [&](auto&& wanted) {
    Choice c;
    std::vector<size_t> order;
    for (size_t i = 0; i < cv.size(); ++i) {
      if (!wanted(events[i])) continue;
      order.push_back(i);
      c.positives += d.y[i];
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cv[a] > cv[b]; });
    int kept = 0, right = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      ++kept;
      right += d.y[order[k]];
      bool boundary = k + 1 == order.size() || cv[order[k + 1]] < cv[order[k]];
      if (boundary && kept >= 10 && double(right) / kept >= options.target_precision) {
        c.threshold = cv[order[k]];
        c.kept = kept;
        c.right = right;
      }
    }
    return c;
  };
  auto snippet = [](const JudgedEvent& j) {
    return j.event.evidence.document_sentences <= ConfidenceModel::kSnippetSentences;
  };
  Choice articles, snippets;
  if (options.threshold_by_length) {
    articles = choose([&](const JudgedEvent& j) { return !snippet(j); });
    snippets = choose(snippet);
  } else {
    articles = snippets = choose([](const JudgedEvent&) { return true; });
  }
  Calibration out;
  out.threshold = articles.threshold;
  out.snippet_threshold = snippets.threshold;
  std::vector<bool> all(d.x.size(), true);
  std::vector<double> w = Fit(d, all, options.l2);
  out.bias = w[0];
  for (size_t j = 0; j < names.size(); ++j) {
    if (std::fabs(w[j + 1]) >= 1e-4) out.weights[names[j]] = w[j + 1];
  }
  std::ostringstream h;
  h << std::fixed << std::setprecision(3);
  h << "# Trained by `griot calibrate` on " << events.size() << " judged events of "
    << fold_of.size() << " documents (" << positives << " right, "
    << double(positives) / events.size() << "); L2 " << options.l2 << ", " << options.folds
    << "-fold cross-validation by document.\n";
  auto describe = [&](const char* what, const Choice& c) {
    h << "# " << what << ": the lowest threshold at which cross-validated events are at least "
      << options.target_precision << " right: " << c.right << "/" << c.kept
      << " kept events right, " << (c.positives ? double(c.right) / c.positives : 0)
      << " of the right ones kept.\n";
  };
  if (options.threshold_by_length) {
    describe("Articles (over three sentences)", articles);
    describe("Snippets (at most three sentences)", snippets);
  } else {
    describe("All documents", articles);
  }
  h << "# Cross-validated reliability (confidence, events, share right):\n";
  for (int b = 0; b < 10; ++b) {
    int n = 0, r = 0;
    for (size_t i = 0; i < cv.size(); ++i) {
      if (std::clamp(static_cast<int>(cv[i] * 10), 0, 9) == b) {
        ++n;
        r += d.y[i];
      }
    }
    if (n) {
      h << "#   " << std::setprecision(1) << b / 10.0 << "-" << (b + 1) / 10.0 << std::setw(6) << n
        << std::setprecision(3) << std::setw(8) << double(r) / n << "\n";
    }
  }
  out.header = h.str();
  return out;
}

}  // namespace griot
