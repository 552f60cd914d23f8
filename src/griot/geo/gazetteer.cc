// Loading gazetteer.bin and looking names up in it.
//
// Load maps the file read-only and checks every offset once (an O(file) pass
// of a few milliseconds), so that Lookup and place() can then trust the
// data without bounds checks: a damaged file fails at load, naming the path,
// instead of crashing later.
#include "griot/geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "griot/geo/gazetteer_format.h"

namespace griot {

namespace fmt = gazetteer_format;

struct Gazetteer::Mapping {
  const char* data = nullptr;
  size_t size = 0;
  Mapping(const char* d, size_t s) : data(d), size(s) {}
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() { munmap(const_cast<char*>(data), size); }
};

namespace {

const fmt::PlaceRecord& RecordAt(const void* places, uint32_t i) {
  return static_cast<const fmt::PlaceRecord*>(places)[i];
}

// Offsets must start at 0, never decrease and end at `end`.
bool OffsetsValid(const uint32_t* offsets, uint32_t count, uint32_t end) {
  if (offsets[0] != 0 || offsets[count] != end) return false;
  for (uint32_t i = 0; i < count; ++i) {
    if (offsets[i] > offsets[i + 1]) return false;
  }
  return true;
}

std::string_view KeyAt(const char* pool, const uint32_t* offsets, uint32_t i) {
  return {pool + offsets[i], offsets[i + 1] - offsets[i]};
}

}  // namespace

Result<Gazetteer> Gazetteer::Load(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return NotFound(path + ": cannot open gazetteer (" + std::strerror(errno) +
                    "); build it with scripts/fetch-gazetteer.sh and the `gazetteer` target");
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    close(fd);
    return IoError(path + ": cannot stat gazetteer: " + std::strerror(errno));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  auto corrupt = [&path](const std::string& what) {
    return DataLoss(path + ": not a valid gazetteer file (" + what +
                    "); rebuild it with griot-gazetteer");
  };
  if (size < sizeof(fmt::FileHeader)) {
    close(fd);
    return corrupt("shorter than its header");
  }
  void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (data == MAP_FAILED) return IoError(path + ": cannot map gazetteer: " + std::strerror(errno));
  auto mapping = std::make_shared<const Mapping>(static_cast<const char*>(data), size);
  const char* base = mapping->data;

  fmt::FileHeader h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, fmt::kMagic, sizeof h.magic) != 0) return corrupt("bad magic number");
  if (h.version != fmt::kVersion) {
    return corrupt("format version " + std::to_string(h.version) + ", this griot reads version " +
                   std::to_string(fmt::kVersion));
  }
  if (h.header_size != sizeof(fmt::FileHeader) || h.record_size != sizeof(fmt::PlaceRecord)) {
    return corrupt("unexpected header or record size");
  }
  if (h.file_size != size) {
    return corrupt("header says " + std::to_string(h.file_size) + " bytes, file has " +
                   std::to_string(size) + "; truncated?");
  }
  // Section sizes in 64 bits: the counts come from the file and may be garbage.
  const uint64_t places_bytes = uint64_t{h.place_count} * sizeof(fmt::PlaceRecord);
  const uint64_t offsets_bytes = (uint64_t{h.key_count} + 1) * sizeof(uint32_t);
  const uint64_t postings_bytes = uint64_t{h.posting_count} * sizeof(uint32_t);
  const uint64_t expected = sizeof(fmt::FileHeader) + places_bytes + 2 * offsets_bytes +
                            postings_bytes + h.key_pool_size + h.string_pool_size;
  if (expected != size) return corrupt("section sizes do not add up to the file size");

  Gazetteer g;
  const char* p = base + sizeof(fmt::FileHeader);
  g.places_ = p;
  p += places_bytes;
  g.key_offsets_ = reinterpret_cast<const uint32_t*>(p);
  p += offsets_bytes;
  g.posting_offsets_ = reinterpret_cast<const uint32_t*>(p);
  p += offsets_bytes;
  g.postings_ = reinterpret_cast<const uint32_t*>(p);
  p += postings_bytes;
  g.key_pool_ = p;
  g.string_pool_ = p + h.key_pool_size;
  g.place_count_ = h.place_count;
  g.key_count_ = h.key_count;

  if (!OffsetsValid(g.key_offsets_, h.key_count, h.key_pool_size)) return corrupt("bad key offsets");
  if (!OffsetsValid(g.posting_offsets_, h.key_count, h.posting_count)) {
    return corrupt("bad posting offsets");
  }
  for (uint32_t k = 1; k < h.key_count; ++k) {
    if (KeyAt(g.key_pool_, g.key_offsets_, k - 1) >= KeyAt(g.key_pool_, g.key_offsets_, k)) {
      return corrupt("keys out of order");
    }
  }
  for (uint32_t i = 0; i < h.posting_count; ++i) {
    if (g.postings_[i] >= h.place_count) return corrupt("posting beyond the place table");
  }
  for (uint32_t i = 0; i < h.place_count; ++i) {
    const fmt::PlaceRecord& r = RecordAt(g.places_, i);
    if (uint64_t{r.name_offset} + r.name_size > h.string_pool_size ||
        uint64_t{r.admin1_offset} + r.admin1_size > h.string_pool_size ||
        r.kind > static_cast<uint8_t>(PlaceKind::kCountry)) {
      return corrupt("bad place record " + std::to_string(i));
    }
  }
  g.mapping_ = std::move(mapping);
  return g;
}

std::span<const uint32_t> Gazetteer::Lookup(std::string_view key) const {
  uint32_t lo = 0, hi = key_count_;  // first key >= `key` lies in [lo, hi]
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (KeyAt(key_pool_, key_offsets_, mid) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == key_count_ || KeyAt(key_pool_, key_offsets_, lo) != key) return {};
  return {postings_ + posting_offsets_[lo], postings_ + posting_offsets_[lo + 1]};
}

Place Gazetteer::place(uint32_t index) const {
  const fmt::PlaceRecord& r = RecordAt(places_, index);
  Place p;
  p.kind = static_cast<PlaceKind>(r.kind);
  p.name = {string_pool_ + r.name_offset, r.name_size};
  p.country = {r.country, sizeof r.country};
  p.admin1 = {string_pool_ + r.admin1_offset, r.admin1_size};
  p.lat = r.lat;
  p.lon = r.lon;
  p.population = r.population;
  p.geonames_id = r.geonames_id;
  return p;
}

}  // namespace griot
