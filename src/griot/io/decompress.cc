// Decompress design: one streaming loop per format, a fixed chunk at a time.
//
// Each loop decodes into a 256 KB scratch chunk and appends it to the output
// only after checking the output limit, so the memory spent is bounded by
// max_output whatever the compression ratio. When the input stops making
// sense the loop returns what it has, with a status that says where and why:
// callers that read records (WARC, JSONL) can keep the complete ones.
//
// gzip: after a member ends, another may follow (RFC 1952 allows it; WARC.gz
// is built that way), so the inflater is reset and decoding continues. Zero
// bytes after the last member are block padding and are ignored, as gzip does.
// zstd: the streaming decoder walks concatenated and skippable frames itself.
#include "griot/io/decompress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

namespace griot {
namespace {

constexpr size_t kChunk = size_t{256} << 10;
// zlib counts input in 32-bit units; larger inputs are fed in slices.
constexpr size_t kMaxSlice = size_t{1} << 30;

// Appends decoded bytes unless that would pass the limit.
class Sink {
 public:
  Sink(Compression c, size_t max_output) : name_(CompressionName(c)), max_(max_output) {}

  // False (and the output cut at max_output) when the limit is passed.
  bool Append(const char* p, size_t n) {
    if (n > max_ - out_.size()) {
      out_.append(p, max_ - out_.size());
      return false;
    }
    out_.append(p, n);
    return true;
  }

  DecompressResult Ok() { return {std::move(out_), Status::Ok()}; }

  DecompressResult OverLimit() {
    return Fail(InvalidArgument(std::string(name_) + " output exceeds the limit of " +
                                std::to_string(max_) +
                                " bytes (a zip bomb? raise max_output if the file is genuine)"));
  }

  // `what` says what went wrong; the message adds how much was decoded first.
  DecompressResult Broken(const std::string& what) {
    return Fail(DataLoss(std::string(name_) + " " + what + "; " + std::to_string(out_.size()) +
                         " bytes decoded before the problem"));
  }

 private:
  DecompressResult Fail(Status s) { return {std::move(out_), std::move(s)}; }

  std::string_view name_;
  size_t max_;
  std::string out_;
};

bool AllZero(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == '\0'; });
}

DecompressResult Gunzip(std::string_view data, size_t max_output) {
  Sink sink(Compression::kGzip, max_output);
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return sink.Broken("decoder failed to start");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  std::string chunk(kChunk, '\0');
  size_t fed = 0;  // input bytes handed to zlib so far
  int member = 1;
  auto consumed = [&] { return fed - zs.avail_in; };
  for (;;) {
    if (zs.avail_in == 0 && fed < data.size()) {
      const size_t slice = std::min(kMaxSlice, data.size() - fed);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + fed));
      zs.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
    zs.avail_out = static_cast<uInt>(chunk.size());
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (!sink.Append(chunk.data(), chunk.size() - zs.avail_out)) return sink.OverLimit();
    if (rc == Z_STREAM_END) {
      const std::string_view rest = data.substr(consumed());
      if (AllZero(rest)) return sink.Ok();
      inflateReset(&zs);
      ++member;
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && zs.avail_in == 0 && fed < data.size()) continue;  // next slice
    if (rc == Z_BUF_ERROR) {
      return sink.Broken("input truncated: it ends inside member " + std::to_string(member) +
                         " after " + std::to_string(data.size()) + " bytes");
    }
    return sink.Broken("data corrupt in member " + std::to_string(member) + " near input byte " +
                       std::to_string(consumed()) + " (" + (zs.msg ? zs.msg : "zlib error") + ")");
  }
}

DecompressResult Unzstd(std::string_view data, size_t max_output) {
  Sink sink(Compression::kZstd, max_output);
  std::unique_ptr<ZSTD_DCtx, size_t (*)(ZSTD_DCtx*)> dctx(ZSTD_createDCtx(), ZSTD_freeDCtx);
  if (!dctx) return sink.Broken("decoder failed to start");
  std::string chunk(kChunk, '\0');
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  for (;;) {
    ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
    const size_t rc = ZSTD_decompressStream(dctx.get(), &out, &in);
    if (ZSTD_isError(rc)) {
      return sink.Broken("data corrupt near input byte " + std::to_string(in.pos) + " (" +
                         ZSTD_getErrorName(rc) + ")");
    }
    if (!sink.Append(chunk.data(), out.pos)) return sink.OverLimit();
    // rc == 0: a frame ended and its output is flushed; otherwise the frame
    // continues, and with no input left and output not full it never will.
    if (in.pos == in.size && rc == 0) return sink.Ok();
    if (in.pos == in.size && out.pos < out.size) {
      return sink.Broken("input truncated: it ends inside a frame after " +
                         std::to_string(data.size()) + " bytes");
    }
  }
}

}  // namespace

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b') return Compression::kGzip;
  if (head.size() >= 4 && head.substr(0, 4) == "\x28\xb5\x2f\xfd") return Compression::kZstd;
  return Compression::kNone;
}

std::string_view CompressionName(Compression c) {
  switch (c) {
    case Compression::kGzip:
      return "gzip";
    case Compression::kZstd:
      return "zstd";
    case Compression::kNone:
      break;
  }
  return "none";
}

DecompressResult DecompressPartial(std::string_view data, Compression c, size_t max_output) {
  switch (c) {
    case Compression::kGzip:
      return Gunzip(data, max_output);
    case Compression::kZstd:
      return Unzstd(data, max_output);
    case Compression::kNone:
      break;
  }
  Sink sink(c, max_output);
  return sink.Append(data.data(), data.size()) ? sink.Ok() : sink.OverLimit();
}

Result<std::string> Decompress(std::string_view data, Compression c, size_t max_output) {
  DecompressResult r = DecompressPartial(data, c, max_output);
  if (!r.status.ok()) return std::move(r.status);
  return std::move(r.data);
}

}  // namespace griot
