#include "griot/io/decompress.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <chrono>
#include <string>

namespace griot {
namespace {

const char kStory1[] = "{\"id\":\"1\",\"text\":\"Rebels attacked a convoy near Gao on Monday.\"}\n";
const char kStory2[] = "{\"id\":\"2\",\"text\":\"The minister met union leaders in Bamako.\"}\n";
const char kStory3[] =
    "{\"id\":\"3\",\"text\":\"Police dispersed protesters outside parliament.\"}\n";

// One gzip member holding `times` copies of `text`, compressed a MB at a time.
std::string Gzip(std::string_view text, size_t times = 1) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  std::string chunk(1 << 16, '\0');
  for (size_t i = 0; i < times; ++i) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    zs.avail_in = static_cast<uInt>(text.size());
    const int flush = i + 1 == times ? Z_FINISH : Z_NO_FLUSH;
    int rc;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(chunk.data());
      zs.avail_out = static_cast<uInt>(chunk.size());
      rc = deflate(&zs, flush);
      out.append(chunk.data(), chunk.size() - zs.avail_out);
    } while (zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  deflateEnd(&zs);
  return out;
}

// One zstd frame with a checksum, as the zstd tool writes them.
std::string Zstd(std::string_view text) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const size_t n = ZSTD_compress2(cctx, out.data(), out.size(), text.data(), text.size());
  ZSTD_freeCCtx(cctx);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Decompress, DetectsCompressionByMagicBytes) {
  struct Case {
    std::string head;
    Compression want;
  };
  const Case cases[] = {
      {"\x1f\x8b\x08\x00", Compression::kGzip},
      {"\x1f\x8b", Compression::kGzip},
      {"\x28\xb5\x2f\xfd\x20", Compression::kZstd},
      {"\x28\xb5\x2f", Compression::kNone},  // too short to be sure
      {"\x1f", Compression::kNone},
      {"{\"id\":1}", Compression::kNone},
      {"", Compression::kNone},
      {"PK\x03\x04", Compression::kNone},  // zip is not supported
  };
  for (const Case& c : cases) EXPECT_EQ(DetectCompression(c.head), c.want) << c.head;
  EXPECT_EQ(DetectCompression(Gzip(kStory1)), Compression::kGzip);
  EXPECT_EQ(DetectCompression(Zstd(kStory1)), Compression::kZstd);
}

TEST(Decompress, RoundTrips) {
  const std::string text = std::string(kStory1) + kStory2 + kStory3;
  const std::string big = [] {
    std::string s;
    for (int i = 0; i < 20000; ++i) s += std::to_string(i) + kStory2;  // > one 256 KB chunk
    return s;
  }();
  struct Case {
    const char* name;
    std::string compressed;
    Compression c;
    std::string want;
  };
  const Case cases[] = {
      {"gzip single member", Gzip(text), Compression::kGzip, text},
      {"gzip three members (WARC.gz)", Gzip(kStory1) + Gzip(kStory2) + Gzip(kStory3),
       Compression::kGzip, text},
      {"gzip with zero padding", Gzip(text) + std::string(512, '\0'), Compression::kGzip, text},
      {"gzip empty member", Gzip(""), Compression::kGzip, ""},
      {"gzip larger than a chunk", Gzip(big), Compression::kGzip, big},
      {"zstd one frame", Zstd(text), Compression::kZstd, text},
      {"zstd two frames", Zstd(kStory1) + Zstd(std::string(kStory2) + kStory3), Compression::kZstd,
       text},
      {"zstd larger than a chunk", Zstd(big), Compression::kZstd, big},
      {"none", text, Compression::kNone, text},
  };
  for (const Case& c : cases) {
    Result<std::string> got = Decompress(c.compressed, c.c);
    ASSERT_TRUE(got.ok()) << c.name << ": " << got.status().message();
    EXPECT_EQ(*got, c.want) << c.name;
  }
}

TEST(Decompress, TruncatedInputKeepsWhatDecoded) {
  const std::string first = Gzip(kStory1) + Gzip(kStory2);
  const std::string third = Gzip(kStory3);
  const std::string cut_gzip = first + third.substr(0, third.size() - 6);  // trailer cut
  const std::string frames = Zstd(kStory1) + Zstd(kStory2);
  const std::string cut_zstd = frames.substr(0, frames.size() - 4);
  struct Case {
    const char* name;
    std::string data;
    Compression c;
    std::string message;  // substring of the error
    std::string prefix;   // the partial output starts with this
  };
  const Case cases[] = {
      {"gzip cut in last member", cut_gzip, Compression::kGzip,
       "gzip input truncated: it ends inside member 3", std::string(kStory1) + kStory2},
      {"gzip cut after the header", Gzip(kStory1).substr(0, 10), Compression::kGzip,
       "0 bytes decoded before the problem", ""},
      {"gzip empty input", "", Compression::kGzip, "truncated", ""},
      {"zstd cut in second frame", cut_zstd, Compression::kZstd,
       "zstd input truncated: it ends inside a frame", kStory1},
  };
  for (const Case& c : cases) {
    DecompressResult r = DecompressPartial(c.data, c.c);
    ASSERT_FALSE(r.status.ok()) << c.name;
    EXPECT_EQ(r.status.code(), StatusCode::kDataLoss) << c.name;
    EXPECT_TRUE(Contains(r.status.message(), c.message)) << c.name << ": " << r.status.message();
    EXPECT_EQ(r.data.substr(0, c.prefix.size()), c.prefix) << c.name;
    EXPECT_TRUE(Contains(r.status.message(), std::to_string(r.data.size()) + " bytes decoded"))
        << c.name << ": " << r.status.message();
    Result<std::string> whole = Decompress(c.data, c.c);
    EXPECT_FALSE(whole.ok()) << c.name;
    EXPECT_EQ(whole.status().message(), r.status.message()) << c.name;
  }
}

TEST(Decompress, CorruptInputIsAnError) {
  std::string gz = Gzip(std::string(kStory1) + kStory2 + kStory3);
  gz[12] = static_cast<char>(gz[12] ^ 0xff);  // inside the deflate stream
  std::string gz_crc = Gzip(kStory1);
  gz_crc[gz_crc.size() - 8] = static_cast<char>(gz_crc[gz_crc.size() - 8] ^ 0x01);  // CRC-32
  std::string zs = Zstd(std::string(kStory1) + kStory2);
  zs[zs.size() / 2] = static_cast<char>(zs[zs.size() / 2] ^ 0xff);
  struct Case {
    const char* name;
    std::string data;
    Compression c;
  };
  const Case cases[] = {
      {"gzip flipped byte", gz, Compression::kGzip},
      {"gzip bad checksum", gz_crc, Compression::kGzip},
      {"gzip trailing garbage", Gzip(kStory1) + "GARBAGE", Compression::kGzip},
      {"gzip magic but not gzip", "\x1f\x8b not really gzip", Compression::kGzip},
      {"zstd flipped byte", zs, Compression::kZstd},
      {"zstd magic but not zstd", std::string("\x28\xb5\x2f\xfd") + "junk junk",
       Compression::kZstd},
  };
  for (const Case& c : cases) {
    DecompressResult r = DecompressPartial(c.data, c.c);
    ASSERT_FALSE(r.status.ok()) << c.name;
    EXPECT_EQ(r.status.code(), StatusCode::kDataLoss) << c.name << ": " << r.status.message();
    EXPECT_TRUE(Contains(r.status.message(), "bytes decoded before the problem"))
        << c.name << ": " << r.status.message();
  }
}

TEST(Decompress, StopsZipBombsAtTheLimit) {
  const size_t kLimit = 1 << 20;
  const std::string mb_of_zeros(1 << 20, '\0');
  // 100 MB of zeros as ten 10 MB members / frames: cheaper to build than one.
  std::string gzip_bomb, zstd_bomb;
  const std::string gzip_10mb = Gzip(mb_of_zeros, 10);
  const std::string zstd_10mb = Zstd(std::string(size_t{10} << 20, '\0'));
  for (int i = 0; i < 10; ++i) {
    gzip_bomb += gzip_10mb;
    zstd_bomb += zstd_10mb;
  }
  struct Case {
    const char* name;
    std::string data;
    Compression c;
  };
  const Case cases[] = {
      {"gzip 100 MB of zeros", gzip_bomb, Compression::kGzip},
      {"zstd 100 MB of zeros", zstd_bomb, Compression::kZstd},
      {"uncompressed 2 MB", mb_of_zeros + mb_of_zeros, Compression::kNone},
  };
  for (const Case& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    DecompressResult r = DecompressPartial(c.data, c.c, kLimit);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r.status.ok()) << c.name;
    EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_TRUE(Contains(r.status.message(), "exceeds the limit of 1048576 bytes"))
        << c.name << ": " << r.status.message();
    EXPECT_EQ(r.data.size(), kLimit) << c.name;
    EXPECT_LT(elapsed, std::chrono::seconds(1)) << c.name << " should stop at the limit";
  }
  // Exactly at the limit is fine.
  Result<std::string> exact = Decompress(Gzip(mb_of_zeros), Compression::kGzip, kLimit);
  ASSERT_TRUE(exact.ok()) << exact.status().message();
  EXPECT_EQ(exact->size(), kLimit);
}

}  // namespace
}  // namespace griot
