// Writing gazetteer.bin: the name index and the flat layout of
// gazetteer_format.h. Part of BuildGazetteer (gazetteer_builder_internal.h).
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <unordered_map>

#include "griot/geo/gazetteer_builder_internal.h"
#include "griot/geo/gazetteer_format.h"

namespace griot::gazetteer_build {
namespace {

namespace fmt = gazetteer_format;

constexpr uint64_t kMax32 = std::numeric_limits<uint32_t>::max();

// Names and region names, each stored once.
class StringPool {
 public:
  uint32_t Add(const std::string& s) {
    auto [it, inserted] = offsets_.emplace(s, static_cast<uint32_t>(bytes_.size()));
    if (inserted) bytes_ += s;
    return it->second;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
  std::unordered_map<std::string, uint32_t> offsets_;
};

template <typename T>
void Put(std::ofstream& out, const std::vector<T>& v) {
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
}

}  // namespace

Status Builder::Write(const std::string& out_path) {
  // Rank within a key: countries, then regions, then populated places; most
  // populous first; file order breaks ties so that builds are reproducible.
  auto before = [this](uint32_t a, uint32_t b) {
    const Entry& x = entries_[a];
    const Entry& y = entries_[b];
    if (x.kind != y.kind) return x.kind > y.kind;
    if (x.population != y.population) return x.population > y.population;
    return a < b;
  };
  std::sort(index_.begin(), index_.end(), [&](const auto& a, const auto& b) {
    int c = a.first.compare(b.first);
    return c != 0 ? c < 0 : before(a.second, b.second);
  });
  index_.erase(std::unique(index_.begin(), index_.end()), index_.end());

  std::vector<uint32_t> key_offsets{0}, posting_offsets{0}, postings;
  std::string key_pool;
  postings.reserve(index_.size());
  for (size_t i = 0; i < index_.size(); ++i) {
    if (i > 0 && index_[i].first != index_[i - 1].first) {
      key_offsets.push_back(static_cast<uint32_t>(key_pool.size()));
      posting_offsets.push_back(static_cast<uint32_t>(postings.size()));
    }
    if (i == 0 || index_[i].first != index_[i - 1].first) key_pool += index_[i].first;
    postings.push_back(index_[i].second);
  }
  if (!index_.empty()) {
    key_offsets.push_back(static_cast<uint32_t>(key_pool.size()));
    posting_offsets.push_back(static_cast<uint32_t>(postings.size()));
  }
  if (key_pool.size() > kMax32 || postings.size() > kMax32) {
    return Internal(out_path + ": index too large for format version 1");
  }

  StringPool strings;
  std::vector<fmt::PlaceRecord> records(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (e.name.size() > 0xFFFF || e.admin1.size() > 0xFFFF || e.country.size() != 3) {
      return Internal(out_path + ": place '" + e.name.substr(0, 80) + "' does not fit the format");
    }
    fmt::PlaceRecord& r = records[i];
    std::memset(&r, 0, sizeof r);
    r.geonames_id = e.geonames_id;
    r.lat = e.lat;
    r.lon = e.lon;
    r.population = static_cast<uint32_t>(std::min<uint64_t>(e.population, kMax32));
    r.name_offset = strings.Add(e.name);
    r.name_size = static_cast<uint16_t>(e.name.size());
    r.admin1_offset = strings.Add(e.admin1);
    r.admin1_size = static_cast<uint16_t>(e.admin1.size());
    std::memcpy(r.country, e.country.data(), 3);
    r.kind = static_cast<uint8_t>(e.kind);
  }
  if (strings.bytes().size() > kMax32) return Internal(out_path + ": names too large for format version 1");

  fmt::FileHeader h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, fmt::kMagic, sizeof h.magic);
  h.version = fmt::kVersion;
  h.header_size = sizeof(fmt::FileHeader);
  h.record_size = sizeof(fmt::PlaceRecord);
  h.place_count = static_cast<uint32_t>(records.size());
  h.key_count = static_cast<uint32_t>(key_offsets.size() - 1);
  h.posting_count = static_cast<uint32_t>(postings.size());
  h.key_pool_size = static_cast<uint32_t>(key_pool.size());
  h.string_pool_size = static_cast<uint32_t>(strings.bytes().size());
  h.file_size = sizeof h + records.size() * sizeof(fmt::PlaceRecord) +
                2 * key_offsets.size() * sizeof(uint32_t) + postings.size() * sizeof(uint32_t) +
                key_pool.size() + strings.bytes().size();

  // A temporary file renamed into place: a reader never sees half a gazetteer.
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(tmp + ": cannot create file");
    out.write(reinterpret_cast<const char*>(&h), sizeof h);
    Put(out, records);
    Put(out, key_offsets);
    Put(out, posting_offsets);
    Put(out, postings);
    out.write(key_pool.data(), static_cast<std::streamsize>(key_pool.size()));
    out.write(strings.bytes().data(), static_cast<std::streamsize>(strings.bytes().size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return IoError(tmp + ": write failed (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return IoError(out_path + ": cannot rename " + tmp + " into place");
  }
  report_.places = records.size();
  report_.keys = h.key_count;
  report_.postings = h.posting_count;
  report_.file_size = h.file_size;
  return Status::Ok();
}

}  // namespace griot::gazetteer_build
