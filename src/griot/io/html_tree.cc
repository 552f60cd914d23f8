// Gumbo's tree, copied into a flat pre-order array without recursion.
#include "griot/io/html_tree.h"

#include <gumbo.h>

#include <memory>

namespace griot {
namespace {

struct GumboFree {
  const GumboOptions* options;
  void operator()(GumboOutput* out) const { gumbo_destroy_output(options, out); }
};

// Appends an element node; the tag is the balancer's data-t when present.
int AddElement(const GumboElement& e, int parent, HtmlTree* tree) {
  HtmlNode& n = tree->emplace_back();
  n.parent = parent;
  n.tag = gumbo_normalized_tagname(e.tag);
  n.is_inline = e.tag == GUMBO_TAG_SPAN;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    if (std::string_view(a->name) == "data-t") {
      n.tag = a->value;
    } else {
      n.attrs.emplace_back(a->name, a->value);
    }
  }
  return static_cast<int>(tree->size()) - 1;
}

bool IsHtmlSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

std::string_view HtmlNode::Attr(std::string_view name) const {
  for (const auto& [key, value] : attrs) {
    if (key == name) return value;
  }
  return {};
}

bool HtmlNode::HasAttr(std::string_view name) const {
  for (const auto& kv : attrs) {
    if (kv.first == name) return true;
  }
  return false;
}

HtmlTree ParseHtmlTree(std::string_view balanced_html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not reported, so not recorded either
  std::unique_ptr<GumboOutput, GumboFree> out(
      gumbo_parse_with_options(&options, balanced_html.data(), balanced_html.size()),
      GumboFree{&options});
  HtmlTree tree;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    int index;
  };
  std::vector<Frame> stack;
  stack.push_back({out->root, 0, AddElement(out->root->v.element, -1, &tree)});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child >= children.length) {
      tree[top.index].end = static_cast<int>(tree.size());
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    int parent = top.index;
    if (child->type == GUMBO_NODE_ELEMENT) {
      stack.push_back({child, 0, AddElement(child->v.element, parent, &tree)});
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
               child->type == GUMBO_NODE_CDATA) {
      HtmlNode& n = tree.emplace_back();
      n.parent = parent;
      n.text = child->v.text.text;
      n.end = static_cast<int>(tree.size());
    }
  }
  return tree;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (IsHtmlSpace(c) || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string SubtreeText(const HtmlTree& tree, int node) {
  std::string raw;
  for (int i = node + 1; i < tree[node].end; ++i) {
    const HtmlNode& n = tree[i];
    if (n.tag == "script") {
      i = n.end - 1;
    } else if (n.is_text()) {
      raw += n.text;
    } else if (!n.is_inline) {
      raw += ' ';  // <br> and blocks separate words
    }
  }
  return CollapseWhitespace(raw);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace griot
