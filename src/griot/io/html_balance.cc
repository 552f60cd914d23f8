// Balances an HTML page into a well-nested div/span stream (why: see the
// design note in html_extractor.h).
//
// The tokenizer follows the HTML tokenizer as far as text extraction needs:
// quoted attribute values may hold '>', comments end at "-->" or "--!>"
// ("<!-->" is empty), raw-text elements end at their own end tag, a '<' that
// opens no tag is text. The tree builder keeps the stack of open elements and
// applies the implied-end rules that decide which paragraph text belongs to:
//   - a block start tag closes an open <p> (never across a table cell);
//   - <li>, <dd>/<dt>, <td>/<th>, <tr> and headings close an open sibling;
//   - an end tag closes the nearest element of its name in scope and all the
//     elements above it; an inline end tag never crosses a block; an end tag
//     with nothing to close is ignored.
// Whatever it decides is final: gumbo receives only the explicit stream, so
// its tree is this stack's history, at most max_depth deep. Every step is
// O(1) or O(max_depth), so the pass is linear in the input.
#include <algorithm>
#include <string>
#include <vector>

#include "griot/io/html_lexer.h"
#include "griot/io/html_tree.h"

namespace griot {

using namespace html_internal;  // NOLINT: this file is the lexer's one client

namespace {

// A heavy news page has under 20,000 elements; past this many, start tags are
// dropped (their text is kept) so gumbo's memory stays bounded.
constexpr int kMaxElements = 1 << 18;

// The stack of open elements and the stream it writes.
class Builder {
 public:
  Builder(const HtmlLimits& limits, BalancedHtml* out) : limits_(limits), out_(out) {}

  void Text(std::string_view s) { out_->html.append(s); }
  void LessThan() { out_->html.append("&lt;"); }

  void Start(const std::string& name, Kind kind, const std::vector<KeptAttr>& attrs);
  void End(std::string_view name, Kind kind);

  void Title(std::string_view content) {
    if (!Count()) return;
    out_->html.append("<title>");
    AppendReplacing(&out_->html, content, '<', "&lt;");
    out_->html.append("</title>");
  }
  // JSON-LD keeps its text; a '<' becomes "\u003c" so the stream holds no markup there.
  void JsonLd(std::string_view content) {
    if (!Count()) return;
    out_->html.append("<script type=\"application/ld+json\">");
    AppendReplacing(&out_->html, content, '<', "\\u003c");
    out_->html.append("</script>");
  }
  void Finish() { PopTo(0); }

 private:
  struct Open {
    std::string name;
    Kind kind;
  };

  bool Count() {
    if (out_->elements >= kMaxElements) return false;
    ++out_->elements;
    return true;
  }
  // Index of the nearest open element satisfying is_target, looking down
  // from the top and giving up at an element satisfying is_barrier; -1 if none.
  template <typename Target, typename Barrier>
  int FindOpen(Target is_target, Barrier is_barrier) const {
    for (int i = static_cast<int>(stack_.size()) - 1; i >= 0; --i) {
      if (is_target(stack_[i])) return i;
      if (is_barrier(stack_[i])) return -1;
    }
    return -1;
  }
  void PopTo(size_t size) {
    while (stack_.size() > size) {
      out_->html.append(stack_.back().kind == Kind::kInline ? "</span>" : "</div>");
      if (stack_.back().kind == Kind::kParagraph) --open_paragraphs_;
      stack_.pop_back();
    }
  }
  void CloseParagraph() {
    if (open_paragraphs_ == 0) return;
    int p = FindOpen([](const Open& e) { return e.kind == Kind::kParagraph; },
                     [](const Open& e) { return IsTablePart(e.kind); });
    if (p >= 0) PopTo(p);
  }
  // <li> closes an open <li> unless a list, table or other block intervenes
  // (div, address and p do not count), and likewise <dd>/<dt>.
  void CloseSibling(Kind kind) {
    int i = FindOpen([kind](const Open& e) { return e.kind == kind; },
                     [](const Open& e) {
                       return e.kind != Kind::kInline && e.kind != Kind::kParagraph &&
                              e.name != "div" && e.name != "address";
                     });
    if (i >= 0) PopTo(i);
  }
  void EmitStart(const std::string& name, Kind kind, const std::vector<KeptAttr>& attrs);

  const HtmlLimits& limits_;
  BalancedHtml* out_;
  std::vector<Open> stack_;
  int open_paragraphs_ = 0;
};

void Builder::Start(const std::string& name, Kind kind, const std::vector<KeptAttr>& attrs) {
  switch (kind) {
    case Kind::kBlock:
    case Kind::kList:
    case Kind::kParagraph:
    case Kind::kTable:
      CloseParagraph();
      break;
    case Kind::kHeading:
      CloseParagraph();
      if (!stack_.empty() && stack_.back().kind == Kind::kHeading) PopTo(stack_.size() - 1);
      break;
    case Kind::kListItem:
    case Kind::kDefItem:
      CloseSibling(kind);
      CloseParagraph();
      break;
    case Kind::kTableSection:
    case Kind::kTableRow:
    case Kind::kTableCell: {
      int context = FindOpen([](const Open& e) { return IsTablePart(e.kind); },
                             [](const Open&) { return false; });
      if (context < 0) return;  // a cell outside any table: HTML ignores the tag
      PopTo(context + 1);
      while (!stack_.empty() && IsTablePart(stack_.back().kind) &&
             stack_.back().kind != Kind::kTable &&
             TableLevel(stack_.back().kind) >= TableLevel(kind)) {
        PopTo(stack_.size() - 1);
      }
      break;
    }
    case Kind::kInline:
      break;
    case Kind::kBreak:
      if (Count()) out_->html.append("<br>");
      return;
    case Kind::kRule:
      CloseParagraph();
      if (Count()) out_->html.append("<br data-t=\"hr\">");
      return;
    case Kind::kHeadVoid:
      if (Count()) EmitStart(name, kind, attrs);
      return;
    default:
      return;
  }
  // Past max_depth the element is flattened: its tag is dropped, its text
  // and children land in the deepest open element.
  if (static_cast<int>(stack_.size()) >= limits_.max_depth || !Count()) return;
  EmitStart(name, kind, attrs);
  stack_.push_back({name, kind});
  if (kind == Kind::kParagraph) ++open_paragraphs_;
  out_->max_depth = std::max(out_->max_depth, static_cast<int>(stack_.size()));
}

void Builder::EmitStart(const std::string& name, Kind kind, const std::vector<KeptAttr>& attrs) {
  std::string& html = out_->html;
  const char* element = kind == Kind::kHeadVoid ? name.c_str()
                        : kind == Kind::kInline ? "span"
                                                : "div";
  html += '<';
  html += element;
  if (name != element) html.append(" data-t=\"").append(name).append("\"");
  bool hidden = false;
  for (const KeptAttr& a : attrs) {
    if (a.name == "hidden" || (a.name == "aria-hidden" && EqualsIgnoreCase(a.value, "true"))) {
      hidden = true;
    } else if (a.name == "style") {
      std::string style;
      for (char c : a.value) {
        if (!IsSpace(c)) style += Lower(c);
      }
      hidden =
          hidden || style.find("display:none") != kNpos || style.find("visibility:hidden") != kNpos;
    } else if (a.name != "aria-hidden") {
      html.append(" ").append(a.name).append("=\"");
      AppendReplacing(&html, a.value, '"', "&quot;");
      html += '"';
    }
  }
  if (hidden && kind != Kind::kHeadVoid) html.append(" hidden=\"\"");
  html += '>';
}

void Builder::End(std::string_view name, Kind kind) {
  auto same_name = [name](const Open& e) { return e.name == name; };
  auto table_barrier = [](const Open& e) { return IsTablePart(e.kind); };
  auto list_barrier = [](const Open& e) { return e.kind == Kind::kList || IsTablePart(e.kind); };
  int i = -1;
  switch (kind) {
    case Kind::kParagraph:
      if (open_paragraphs_ == 0) return;
      i = FindOpen([](const Open& e) { return e.kind == Kind::kParagraph; }, table_barrier);
      break;
    case Kind::kBlock:
    case Kind::kList:
      i = FindOpen(same_name, table_barrier);
      break;
    case Kind::kHeading:
      i = FindOpen([](const Open& e) { return e.kind == Kind::kHeading; }, table_barrier);
      break;
    case Kind::kListItem:
    case Kind::kDefItem:
      i = FindOpen(same_name, list_barrier);
      break;
    case Kind::kTable:
      i = FindOpen(same_name, [](const Open&) { return false; });
      break;
    case Kind::kTableSection:
    case Kind::kTableRow:
    case Kind::kTableCell:
      i = FindOpen(same_name, [](const Open& e) { return e.kind == Kind::kTable; });
      break;
    case Kind::kInline:
      i = FindOpen(same_name, [](const Open& e) { return e.kind != Kind::kInline; });
      break;
    case Kind::kBreak:  // </br> is a <br>, as in browsers
      if (Count()) out_->html.append("<br>");
      return;
    default:
      return;
  }
  if (i >= 0) PopTo(i);
}

}  // namespace

BalancedHtml BalanceHtml(std::string_view s, const HtmlLimits& limits) {
  BalancedHtml result;
  result.html.reserve(s.size() + s.size() / 4 + 64);
  result.html = "<!DOCTYPE html>";
  Builder builder(limits, &result);
  std::vector<KeptAttr> attrs;
  // Index after the next '>' from `from`, or the end of the input.
  auto past_gt = [s](size_t from) {
    size_t gt = s.find('>', from);
    return gt == kNpos ? s.size() : gt + 1;
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == kNpos) lt = s.size();
    builder.Text(s.substr(i, lt - i));
    if (lt + 1 >= s.size()) {
      if (lt < s.size()) builder.LessThan();
      break;
    }
    char c = s[lt + 1];
    bool end_tag = c == '/' && lt + 2 < s.size() && IsAsciiAlpha(s[lt + 2]);
    if (c == '!') {  // comment, doctype, CDATA or bogus comment: dropped
      i = s.compare(lt, 4, "<!--") == 0 ? CommentEnd(s, lt + 4) : past_gt(lt + 2);
    } else if (c == '?' || (c == '/' && !end_tag)) {
      i = past_gt(lt + 2);  // "<?...>", "</>", "</ ...>": bogus comments
    } else if (end_tag) {
      size_t name_end = 0;
      std::string name = TagName(s, lt + 2, &name_end);
      i = ScanAttributes(s, name_end, nullptr, nullptr);
      if (i == kNpos) break;  // the input ends inside the tag
      builder.End(name, KindOf(name));
    } else if (IsAsciiAlpha(c)) {
      size_t name_end = 0;
      std::string name = TagName(s, lt + 1, &name_end);
      attrs.clear();
      bool self_closing = false;
      i = ScanAttributes(s, name_end, &attrs, &self_closing);
      if (i == kNpos) break;
      Kind kind = KindOf(name);
      std::string_view content;
      switch (kind) {
        case Kind::kRawText:
          i = RawTextEnd(s, i, name, &content);
          break;
        case Kind::kTitle:
          i = RawTextEnd(s, i, name, &content);
          builder.Title(content);
          break;
        case Kind::kScript: {
          i = RawTextEnd(s, i, name, &content);
          auto type = std::find_if(attrs.begin(), attrs.end(),
                                   [](const KeptAttr& a) { return a.name == "type"; });
          if (type != attrs.end() && AsciiLower(type->value).find("ld+json") != kNpos) {
            builder.JsonLd(content);
          }
          break;
        }
        case Kind::kPlaintext:
          AppendReplacing(&result.html, s.substr(i), '<', "&lt;");
          i = s.size();
          break;
        case Kind::kSubtree:
          if (!self_closing) i = SubtreeEnd(s, i, name);
          break;
        default:
          builder.Start(name, kind, attrs);
      }
    } else {
      builder.LessThan();
      i = lt + 1;
    }
  }
  builder.Finish();
  return result;
}

}  // namespace griot
