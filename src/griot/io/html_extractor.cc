// Article extraction: furniture, the article node, and its paragraph texts.
// The design note is in html_extractor.h.
#include "griot/io/html_extractor.h"

#include <string>
#include <vector>

#include "griot/io/html_boilerplate.h"
#include "griot/io/html_metadata.h"
#include "griot/io/html_tree.h"

namespace griot {
namespace {

constexpr double kFurnitureWeight = 0.2;  // paragraphs inside furniture count a fifth
constexpr size_t kMinParagraph = 25;      // shorter texts (menus, bylines) do not score

// Share of C0 control bytes (other than whitespace) in input, in percent.
size_t ControlPercent(std::string_view s) {
  size_t controls = 0;
  for (unsigned char c : s) {
    controls += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
  }
  return s.empty() ? 0 : controls * 100 / s.size();
}

// Bytes that are not ASCII whitespace: the text length used for scoring.
size_t VisibleLength(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += !(c == ' ' || (c >= '\t' && c <= '\r'));
  return n;
}

// Blocks whose text is article prose when they stand inside the article node.
bool IsProseBlock(std::string_view tag) {
  return tag == "p" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "li" ||
         tag == "blockquote";
}

// Elements whose contents are never text, page or fragment.
bool IsNonText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "title" || tag == "head" ||
         tag == "noscript" || tag == "template" || tag == "svg" || tag == "select";
}

// Furniture flags and paragraph scores of every node, and the article node.
class PageAnalysis {
 public:
  explicit PageAnalysis(const HtmlTree& tree);
  int ArticleNode() const;
  bool IsFurniture(int i) const { return furniture_[i]; }

 private:
  double Penalty(int i) const { return i >= 0 && in_furniture_[i] ? kFurnitureWeight : 1.0; }

  const HtmlTree& tree_;
  std::vector<char> furniture_;     // the element itself is furniture
  std::vector<char> in_furniture_;  // it or an ancestor is
  std::vector<double> score_;       // readability score: own paragraphs + half the grandchildren's
  std::vector<double> clean_;       // non-link paragraph text in the subtree, furniture left out
};

PageAnalysis::PageAnalysis(const HtmlTree& tree)
    : tree_(tree),
      furniture_(tree.size()),
      in_furniture_(tree.size()),
      score_(tree.size()),
      clean_(tree.size()) {
  const int n = static_cast<int>(tree.size());
  std::vector<int> block_of(n);  // the nearest block element holding the node
  std::vector<char> in_link(n);
  std::vector<size_t> text(n), link_text(n);  // of a block's own text runs
  for (int i = 0; i < n; ++i) {
    const HtmlNode& node = tree[i];
    int parent = node.parent;
    if (node.is_text()) {
      int block = block_of[parent];
      if (IsNonText(tree[block].tag)) continue;
      size_t length = VisibleLength(node.text);
      text[block] += length;
      if (in_link[parent]) link_text[block] += length;
      continue;
    }
    furniture_[i] = IsBoilerplateTag(node.tag) || HasBoilerplateSignal(node);
    in_furniture_[i] = furniture_[i] || (parent >= 0 && in_furniture_[parent]);
    block_of[i] = node.is_inline && parent >= 0 ? block_of[parent] : i;
    in_link[i] = node.tag == "a" || (parent >= 0 && in_link[parent]);
  }
  for (int b = 0; b < n; ++b) {
    size_t own = text[b] - link_text[b];
    if (own < kMinParagraph) continue;
    clean_[b] = static_cast<double>(own);
    double weighted = static_cast<double>(own) * Penalty(b);
    int target = IsProseBlock(tree[b].tag) && tree[b].parent >= 0 ? tree[b].parent : b;
    score_[target] += weighted;
    if (tree[target].parent >= 0) score_[tree[target].parent] += weighted / 2;
  }
  for (int i = n - 1; i > 0; --i) {
    if (!furniture_[i]) clean_[tree[i].parent] += clean_[i];
  }
}

int PageAnalysis::ArticleNode() const {
  const int n = static_cast<int>(tree_.size());
  int best = -1;
  for (int i = 0; i < n; ++i) {
    if (!tree_[i].is_text() && score_[i] > 0 && (best < 0 || score_[i] > score_[best])) best = i;
  }
  double reference = best >= 0 ? clean_[best] * Penalty(best) : 0;
  // Marked-up article nodes, most specific first, when they hold at least
  // half of what the best-scoring container holds.
  auto tier_of = [this](const HtmlNode& e) {
    if (e.Attr("itemprop").find("articleBody") != std::string_view::npos) return 0;
    if (e.tag == "article") return 1;
    if (e.tag == "main" || AsciiLower(e.Attr("role")) == "main") return 2;
    return -1;
  };
  int candidate[3] = {-1, -1, -1};
  double value[3] = {0, 0, 0};
  for (int i = 0; i < n; ++i) {
    if (tree_[i].is_text() || furniture_[i]) continue;
    int tier = tier_of(tree_[i]);
    if (tier < 0) continue;
    double v = clean_[i] * Penalty(tree_[i].parent);
    if (v > value[tier]) candidate[tier] = i, value[tier] = v;
  }
  for (int tier = 0; tier < 3; ++tier) {
    if (candidate[tier] >= 0 && value[tier] >= 0.5 * reference) return candidate[tier];
  }
  if (best >= 0) return best;
  for (int i = 0; i < n; ++i) {
    if (tree_[i].tag == "body") return i;
  }
  return 0;
}

// Paragraph texts under one node: text runs between block boundaries.
class TextCollector {
 public:
  struct Options {
    bool prose_only = true;              // only text inside p, h2-h4, li, blockquote
    bool filter = true;                  // drop link-dominated and furniture lines
    bool drop_headers = false;           // <header> is furniture (the page, not an article)
    const PageAnalysis* page = nullptr;  // furniture flags; null for fragments
  };
  TextCollector(const HtmlTree& tree, Options options) : tree_(tree), options_(options) {}

  std::string Collect(int root);

 private:
  bool Skipped(int i) const {
    const HtmlNode& n = tree_[i];
    if (IsNonText(n.tag)) return true;
    if (options_.page == nullptr) return false;
    return options_.page->IsFurniture(i) || (options_.drop_headers && n.tag == "header");
  }
  void Flush();
  void Close(int element);

  const HtmlTree& tree_;
  Options options_;
  std::vector<std::string> paragraphs_;
  std::string buffer_;
  size_t length_ = 0, link_length_ = 0;
  int open_prose_ = 0, open_links_ = 0;
};

void TextCollector::Flush() {
  std::string text = CollapseWhitespace(buffer_);
  bool keep = !text.empty();
  if (keep && options_.filter) {
    keep = link_length_ * 2 <= length_ && !IsBoilerplateLine(text);
  }
  if (keep && (paragraphs_.empty() || paragraphs_.back() != text)) {
    paragraphs_.push_back(std::move(text));
  }
  buffer_.clear();
  length_ = link_length_ = 0;
}

void TextCollector::Close(int element) {
  const HtmlNode& n = tree_[element];
  if (!n.is_inline) Flush();
  if (IsProseBlock(n.tag)) --open_prose_;
  if (n.tag == "a") --open_links_;
}

std::string TextCollector::Collect(int root) {
  std::vector<int> open;  // open elements below root, innermost last
  for (int i = root + 1; i < tree_[root].end; ++i) {
    while (!open.empty() && i >= tree_[open.back()].end) {
      Close(open.back());
      open.pop_back();
    }
    const HtmlNode& n = tree_[i];
    if (n.is_text()) {
      if (open_prose_ == 0 && options_.prose_only) continue;
      buffer_ += n.text;
      size_t length = VisibleLength(n.text);
      length_ += length;
      if (open_links_ > 0) link_length_ += length;
      continue;
    }
    if (Skipped(i)) {
      i = n.end - 1;
      continue;
    }
    if (!n.is_inline) Flush();     // blocks, <br> and <hr> end a paragraph
    if (n.end == i + 1) continue;  // nothing inside
    open.push_back(i);
    if (IsProseBlock(n.tag)) ++open_prose_;
    if (n.tag == "a") ++open_links_;
  }
  while (!open.empty()) {
    Close(open.back());
    open.pop_back();
  }
  Flush();
  std::string text;
  for (const std::string& p : paragraphs_) {
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  return text;
}

std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

Result<ExtractedArticle> ExtractArticle(std::string_view html, const HtmlLimits& limits) {
  if (html.size() > limits.max_bytes) {
    return InvalidArgument(
        "HTML page of " + std::to_string(html.size()) + " bytes is over HtmlLimits::max_bytes (" +
        std::to_string(limits.max_bytes) + "); raise the limit or skip the page");
  }
  if (size_t percent = ControlPercent(html); percent >= 2) {
    return InvalidArgument("input is not HTML text: " + std::to_string(percent) +
                           "% of its bytes are control characters (binary data, or UTF-16?); "
                           "convert the page to UTF-8 first");
  }
  HtmlTree tree = ParseHtmlTree(BalanceHtml(html, limits).html);
  PageAnalysis page(tree);
  int article = page.ArticleNode();
  TextCollector::Options options;
  options.page = &page;
  options.drop_headers = tree[article].tag == "body" || tree[article].tag == "html";
  ExtractedArticle out;
  out.text = TextCollector(tree, options).Collect(article);
  if (out.text.empty()) {  // no prose blocks: old <br><br> layouts
    options.prose_only = false;
    out.text = TextCollector(tree, options).Collect(article);
  }
  ReadMetadata(tree, article, &out);
  if (out.text.empty() && out.title.empty()) {
    return NotFound("no title and no article text in the HTML page (empty, or all script?)");
  }
  return out;
}

std::string HtmlFragmentText(std::string_view html, const HtmlLimits& limits) {
  HtmlTree tree = ParseHtmlTree(BalanceHtml(CutUtf8(html, limits.max_bytes), limits).html);
  TextCollector::Options options;
  options.prose_only = false;
  options.filter = false;
  return TextCollector(tree, options).Collect(0);
}

}  // namespace griot
