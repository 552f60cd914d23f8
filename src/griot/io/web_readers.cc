#include "griot/io/web_readers.h"

#include <filesystem>
#include <functional>
#include <sstream>

#include "griot/io/decompress.h"
#include "griot/io/encoding.h"
#include "griot/io/feed_parser.h"
#include "griot/io/html_extractor.h"
#include "griot/io/warc_parser.h"

namespace griot {

std::string TextForCoding(std::string_view bytes, std::string_view declared_charset,
                          const std::string& where, std::string* warning) {
  if (declared_charset.empty() && IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos &&
      bytes.substr(0, 3) != "\xef\xbb\xbf") {
    return std::string(bytes);
  }
  Result<Utf8Text> u = ToUtf8(bytes, declared_charset);
  if (!u.ok()) {
    *warning = where + ": " + u.status().message();
    return std::string();
  }
  if (u->source_encoding != "utf-8" || u->invalid_sequences || u->nul_bytes_removed) {
    *warning = where + ": read as " + u->source_encoding +
               (u->invalid_sequences ? " (" + std::to_string(u->invalid_sequences) + " bytes guessed)" : "") +
               (u->nul_bytes_removed ? " (" + std::to_string(u->nul_bytes_removed) + " NUL bytes removed)" : "");
  }
  return std::move(u->text);
}

namespace {

std::string FileId(const std::string& name) { return std::filesystem::path(name).filename().string(); }

void Start(InputRecord* rec, const std::string& name, uint64_t line, uint64_t offset) {
  *rec = InputRecord();
  rec->doc.input = name;
  rec->doc.line = line;
  rec->doc.offset = offset;
}

// Fills rec->doc from an HTML page; the caller has set input, line and id.
void FromPage(std::string_view bytes, std::string_view charset, InputRecord* rec) {
  std::string where = rec->doc.input + ":" + std::to_string(rec->doc.line);
  std::string declared(charset);
  if (declared.empty()) declared = DeclaredCharset(bytes.substr(0, 4096));
  std::string html = TextForCoding(bytes, declared, where, &rec->warning);
  Result<ExtractedArticle> a = ExtractArticle(html);
  if (!a.ok()) {
    rec->status = InvalidArgument(where + ": " + a.status().message());
    return;
  }
  rec->doc.title = std::move(a->title);
  if (IsIsoDate(a->date)) rec->doc.date = a->date;
  if (!a->url.empty() && rec->doc.url.empty()) rec->doc.url = a->url;
  rec->doc.text = std::move(a->text);
}

// A whole file is one record: a page, a text, or a file refused as binary.
// `fill` completes the record once input, line and id are set.
class WholeFileReader : public DocumentReader {
 public:
  WholeFileReader(std::string name, std::function<void(InputRecord*)> fill)
      : name_(std::move(name)), fill_(std::move(fill)) {}
  bool Next(InputRecord* rec) override {
    if (!fill_) return false;
    Start(rec, name_, 0, 0);
    rec->doc.id = FileId(name_);
    fill_(rec);
    fill_ = nullptr;
    return true;
  }

 private:
  std::string name_;
  std::function<void(InputRecord*)> fill_;
};

// The documents of a WARC are its HTTP responses that carry a page.
class WarcReader : public DocumentReader {
 public:
  WarcReader(std::string name, std::string data)
      : name_(std::move(name)), data_(std::move(data)), parser_(data_) {}
  bool Next(InputRecord* rec) override {
    WarcRecord w;
    while (parser_.Next(&w)) {
      if (w.status.ok() && w.type != "response") continue;  // request, warcinfo, metadata
      Start(rec, name_, ++count_, w.offset);
      rec->doc.id = !w.target_uri.empty() ? w.target_uri : w.record_id;
      rec->doc.url = w.target_uri;
      std::string where = name_ + ":" + std::to_string(count_);
      if (!w.status.ok()) {
        rec->status = InvalidArgument(where + ": " + w.status.message());
        return true;
      }
      if (w.http_status != 0 && w.http_status != 200) {
        rec->skip = true;
        rec->status = InvalidArgument(where + ": http status " + std::to_string(w.http_status));
        return true;
      }
      std::string type = w.content_type.substr(0, w.content_type.find(';'));
      for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!type.empty() && type.find("html") == std::string::npos && type != "text/plain") {
        rec->skip = true;
        rec->status = InvalidArgument(where + ": content type: " + type);
        return true;
      }
      std::string payload = std::move(w.payload);
      if (w.payload_gzip) {
        Result<std::string> p = Decompress(payload, Compression::kGzip, 64 << 20);
        if (!p.ok()) {
          rec->status = InvalidArgument(where + ": " + p.status().message());
          return true;
        }
        payload = std::move(*p);
      }
      FromPage(payload, DeclaredCharset(w.content_type), rec);
      if (rec->doc.date.empty() && IsIsoDate(w.date)) rec->doc.date = w.date;
      return true;
    }
    return false;
  }

 private:
  std::string name_, data_;
  WarcParser parser_;
  uint64_t count_ = 0;
};

// A feed item is coded as its headline followed by its description.
class FeedReader : public DocumentReader {
 public:
  FeedReader(std::string name, std::string bytes) : name_(std::move(name)) {
    Result<std::vector<FeedItem>> items = ParseFeed(bytes);
    if (items.ok()) {
      items_ = std::move(*items);
    } else {
      problem_ = items.status();
    }
  }
  bool Next(InputRecord* rec) override {
    if (!problem_.ok()) {
      Start(rec, name_, 0, 0);
      rec->doc.id = FileId(name_);
      rec->status = InvalidArgument(name_ + ":0: " + problem_.message());
      problem_ = Status::Ok();
      return true;
    }
    if (next_ >= items_.size()) return false;
    FeedItem& item = items_[next_++];
    Start(rec, name_, item.index + 1, 0);
    rec->doc.id = !item.id.empty() ? item.id : !item.link.empty() ? item.link
                                                                  : FileId(name_) + "#" + std::to_string(item.index + 1);
    rec->doc.title = item.title;
    rec->doc.url = item.link;
    if (IsIsoDate(item.date)) rec->doc.date = item.date;
    std::string body = HtmlFragmentText(item.html);
    rec->doc.text = item.title.empty() ? body : body.empty() ? item.title : item.title + "\n\n" + body;
    return true;
  }

 private:
  std::string name_;
  std::vector<FeedItem> items_;
  size_t next_ = 0;
  Status problem_;
};

class TrailingProblemReader : public DocumentReader {
 public:
  TrailingProblemReader(std::unique_ptr<DocumentReader> inner, std::string name, Status problem)
      : inner_(std::move(inner)), name_(std::move(name)), problem_(std::move(problem)) {}
  bool Next(InputRecord* rec) override {
    if (inner_ && inner_->Next(rec)) return true;
    inner_.reset();
    if (problem_.ok()) return false;
    Start(rec, name_, 0, 0);
    rec->doc.id = FileId(name_);
    rec->status = InvalidArgument(name_ + ": " + problem_.message());
    problem_ = Status::Ok();
    return true;
  }

 private:
  std::unique_ptr<DocumentReader> inner_;
  std::string name_;
  Status problem_;
};

}  // namespace

std::unique_ptr<DocumentReader> WithTrailingProblem(std::unique_ptr<DocumentReader> inner,
                                                    std::string name, Status problem) {
  return std::make_unique<TrailingProblemReader>(std::move(inner), std::move(name), std::move(problem));
}

std::unique_ptr<DocumentReader> ReaderFor(InputFormat format, std::string name, std::string bytes) {
  switch (format) {
    case InputFormat::kJsonl: {
      auto stream = std::make_unique<std::istringstream>(std::move(bytes));
      std::istream* raw = stream.get();
      return JsonlReader(raw, std::move(name), std::move(stream));
    }
    case InputFormat::kHtml:
      return std::make_unique<WholeFileReader>(
          std::move(name), [bytes = std::move(bytes)](InputRecord* rec) { FromPage(bytes, "", rec); });
    case InputFormat::kWarc: return std::make_unique<WarcReader>(std::move(name), std::move(bytes));
    case InputFormat::kFeed: return std::make_unique<FeedReader>(std::move(name), std::move(bytes));
    case InputFormat::kBinary:
      return std::make_unique<WholeFileReader>(std::move(name), [](InputRecord* rec) {
        rec->status = InvalidArgument(rec->doc.input +
                                      ":0: binary file (not text, JSONL, HTML, WARC or a feed)");
      });
    case InputFormat::kText: break;
  }
  return std::make_unique<WholeFileReader>(
      std::move(name), [bytes = std::move(bytes)](InputRecord* rec) {
        rec->doc.text = TextForCoding(bytes, "", rec->doc.input, &rec->warning);
      });
}

}  // namespace griot
