// The commands that read a store: query, export, alerts, brief, dedup.
// Each parses its options into library structures and prints what the
// library returns; the work lives in src/griot/{query,export,analysis}.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

namespace griot_cli {

class StoreCommands {
 public:
  explicit StoreCommands(CLI::App* app);
  ~StoreCommands();
  // The exit status of the command that ran, or -1 when none of these did.
  int Run();

 private:
  struct Options;
  std::unique_ptr<Options> o_;
};

}  // namespace griot_cli
