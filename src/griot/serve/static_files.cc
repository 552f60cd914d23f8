#include "griot/serve/static_files.h"

#include <filesystem>
#include <system_error>

namespace griot {
namespace fs = std::filesystem;
namespace {

// True when the request path could only be an escape attempt or a mistake:
// a ".." segment, a backslash, a NUL or a percent sign left after decoding
// (a double-encoded "%2e%2e").
bool Suspicious(const std::string& p) {
  if (p.find('\\') != std::string::npos || p.find('\0') != std::string::npos ||
      p.find('%') != std::string::npos) {
    return true;
  }
  size_t start = 0;
  while (start <= p.size()) {
    size_t slash = p.find('/', start);
    std::string segment = p.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (segment == "..") return true;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

// `candidate`, canonical, when it is a regular file inside `root`
// (canonical); 403 when it resolves (through a link) outside.
StaticFile Inside(const fs::path& root, const fs::path& candidate) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(candidate, ec);
  if (ec) return {404, "", ""};
  std::string r = root.string(), f = real.string();
  if (f.compare(0, r.size(), r) != 0 || (f.size() > r.size() && f[r.size()] != '/')) return {403, "", ""};
  if (!fs::is_regular_file(real, ec)) return {404, "", ""};
  return {200, f, MimeTypeFor(f)};
}

}  // namespace

std::string MimeTypeFor(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  };
  std::string ext = fs::path(path).extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

StaticFile ResolveStaticFile(const std::string& web_dir, const std::string& url_path) {
  if (url_path.empty() || url_path[0] != '/' || Suspicious(url_path)) return {403, "", ""};
  std::error_code ec;
  fs::path root = fs::canonical(web_dir, ec);
  if (ec || !fs::is_directory(root, ec)) return {404, "", ""};
  std::string relative = url_path == "/" ? "index.html" : url_path.substr(1);
  // "//etc/passwd" would be absolute once the first slash is gone.
  if (!relative.empty() && relative[0] == '/') return {403, "", ""};
  StaticFile f = Inside(root, root / relative);
  if (f.status == 404 && relative.rfind("static/", 0) == 0) {
    f = Inside(root, root / relative.substr(7));
  }
  return f;
}

}  // namespace griot
