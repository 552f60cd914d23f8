// The work-queue commands: enqueue, worker, status (docs/distributed.md).
// Each parses its options and calls src/griot/queue/.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

namespace griot_cli {

class QueueCommands {
 public:
  explicit QueueCommands(CLI::App* app);
  ~QueueCommands();
  // The exit status of the command that ran, or -1 when none of these did.
  int Run();

 private:
  struct Options;
  std::unique_ptr<Options> o_;
};

}  // namespace griot_cli
