// Encoding design: validate first, convert only when needed.
//
// Most input is already UTF-8, so the common path is one validation pass
// (FindInvalidUtf8, eight ASCII bytes at a time) and a copy. Real conversions
// go through ICU's ucnv_convertEx straight to UTF-8 with a callback that
// writes U+FFFD and counts each malformed sequence. Stray bytes in mostly
// UTF-8 text are decoded one by one from a Windows-1252 table that a test
// checks against ICU's own windows-1252 converter.
//
// "Mostly UTF-8" means at least as many well-formed multi-byte sequences as
// stray bytes. Windows-1252 text almost never forms one by chance (that
// needs a letter in À..ß followed by a byte in 0x80..0xBF), while every
// accented letter in it is a stray byte, so the two readings rarely compete.
#include "griot/io/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include "griot/text/normalizer.h"

namespace griot {
namespace {

// Windows-1252 0x80..0x9F; 0xA0..0xFF are U+00A0..U+00FF as in Latin-1. The
// five unassigned bytes map to C1 controls, as in ICU and the WHATWG standard.
constexpr std::array<char16_t, 32> kWindows1252C1 = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// WHATWG Encoding Standard labels: browsers read all of these as Windows-1252.
constexpr std::string_view kWindows1252Labels[] = {
    "ansi_x3.4-1968", "ascii",           "cp1252",     "cp819",     "csisolatin1",
    "ibm819",         "iso-8859-1",      "iso-ir-100", "iso8859-1", "iso88591",
    "iso_8859-1",     "iso_8859-1:1987", "l1",         "latin1",    "us-ascii",
    "windows-1252",   "x-cp1252"};
constexpr std::string_view kUtf8Labels[] = {"utf-8", "utf8", "unicode-1-1-utf-8"};
constexpr std::string_view kUtf16LeLabels[] = {"utf-16", "utf-16le", "ucs-2", "unicode"};

constexpr char16_t kReplacement[] = {0xFFFD};

template <size_t N>
bool OneOf(std::string_view label, const std::string_view (&labels)[N]) {
  return std::find(std::begin(labels), std::end(labels), label) != std::end(labels);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {  // the table holds only BMP characters
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Valid UTF-8 runs copied, each stray byte decoded as Windows-1252.
struct Repaired {
  std::string text;
  size_t multibyte = 0;  // well-formed sequences of 2-4 bytes
  size_t strays = 0;
};

Repaired RepairStrayBytes(std::string_view s) {
  Repaired r;
  r.text.reserve(s.size() + s.size() / 8);
  while (!s.empty()) {
    const size_t bad = FindInvalidUtf8(s);
    const std::string_view good = s.substr(0, bad);
    r.multibyte += std::count_if(good.begin(), good.end(),
                                 [](char c) { return static_cast<uint8_t>(c) >= 0xC0; });
    r.text.append(good);
    if (bad == std::string_view::npos) break;
    const uint8_t b = static_cast<uint8_t>(s[bad]);
    AppendUtf8(b < 0xA0 ? kWindows1252C1[b - 0x80] : b, &r.text);  // b >= 0x80 here
    ++r.strays;
    s.remove_prefix(bad + 1);
  }
  return r;
}

// ICU to-Unicode callback: U+FFFD for a malformed sequence, counted.
void SubstituteAndCount(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to replace
  ++*static_cast<size_t*>(const_cast<void*>(context));
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, reinterpret_cast<const UChar*>(kReplacement), 1, 0, err);
}

using Converter = std::unique_ptr<UConverter, void (*)(UConverter*)>;

// Null when ICU does not know the name.
Converter OpenConverter(const std::string& name) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = name.empty() ? nullptr : ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err) && c) {
    ucnv_close(c);
    c = nullptr;
  }
  return Converter(c, ucnv_close);
}

Result<std::string> ConvertToUtf8(UConverter* from, std::string_view bytes, size_t* invalid) {
  UErrorCode err = U_ZERO_ERROR;
  Converter utf8 = OpenConverter("UTF-8");
  if (!utf8) return Internal("ICU has no UTF-8 converter; is the ICU data library installed?");
  UConverterToUCallback old_action;
  const void* old_context;
  ucnv_setToUCallBack(from, SubstituteAndCount, invalid, &old_action, &old_context, &err);
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  const char* src = bytes.data();
  std::array<UChar, 4096> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  size_t written = 0;
  for (bool reset = true;; reset = false) {
    char* target = out.data() + written;
    ucnv_convertEx(utf8.get(), from, &target, out.data() + out.size(), &src,
                   bytes.data() + bytes.size(), pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), reset, /*flush=*/true, &err);
    written = static_cast<size_t>(target - out.data());
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    err = U_ZERO_ERROR;
    out.resize(out.size() * 2);
  }
  if (U_FAILURE(err)) return Internal(std::string("ICU conversion failed: ") + u_errorName(err));
  out.resize(written);
  return out;
}

Result<Utf8Text> Convert(UConverter* from, std::string_view bytes, std::string source_encoding) {
  Utf8Text t;
  t.source_encoding = std::move(source_encoding);
  Result<std::string> text = ConvertToUtf8(from, bytes, &t.invalid_sequences);
  if (!text.ok()) return text.status();
  t.text = std::move(*text);
  return t;
}

// For the converters ICU always has.
Result<Utf8Text> ConvertNamed(const std::string& icu_name, std::string_view bytes,
                              std::string source_encoding) {
  Converter from = OpenConverter(icu_name);
  if (!from)
    return Internal("ICU has no " + icu_name + " converter; is its data library installed?");
  return Convert(from.get(), bytes, std::move(source_encoding));
}

Utf8Text FromRepaired(Repaired r) {
  Utf8Text t;
  t.text = std::move(r.text);
  t.source_encoding = "utf-8";
  t.invalid_sequences = r.strays;
  return t;
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsSpaceOrQuote(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'';
}

std::string NormalizeLabel(std::string_view label) {
  while (!label.empty() && IsSpaceOrQuote(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsSpaceOrQuote(label.back())) label.remove_suffix(1);
  std::string out(label);
  std::transform(out.begin(), out.end(), out.begin(), LowerAscii);
  return out;
}

// Steps 2-6 of the decision in encoding.h, for input without a BOM.
Result<Utf8Text> Sniff(std::string_view bytes, std::string_view declared_charset) {
  const std::string label = NormalizeLabel(declared_charset);
  if (OneOf(label, kUtf16LeLabels)) return ConvertNamed("UTF-16LE", bytes, "utf-16le");
  if (label == "utf-16be") return ConvertNamed("UTF-16BE", bytes, "utf-16be");
  if (IsValidUtf8(bytes)) return Utf8Text{std::string(bytes), "utf-8"};
  Repaired repaired = RepairStrayBytes(bytes);
  if (repaired.multibyte >= repaired.strays) return FromRepaired(std::move(repaired));
  if (!label.empty() && !OneOf(label, kWindows1252Labels) && !OneOf(label, kUtf8Labels)) {
    if (Converter declared = OpenConverter(label)) return Convert(declared.get(), bytes, label);
  }
  return ConvertNamed("windows-1252", bytes, "windows-1252");
}

size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
  if (from > s.size()) return std::string_view::npos;
  auto it = std::search(s.begin() + from, s.end(), needle.begin(), needle.end(),
                        [](char a, char b) { return LowerAscii(a) == LowerAscii(b); });
  return it == s.end() ? std::string_view::npos : static_cast<size_t>(it - s.begin());
}

bool IsLabelChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '+';
}

// The value of the first `key = value` in s (key in any case, value maybe
// quoted), normalized; "" when there is none.
std::string ParameterValue(std::string_view s, std::string_view key) {
  const auto skip_spaces = [&](size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    return i;
  };
  for (size_t at = FindNoCase(s, key, 0); at != std::string_view::npos;
       at = FindNoCase(s, key, at + 1)) {
    size_t i = skip_spaces(at + key.size());
    if (i >= s.size() || s[i] != '=') continue;
    i = skip_spaces(i + 1);
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) ++i;
    const size_t start = i;
    while (i < s.size() && IsLabelChar(s[i])) ++i;
    if (i > start) return NormalizeLabel(s.substr(start, i - start));
  }
  return "";
}

}  // namespace

bool IsValidUtf8(std::string_view s) { return FindInvalidUtf8(s) == std::string_view::npos; }

Result<Utf8Text> ToUtf8(std::string_view bytes, std::string_view declared_charset,
                        size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return InvalidArgument("text of " + std::to_string(bytes.size()) +
                           " bytes is over the conversion limit of " + std::to_string(max_bytes) +
                           " bytes; split the input or raise max_bytes");
  }
  Result<Utf8Text> t = Utf8Text{};
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    t = FromRepaired(RepairStrayBytes(bytes.substr(3)));  // the BOM settles it: UTF-8
  } else if (bytes.starts_with("\xFF\xFE")) {
    t = ConvertNamed("UTF-16LE", bytes.substr(2), "utf-16le");
  } else if (bytes.starts_with("\xFE\xFF")) {
    t = ConvertNamed("UTF-16BE", bytes.substr(2), "utf-16be");
  } else {
    t = Sniff(bytes, declared_charset);
  }
  if (t.ok()) t->nul_bytes_removed = std::erase(t->text, '\0');
  return t;
}

std::string DeclaredCharset(std::string_view s) {
  s = s.substr(0, 4096);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || s[first] != '<') return ParameterValue(s, "charset");
  // Markup: only the XML prolog and <meta> tags count, never "charset=" in
  // a script or in the text.
  s.remove_prefix(first);
  if (s.starts_with("<?xml")) {
    std::string encoding = ParameterValue(s.substr(0, s.find("?>")), "encoding");
    if (!encoding.empty()) return encoding;
  }
  for (size_t at = FindNoCase(s, "<meta", 0); at != std::string_view::npos;
       at = FindNoCase(s, "<meta", at + 5)) {
    const size_t end = s.find('>', at);
    std::string charset =
        ParameterValue(s.substr(at, end == s.npos ? s.npos : end - at), "charset");
    if (!charset.empty()) return charset;
  }
  return "";
}

}  // namespace griot
