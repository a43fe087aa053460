#!/usr/bin/env bash
# End-to-end benchmark (not a test): times `kaizen summary` on the generated inputs
# (scripts/gen-data) and `wc -l` on the same file as the floor, with peak RSS from GNU time.
# Prints a Markdown table for docs/performance.md.
# Usage: bench/e2e_summary.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
kaizen="$build/kaizen"
[[ -x "$kaizen" ]] || { echo "build $kaizen first (make build)" >&2; exit 2; }
scripts/gen-data "$build" >/dev/null

measure() {  # prints "seconds max_rss_kb" for the command
  local log
  log=$(mktemp)
  /usr/bin/time -o "$log" -f '%e %M' "$@" >/dev/null 2>&1
  tail -1 "$log"
  rm -f "$log"
}

echo "| input | rows | wc -l (s) | kaizen summary (s) | points/s | peak RSS (MB) |"
echo "|---|---|---|---|---|---|"
for n in 1000 10000 1000000; do
  file="bench/data/series_${n}x60.csv"
  rows=$((n * 60))
  cat "$file" >/dev/null  # warm the page cache so both timings read from memory
  read -r wc_s _ < <(measure wc -l "$file")
  read -r s rss < <(measure "$kaizen" summary "$file" --indicators bench/data/indicators.toml \
                      --format csv --as-of 2024-01-01)
  pps=$(awk -v r="$rows" -v s="$s" 'BEGIN { printf "%.1f M", (s > 0 ? r / s / 1e6 : 0) }')
  echo "| ${n} × 60 | ${rows} | ${wc_s} | ${s} | ${pps} | $((rss / 1024)) |"
done
