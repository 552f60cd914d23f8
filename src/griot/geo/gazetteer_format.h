// The binary layout of gazetteer.bin, shared by the compiler
// (gazetteer_builder.cc) and the loader (gazetteer.cc). Internal: callers use
// Gazetteer and BuildGazetteer.
//
// The file is flat arrays, written in this order after the header, so that
// loading is one mmap and a bounds check, with no parsing:
//
//   FileHeader
//   PlaceRecord places[place_count]
//   uint32_t    key_offsets[key_count + 1]      into the key pool
//   uint32_t    posting_offsets[key_count + 1]  into postings
//   uint32_t    postings[posting_count]         place indices, best first
//   char        key_pool[key_pool_size]         normalized keys, sorted, concatenated
//   char        string_pool[string_pool_size]   names and admin1 names (UTF-8)
//
// Key i is key_pool[key_offsets[i] .. key_offsets[i+1]) and its places are
// postings[posting_offsets[i] .. posting_offsets[i+1]). Keys are sorted by
// byte value, so a lookup is a binary search. Everything is little-endian and
// 4-byte aligned (the header and records are multiples of 4 bytes).
//
// Versions:
//   1  first format.
#pragma once

#include <bit>
#include <cstdint>

namespace griot::gazetteer_format {

static_assert(std::endian::native == std::endian::little,
              "gazetteer.bin is little-endian; add byte swapping to support this target");

inline constexpr char kMagic[8] = {'G', 'R', 'I', 'O', 'T', 'G', 'A', 'Z'};
inline constexpr uint32_t kVersion = 1;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t header_size;  // sizeof(FileHeader) when written: catches layout drift
  uint32_t record_size;  // sizeof(PlaceRecord) when written
  uint32_t place_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t key_pool_size;
  uint32_t string_pool_size;
  uint64_t file_size;    // total bytes: catches truncation
};
static_assert(sizeof(FileHeader) == 48);

struct PlaceRecord {
  uint32_t geonames_id;  // GeoNames ids fit in 32 bits; 0 for non-GeoNames entries
  float lat;
  float lon;
  uint32_t population;
  uint32_t name_offset;  // into string_pool
  uint32_t admin1_offset;
  uint16_t name_size;
  uint16_t admin1_size;
  char country[3];       // ISO-3
  uint8_t kind;          // PlaceKind
};
static_assert(sizeof(PlaceRecord) == 32);

}  // namespace griot::gazetteer_format
