#!/usr/bin/env bash
# HTML throughput: how fast `griot code` reads web pages (boilerplate
# removal, metadata, encoding checks) and codes their articles, in MB of HTML
# per second on one core.
#
#   bench/html.sh [--griot PATH] [--runs N]
#
# Builds bench/data/html/ once: every synthetic story of
# ../shared/corpus/synthetic-stories/dev.jsonl wrapped in a news-site page
# of our own design (navigation, cookie notice, share links, related
# articles, comment form, footer), then times `griot code bench/data/html`.
set -euo pipefail
cd "$(dirname "$0")/.."

griot=build/griot
runs=3
while [[ $# -gt 0 ]]; do
  case $1 in
    --griot) griot=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: bench/html.sh [--griot PATH] [--runs N]" >&2; exit 2 ;;
  esac
done
corpus=../shared/corpus/synthetic-stories/dev.jsonl
[[ -f $corpus ]] || { echo "bench/html.sh: $corpus is missing" >&2; exit 2; }
[[ -x $griot ]] || { echo "bench/html.sh: $griot not built" >&2; exit 2; }

pages=bench/data/html
if [[ ! -f $pages/.complete ]]; then
  rm -rf "$pages"
  mkdir -p "$pages"
  python3 - "$corpus" "$pages" <<'PY'
import html, json, sys
corpus, out = sys.argv[1], sys.argv[2]
nav = "".join(f'<li><a href="/section/{s}">{s.title()}</a></li>' for s in
              ["africa", "sahel", "politics", "security", "economy", "opinion", "video", "podcasts"])
related = "".join(f'<li><a href="/story/{i}">Related story number {i} from our archive</a></li>' for i in range(8))
for n, line in enumerate(open(corpus, encoding="utf-8")):
    s = json.loads(line)
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in s["text"].split("\n") if p.strip())
    title = html.escape(s.get("title", "Story"))
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Sahel Observer</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-05-{1 + n % 28:02d}T08:00:00Z">
<link rel="canonical" href="https://observer.example/story/{n}">
<script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script>
<style>body{{font-family:serif}} .nav li{{display:inline}}</style></head>
<body><div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">The Sahel Observer</a><nav class="main-nav"><ul>{nav}</ul></nav>
<form class="search"><input name="q"><button>Search</button></form></header>
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/section/africa">Africa</a></div>
<main><article class="story"><h1>{title}</h1>
<div class="byline">By Staff Reporter, The Sahel Observer</div>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
<div class="article-body">{paras}</div>
<div class="author-bio">Our correspondent covers West Africa from Dakar.</div>
</article>
<aside class="related"><h2>Related articles</h2><ul>{related}</ul></aside>
<section class="comments"><h2>Leave a comment</h2><p>Your email address will not be published.</p>
<form><textarea></textarea><button>Post comment</button></form></section></main>
<div class="newsletter">Sign up for our daily newsletter</div>
<footer class="site-footer"><p>&copy; 2024 The Sahel Observer. All rights reserved.</p><ul>{nav}</ul></footer>
</body></html>
"""
    with open(f"{out}/story-{n:05d}.html", "w", encoding="utf-8") as f:
        f.write(page)
PY
  touch "$pages/.complete"
fi
bytes=$(find "$pages" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
walls=()
for ((run = 1; run <= runs; run++)); do
  start=$EPOCHREALTIME
  status=0
  "$griot" code --summary-json bench/data/html-summary.json "$pages" >/dev/null 2>bench/data/html-stderr.txt || status=$?
  [[ $status -lt 2 ]] || { tail -5 bench/data/html-stderr.txt >&2; exit 1; }
  end=$EPOCHREALTIME
  walls+=("$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN { printf "%.3f", b - a }')")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
fastest=$(printf '%s\n' "${walls[@]}" | sort -n | head -n 1)
docs=$(grep -o '"documents_coded": *[0-9]*' bench/data/html-summary.json | grep -o '[0-9]*$')
events=$(grep -o '"events": *[0-9]*' bench/data/html-summary.json | grep -o '[0-9]*$')
awk -v b="$bytes" -v m="$median" -v f="$fastest" -v d="$docs" -v e="$events" -v w="${walls[*]}" 'BEGIN {
  mb = b / 1048576
  printf "wall seconds per run: %s (median %s, fastest %s)\n", w, m, f
  printf "%-28s %.1f\n", "HTML MB", mb
  printf "%-28s %s\n", "pages coded", d
  printf "%-28s %s\n", "events", e
  printf "%-28s %.2f\n", "HTML MB/s", mb / m
  printf "%-28s %.2f\n", "HTML MB/s, fastest run", mb / f
}'
