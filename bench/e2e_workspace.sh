#!/usr/bin/env bash
# Workspace benchmark (not a test; issue 10): on the 10,000 series × 60 months file of
# scripts/gen-data, times
#   - `kaizen import FILE --db W` into an empty workspace (made by `kaizen init`, untimed),
#   - the re-import of a copy with 1 % of the values changed into the workspace holding FILE,
#   - `kaizen summary --db W` against `kaizen summary FILE` (the ratio; issue 10 asks ≤ 1.5),
# and gives the workspace's bytes per observation (its file once the importing process has
# exited, which checkpoints and removes the WAL) and each command's peak RSS. Times are the
# median of RUNS runs (default 5): hyperfine's when installed, else GNU time's. CPU is user +
# system seconds (GNU time, median), the figure to trust when other work shares the cores.
# Prints a Markdown table for docs/performance.md.
# Usage: bench/e2e_workspace.sh [BUILD_DIR]   (default build/release; RUNS=n to change runs)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
[[ -x "$build/kaizen" ]] || { echo "build $build/kaizen first (make build)" >&2; exit 2; }
kaizen="$(cd "$build" && pwd)/kaizen"
runs=${RUNS:-5}
file="$(pwd)/bench/data/series_10000x60.csv"
catalogue="$(pwd)/bench/data/indicators.toml"
[[ -f "$file" && -f "$catalogue" ]] || scripts/gen-data "$build" >/dev/null
observations=600000
as_of=2024-01-01
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Every 100th data row (1 %) gets 0.5 added to its value, the same rows on every run. The
# generator writes values with two decimals, so each changed value differs from the old one.
awk -F, -v OFS=, 'NR > 1 && NR % 100 == 0 { $4 = sprintf("%.2f", $4 + 0.5) } { print }' \
  "$file" >corrected.csv
changed=$(cmp -l "$file" corrected.csv 2>/dev/null | wc -l || true)
[[ "$changed" -gt 0 ]] || { echo "the corrected copy equals the file" >&2; exit 1; }

median() {
  sort -n | awk '{ v[NR] = $1 }
    END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# measure PREPARE COMMAND: runs PREPARE (untimed) then COMMAND, `runs` times; prints
# "wall_seconds cpu_seconds peak_rss_kb" (medians; the RSS is the largest process's).
measure() {
  local prepare=$1 command=$2 log walls="" cpus="" rsss=""
  log=$(mktemp)
  for ((i = 0; i < runs; i++)); do
    bash -c "$prepare"
    /usr/bin/time -o "$log" -f '%e %U %S %M' bash -c "$command" >/dev/null 2>&1 ||
      { echo "failed: $command" >&2; exit 1; }
    read -r w u s m <"$log"
    walls+="$w"$'\n'
    cpus+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')"$'\n'
    rsss+="$m"$'\n'
  done
  rm -f "$log"
  local wall cpu rss
  wall=$(printf '%s' "$walls" | median)
  cpu=$(printf '%s' "$cpus" | median)
  rss=$(printf '%s' "$rsss" | median)
  if command -v hyperfine >/dev/null; then  # finer wall times than GNU time's 10 ms
    hyperfine --runs "$runs" --prepare "$prepare" --export-json h.json "$command" >/dev/null
    wall=$(grep -m1 '"median"' h.json | tr -dc '0-9.')
  fi
  echo "$wall $cpu $rss"
}

k="'$kaizen'"
fresh="rm -f W.db W.db-wal W.db-shm"
import="$k import '$file' --indicators '$catalogue' --db W.db"
# The import alone: `kaizen init` (a separate process, ~10 ms) is part of the preparation.
read -r import_s import_cpu import_rss < <(measure "$fresh && $k init --db W.db >/dev/null" "$import")

# The workspace holding FILE, kept as the starting point of every re-import.
bash -c "$fresh && $k init --db W.db && $import" >/dev/null
[[ ! -s W.db-wal ]] || { echo "W.db-wal is not empty after the import exited" >&2; exit 1; }
cp W.db base.db
bytes=$(stat -c %s W.db)
reimport="$k import corrected.csv --indicators '$catalogue' --db W.db"
read -r re_s re_cpu re_rss < <(measure "$fresh && cp base.db W.db" "$reimport")
bash -c "$fresh && cp base.db W.db && $reimport" >reimport.txt
[[ ! -s W.db-wal ]] || { echo "W.db-wal is not empty after the re-import exited" >&2; exit 1; }
corrected=$(awk '/^ind/ { c += $3 } END { print c + 0 }' reimport.txt)
bytes_after=$(stat -c %s W.db)

# The summaries compare the workspace holding FILE (not the corrected one) with FILE itself.
bash -c "$fresh && cp base.db W.db"
summary="summary --format csv --as-of $as_of"
read -r ws_s ws_cpu ws_rss < <(measure true "$k $summary --db W.db")
read -r csv_s csv_cpu csv_rss < <(measure true "$k $summary '$file' --indicators '$catalogue'")

# The same results either way (catalogue decisions keep the catalogue's who and set_by).
summary_args=(summary --format csv --as-of "$as_of")
"$kaizen" "${summary_args[@]}" --db W.db >from_workspace.csv
"$kaizen" "${summary_args[@]}" "$file" --indicators "$catalogue" >from_file.csv
same=$(cmp -s from_workspace.csv from_file.csv && echo "identical" || echo "DIFFERENT")

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.2f M/s", (s > 0 ? n / s / 1e6 : 0) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
mb() { echo $(($1 / 1024)); }

echo "| measure (10,000 × 60, median of $runs) | wall (s) | CPU (s) | figure | peak RSS (MB) |"
echo "|---|---|---|---|---|"
echo "| import into an empty workspace | $import_s | $import_cpu |" \
  "$(rate $observations "$import_s") ($(rate $observations "$import_cpu") of CPU) |" \
  "$(mb "$import_rss") |"
echo "| re-import, 1 % changed ($corrected corrected) | $re_s | $re_cpu |" \
  "$(rate $observations "$re_s") ($(rate $observations "$re_cpu") of CPU) | $(mb "$re_rss") |"
echo "| summary --db W | $ws_s | $ws_cpu | $(ratio "$ws_s" "$csv_s") × the CSV's" \
  "($(ratio "$ws_cpu" "$csv_cpu") × of CPU) | $(mb "$ws_rss") |"
echo "| summary FILE | $csv_s | $csv_cpu | the outputs are $same | $(mb "$csv_rss") |"
echo "| workspace size after the import | | |" \
  "$bytes B, $(per "$bytes" $observations) B/observation | |"
echo "| after the re-import ($((observations + corrected)) rows) | | |" \
  "$bytes_after B, $(per "$bytes_after" $((observations + corrected))) B/row | |"
