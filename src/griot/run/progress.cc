#include "griot/run/progress.h"

#include <cmath>
#include <cstdio>

namespace griot {

std::string FormatDuration(double seconds) {
  if (!(seconds >= 0)) seconds = 0;  // NaN too
  uint64_t s = static_cast<uint64_t>(std::llround(seconds));
  char buf[48];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%llus", static_cast<unsigned long long>(s));
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%llum%02llus", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  } else {
    // Minutes are rounded down: an ETA is a rough figure, seconds are noise.
    std::snprintf(buf, sizeof buf, "%lluh%02llum", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s % 3600 / 60));
  }
  return buf;
}

std::string FormatProgress(const Progress& p) {
  double docs_per_s = p.seconds > 0 ? p.documents / p.seconds : 0;
  double mb_per_s = p.seconds > 0 ? p.text_bytes / 1e6 / p.seconds : 0;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%llu docs, %.0f docs/s, %.1f MB/s, %llu events",
                static_cast<unsigned long long>(p.documents), docs_per_s, mb_per_s,
                static_cast<unsigned long long>(p.events));
  std::string line = buf;
  if (p.input_bytes_total > 0) {
    uint64_t done = p.input_bytes_done < p.input_bytes_total ? p.input_bytes_done : p.input_bytes_total;
    double fraction = static_cast<double>(done) / p.input_bytes_total;
    std::snprintf(buf, sizeof buf, ", %d%%", static_cast<int>(fraction * 100));
    line += buf;
    // The rate so far, extrapolated over what is left.
    if (done > 0 && p.seconds > 0) {
      line += ", ETA " + FormatDuration(p.seconds * (p.input_bytes_total - done) / done);
    }
  }
  return line;
}

void ProgressLine::Show(const std::string& text) {
  *out_ << '\r' << text << "\x1b[K" << std::flush;
  shown_ = true;
}

void ProgressLine::Clear() {
  if (shown_) *out_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

ProgressLine::ClearingBuf::int_type ProgressLine::ClearingBuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  line_->Clear();
  line_->out_->put(traits_type::to_char_type(c));
  return c;
}

std::streamsize ProgressLine::ClearingBuf::xsputn(const char* s, std::streamsize n) {
  line_->Clear();
  line_->out_->write(s, n);
  return n;
}

int ProgressLine::ClearingBuf::sync() {
  line_->out_->flush();
  return 0;
}

}  // namespace griot
