// Progress of a coding run, for a status line on a terminal.
//
//   ProgressLine line(&std::cerr);
//   options.progress = [&](const Progress& p) { line.Show(FormatProgress(p)); };
//   CodeInputs(pipeline, inputs, sink, line.Log(), options);
//   line.Clear();
//
// The run reports a Progress a few times per second (CodeOptions::progress);
// the formatting is separate so it can be tested without a terminal.
#pragma once

#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>

namespace griot {

struct Progress {
  uint64_t documents = 0;    // records accounted so far (coded, skipped or failed)
  uint64_t text_bytes = 0;   // their text
  uint64_t events = 0;       // events coded so far
  double seconds = 0;        // since coding started
  uint64_t input_bytes_done = 0;   // how far into the inputs the run is
  uint64_t input_bytes_total = 0;  // 0: unknown (standard input, directories)
};

// "1200 docs, 400 docs/s, 1.2 MB/s, 3100 events, 25%, ETA 9s": the rates
// over the whole run so far; percent and ETA only when the input size is
// known and some of it is done.
std::string FormatProgress(const Progress& p);

// "9s", "3m05s", "2h03m".
std::string FormatDuration(double seconds);

// One line rewritten in place on a terminal (carriage return, then erase to
// the end of the line so a shorter text leaves nothing behind).
class ProgressLine {
 public:
  explicit ProgressLine(std::ostream* out) : out_(out), log_buf_(this), log_(&log_buf_) {}
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Show(const std::string& text);
  // Erases the line, so the summary that follows starts on a clean line.
  void Clear();
  // A stream to the same terminal for log messages: the status line is
  // erased before a message is written, so messages never end up glued to
  // it; the next Show draws it again below them.
  std::ostream& Log() { return log_; }

 private:
  class ClearingBuf : public std::streambuf {
   public:
    explicit ClearingBuf(ProgressLine* line) : line_(line) {}

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

   private:
    ProgressLine* line_;
  };

  std::ostream* out_;
  bool shown_ = false;
  ClearingBuf log_buf_;
  std::ostream log_;
};

}  // namespace griot
