// griot serve: the dashboard and JSON API over HTTP (src/griot/serve/).
// Parses the options, runs the server until SIGINT or SIGTERM.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

namespace griot_cli {

class ServeCommand {
 public:
  explicit ServeCommand(CLI::App* app);
  ~ServeCommand();
  // The exit status, or -1 when `griot serve` was not the command.
  int Run();

 private:
  struct Options;
  std::unique_ptr<Options> o_;
};

}  // namespace griot_cli
