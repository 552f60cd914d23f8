#!/usr/bin/env bash
# Throughput benchmark: codes a replicated copy of the synthetic-stories corpus
# with `griot code` and reports speed and peak memory. See bench/README.md.
#
# Usage: bench/run.sh [--size-mb N] [--griot PATH] [--runs N] [--db]
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [--size-mb N] [--griot PATH] [--runs N] [--db]

  --size-mb N    size of the benchmark input in MB (MiB), at least N (default 20)
  --runs N       timed runs; the median is reported (default 3)
  --griot PATH   griot binary to run (default build/griot in the repository
                 root; a relative PATH is taken from the current directory)
  --db           also store the run in a new SQLite store (bench/data/run.db,
                 removed before each run): `griot code --db`, the store's
                 end of run (duplicate linking, indexes, rollups) included

Reads ../shared/corpus/synthetic-stories/dev.jsonl (relative to the repository
root), replicates it into bench/data/stories-<N>mb.jsonl and times
`griot code --summary-json` over it.
EOF
}

die() {
  echo "bench/run.sh: $*" >&2
  exit 1
}

caller_dir=$(pwd)
cd "$(dirname "${BASH_SOURCE[0]}")/.."

size_mb=20
griot=
runs=3
store=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mb)
      [[ $# -ge 2 ]] || die "--size-mb needs a value"
      size_mb=$2
      shift 2
      ;;
    --size-mb=*) size_mb=${1#*=}; shift ;;
    --griot)
      [[ $# -ge 2 ]] || die "--griot needs a value"
      griot=$2
      shift 2
      ;;
    --griot=*) griot=${1#*=}; shift ;;
    --runs)
      [[ $# -ge 2 ]] || die "--runs needs a value"
      runs=$2
      shift 2
      ;;
    --runs=*) runs=${1#*=}; shift ;;
    --db) store=(--db bench/data/run.db); shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
done

if [[ -z $griot ]]; then
  griot=build/griot
elif [[ $griot != /* ]]; then
  griot=$caller_dir/$griot
fi

[[ $size_mb =~ ^[0-9]+$ && $((10#$size_mb)) -gt 0 ]] ||
  die "--size-mb must be a positive whole number of MB, got '$size_mb'"
size_mb=$((10#$size_mb))

corpus=../shared/corpus/synthetic-stories/dev.jsonl
if [[ ! -f $corpus ]]; then
  echo "skipped: benchmark corpus $corpus not found (relative to $(pwd))"
  exit 0
fi

[[ -x $griot ]] || die "griot binary '$griot' not found or not executable; build it first or pass --griot PATH"
[[ -x /usr/bin/time ]] || die "/usr/bin/time not found; install GNU time (package 'time')"

data=bench/data
mkdir -p "$data"
input=$data/stories-${size_mb}mb.jsonl
target_bytes=$((size_mb * 1024 * 1024))

file_bytes() { wc -c <"$1" | tr -d ' '; }

# Build the input once and reuse it while it is newer than the corpus. Copy r
# (r >= 2) gets "-r<r>" appended to every id so ids stay unique.
if [[ -f $input && $input -nt $corpus && $(file_bytes "$input") -ge $target_bytes ]]; then
  echo "reusing $input"
else
  corpus_bytes=$(file_bytes "$corpus")
  [[ $corpus_bytes -gt 0 ]] || die "$corpus is empty"
  copies=$(((target_bytes + corpus_bytes - 1) / corpus_bytes))
  echo "building $input from $copies cop$( ((copies == 1)) && echo y || echo ies) of $corpus"
  awk -v src="$corpus" -v copies="$copies" 'BEGIN {
    for (r = 1; r <= copies; r++) {
      while ((status = (getline line < src)) > 0) {
        if (r > 1 && match(line, /"id"[ \t]*:[ \t]*"[^"]*"/)) {
          end = RSTART + RLENGTH - 1      # position of the closing quote
          line = substr(line, 1, end - 1) "-r" r substr(line, end)
        }
        print line
      }
      if (status < 0) { print "cannot read " src > "/dev/stderr"; exit 1 }
      close(src)
    }
  }' >"$input.tmp"
  mv "$input.tmp" "$input"
fi

# A small slice warms the page cache and the knowledge-base files.
warmup=$data/warmup.jsonl
head -n 50 "$input" >"$warmup"
echo "warm-up run on $(wc -l <"$warmup" | tr -d ' ') documents"
"$griot" code --summary-json "$data/warmup-summary.json" "$warmup" >/dev/null

summary=$data/summary.json
timing=$data/time.txt
rm -f "$summary"
# Several timed runs: a shared machine's speed varies from run to run, so
# the median is reported (and every run listed).
walls=()
for ((run = 1; run <= runs; run++)); do
  echo "timed run $run/$runs: $griot code ${store[*]} $input"
  start=${EPOCHREALTIME:-}
  # Exit status 1 is a partial success (some records skipped, e.g. another
  # language); only 2 and above is a failed run.
  status=0
  rm -f bench/data/run.db bench/data/run.db-wal bench/data/run.db-shm
  /usr/bin/time -v "$griot" code "${store[@]}" --summary-json "$summary" "$input" >/dev/null 2>"$timing" ||
    status=$?
  if [[ $status -ge 2 ]]; then
    tail -n 30 "$timing" >&2
    die "griot failed; full stderr in $timing"
  fi
  end=${EPOCHREALTIME:-}
  # Wall time from bash's microsecond clock when it has one, else from GNU
  # time, which prints "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34".
  if [[ -n $start && -n $end ]]; then
    w=$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN { printf "%.3f", b - a }')
  else
    w=$(sed -n 's/.*Elapsed (wall clock) time[^:]*: *//p' "$timing" | awk -F: '
      { s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.3f", s }')
  fi
  [[ -n $w ]] || die "could not read the wall-clock time from $timing"
  walls+=("$w")
done
wall=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
# The fastest run too: on a shared machine noise only ever adds time, so the
# minimum is the steadiest estimate of what the code itself costs.
fastest=$(printf '%s\n' "${walls[@]}" | sort -n | head -n 1)
echo "wall seconds per run: ${walls[*]} (median $wall, fastest $fastest)"

# Value of a numeric key in the one-object summary JSON, empty if absent.
json_num() {
  { grep -o "\"$1\"[[:space:]]*:[[:space:]]*[-+0-9.eE]*" "$summary" 2>/dev/null || true; } |
    head -n 1 | sed 's/.*:[[:space:]]*//'
}

rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$timing")

input_bytes=$(file_bytes "$input")
documents=$(json_num documents_read)
[[ -n $documents ]] || documents=$(wc -l <"$input" | tr -d ' ')
sentences=$(json_num sentences)
events=$(json_num events)
coding_seconds=$(json_num seconds)
load_seconds=$(json_num load_seconds)

awk -v bytes="$input_bytes" -v docs="$documents" -v sents="$sentences" \
  -v events="$events" -v wall="$wall" -v fastest="$fastest" -v rss="$rss_kb" \
  -v coding="$coding_seconds" -v load="$load_seconds" '
  function row(label, value) { printf "%-28s %s\n", label, value }
  function rate(n) { return wall > 0 ? sprintf("%.1f", n / wall) : "n/a" }
  BEGIN {
    mb = bytes / 1048576
    row("input MB", sprintf("%.1f", mb))
    row("documents", docs)
    row("sentences", sents == "" ? "n/a" : sents)
    row("events", events == "" ? "n/a" : events)
    row("wall seconds", sprintf("%.3f", wall))
    row("MB/s", wall > 0 ? sprintf("%.2f", mb / wall) : "n/a")
    row("MB/s, fastest run", fastest > 0 ? sprintf("%.2f", mb / fastest) : "n/a")
    row("documents/s", rate(docs))
    row("sentences/s", sents == "" ? "n/a" : rate(sents))
    row("events/s", events == "" ? "n/a" : rate(events))
    row("peak RSS MB", rss == "" ? "n/a" : sprintf("%.1f", rss / 1024))
    if (load != "") row("KB load seconds", sprintf("%.3f", load))
    if (coding != "" && coding > 0)
      row("coding seconds (MB/s)", sprintf("%.2f (%.2f)", coding, mb / coding))
  }'
