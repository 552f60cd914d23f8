// Static files of the dashboard: which file of the web folder a URL path
// names, if any. Never a file outside the folder: `..` segments, absolute
// paths, backslashes and symbolic links that lead out are refused.
//
//   StaticFile f = ResolveStaticFile("build/web", "/static/app.js");
//   // f.status == 200, f.path == "/abs/build/web/static/app.js",
//   // f.mime == "text/javascript; charset=utf-8"
#pragma once

#include <string>

namespace griot {

struct StaticFile {
  int status = 404;  // 200, 403 (refused) or 404
  std::string path;  // the file, when 200
  std::string mime;
};

// `url_path` is the decoded path of the request ("/" = index.html).
// "/static/x" is looked up as web_dir/static/x, then as web_dir/x.
StaticFile ResolveStaticFile(const std::string& web_dir, const std::string& url_path);

// By extension: .html .js .css .json .svg .png .map .woff2 ...;
// application/octet-stream otherwise.
std::string MimeTypeFor(const std::string& path);

}  // namespace griot
