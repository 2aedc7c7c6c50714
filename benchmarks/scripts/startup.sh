#!/usr/bin/env bash
# Start-up of the launcher with and without its Class Data Sharing archive, against a bare
# `java -version`, all in one run: `watchline --version` and a 10-line NMEA ingest.
#   benchmarks/scripts/startup.sh [RUNS=15]
# Prints the median wall and CPU (user+sys) time of each and its ratio to `java -version`.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
runs="${1:-15}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
grep '^\$' "$root/fixtures/data/nmea/bt451.log" | head -10 > "$work/ten.nmea"
"$root/watchline" --version >/dev/null   # builds the jar and the archive if needed

measure() { # name, command...: one timed run, appends "wall cpu" to $work/<name>
  local name="$1"; shift
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>&1 || { echo "$name failed" >&2; exit 1; }
  awk '{printf "%s %.3f\n", $1, $2 + $3}' "$work/t" >> "$work/$name"
}
names=(java-version version-nocds version-cds ingest-nocds ingest-cds)
for ((i = 0; i < runs; i++)); do   # interleaved, so load changes hit every variant alike
  measure java-version java -version
  WATCHLINE_CDS=0 measure version-nocds "$root/watchline" --version
  measure version-cds "$root/watchline" --version
  WATCHLINE_CDS=0 measure ingest-nocds "$root/watchline" ingest --date 2009-01-01 -o "$work/o1.ndjson" "$work/ten.nmea"
  measure ingest-cds "$root/watchline" ingest --date 2009-01-01 -o "$work/o2.ndjson" "$work/ten.nmea"
done
cmp -s "$work/o1.ndjson" "$work/o2.ndjson" || { echo "outputs differ with and without the archive" >&2; exit 1; }
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
base_wall="$(cut -d' ' -f1 "$work/java-version" | median)"
base_cpu="$(cut -d' ' -f2 "$work/java-version" | median)"
printf "%-14s %9s %9s %12s %12s   (median of %d, load average %s)\n" run wall_s cpu_s wall/java cpu/java "$runs" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${names[@]}"; do
  w="$(cut -d' ' -f1 "$work/$n" | median)"
  c="$(cut -d' ' -f2 "$work/$n" | median)"
  awk -v n="$n" -v w="$w" -v c="$c" -v bw="$base_wall" -v bc="$base_cpu" \
    'BEGIN {printf "%-14s %9.3f %9.3f %12.2f %12.2f\n", n, w, c, w / bw, c / bc}'
done
