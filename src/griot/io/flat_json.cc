#include "griot/io/flat_json.h"

namespace griot {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  void SkipSpace() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\r' || s_[p_] == '\n')) {
      ++p_;
    }
  }
  bool Eat(char c) {
    SkipSpace();
    if (p_ < s_.size() && s_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == s_.size();
  }
  char Peek() {
    SkipSpace();
    return p_ < s_.size() ? s_[p_] : '\0';
  }

  // A JSON string at the cursor, decoded to UTF-8.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    out->clear();
    while (p_ < s_.size()) {
      size_t run = p_;
      while (run < s_.size() && s_[run] != '"' && s_[run] != '\\' &&
             static_cast<unsigned char>(s_[run]) >= 0x20) {
        ++run;
      }
      out->append(s_.data() + p_, run - p_);
      p_ = run;
      if (p_ >= s_.size()) return false;
      char c = s_[p_++];
      if (c == '"') return true;
      if (c != '\\') return false;  // raw control character
      if (p_ >= s_.size()) return false;
      char e = s_[p_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (p_ + 1 >= s_.size() || s_[p_] != '\\' || s_[p_ + 1] != 'u') return false;
            p_ += 2;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // Any other value; integers are kept, the rest only skipped.
  bool Value(FlatField* f) {
    char c = Peek();
    if (c == '"') {
      f->kind = FlatField::Kind::kString;
      return String(&f->value);
    }
    f->kind = FlatField::Kind::kOther;
    if (c == '{' || c == '[') return false;  // nested values: the full parser's job
    size_t start = p_;
    while (p_ < s_.size() && s_[p_] != ',' && s_[p_] != '}' && s_[p_] != ' ' && s_[p_] != '\t' &&
           s_[p_] != '\r' && s_[p_] != '\n') {
      ++p_;
    }
    std::string_view word = s_.substr(start, p_ - start);
    if (word == "null") {
      f->kind = FlatField::Kind::kNull;
      return true;
    }
    if (word == "true" || word == "false") return true;
    bool integer = false;
    if (!Number(word, &integer)) return false;
    if (integer && word.size() <= 18) {
      f->kind = FlatField::Kind::kInteger;
      f->value = std::string(word);
    }
    return true;
  }

 private:
  // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  static bool Number(std::string_view w, bool* integer) {
    size_t i = 0;
    auto digits = [&]() {
      size_t start = i;
      while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
      return i > start;
    };
    if (i < w.size() && w[i] == '-') ++i;
    if (i < w.size() && w[i] == '0') {
      ++i;
    } else if (!digits()) {
      return false;
    }
    *integer = true;
    if (i < w.size() && w[i] == '.') {
      ++i;
      if (!digits()) return false;
      *integer = false;
    }
    if (i < w.size() && (w[i] == 'e' || w[i] == 'E')) {
      ++i;
      if (i < w.size() && (w[i] == '+' || w[i] == '-')) ++i;
      if (!digits()) return false;
      *integer = false;
    }
    return i == w.size();
  }

  bool Hex4(uint32_t* cp) {
    if (p_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char h = s_[p_++];
      v <<= 4;
      if (h >= '0' && h <= '9') v |= h - '0';
      else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
      else return false;
    }
    *cp = v;
    return true;
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  std::string_view s_;
  size_t p_ = 0;
};

}  // namespace

bool ParseFlatObject(std::string_view text, std::vector<FlatField>* fields) {
  fields->clear();
  Scanner s(text);
  if (!s.Eat('{')) return false;
  if (s.Eat('}')) return s.AtEnd();
  while (true) {
    FlatField f;
    if (s.Peek() != '"' || !s.String(&f.key)) return false;
    if (!s.Eat(':')) return false;
    if (!s.Value(&f)) return false;
    fields->push_back(std::move(f));
    if (s.Eat(',')) continue;
    if (s.Eat('}')) return s.AtEnd();
    return false;
  }
}

}  // namespace griot
