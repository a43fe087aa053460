#!/usr/bin/env bash
# Memory benchmark (not a test): peak RSS of `kaizen check` on one long series of daily values,
# per row, to show that a series is held as its columns (docs/performance.md, "One long series").
# Usage: bench/long_series_memory.sh [BUILD_DIR] [ROWS]   (default build/release, 3000000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
rows=${2:-3000000}
kaizen="$build/kaizen"
[[ -x "$kaizen" ]] || { echo "build $kaizen first (make build)" >&2; exit 2; }
file=$(mktemp --suffix=.csv)
trap 'rm -f "$file"' EXIT
# One value a day from 1200-01-01 (a Date holds any day of years 1–9999).
python3 - "$rows" "$file" <<'PY'
import datetime, sys
rows, path = int(sys.argv[1]), sys.argv[2]
day, one = datetime.date(1200, 1, 1), datetime.timedelta(days=1)
with open(path, "w") as f:
    f.write("indicator,organisation,period,value\n")
    for i in range(rows):
        f.write(f"x,A,{day.isoformat()},{(i * 7919) % 1000 / 10}\n")
        day += one
PY
log=$(mktemp)
/usr/bin/time -o "$log" -f '%e %M' "$kaizen" check "$file" >/dev/null 2>&1
read -r seconds rss_kb < <(tail -1 "$log")
rm -f "$log"
echo "| rows | check (s) | peak RSS (MB) | bytes a row |"
echo "|---|---|---|---|"
awk -v r="$rows" -v s="$seconds" -v k="$rss_kb" \
  'BEGIN { printf "| %d | %s | %d | %.0f |\n", r, s, k / 1024, k * 1024 / r }'
