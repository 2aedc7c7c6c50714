#!/usr/bin/env bash
# Checks that a change to fusion left its outputs byte-identical: runs the demo, fuse + evaluate on
# several simulated nights (canonical and real formats through ingest) and a nightly run with two
# application jars, and compares every file they wrote.
#
#   benchmarks/scripts/compare-fusion.sh OLD.jar NEW.jar [WORKDIR]
#
# Build OLD.jar from the reference revision, e.g.
#   git archive main | tar -x -C /tmp/ref && (cd /tmp/ref && mvn -B -q -DskipTests package -pl cli -am)
#   benchmarks/scripts/compare-fusion.sh /tmp/ref/cli/target/watchline-app.jar cli/target/watchline-app.jar
# KEEP_OLD=1 reuses WORKDIR/old from an earlier run. SEEDS="601 602" picks the nights.
# Normalised before comparing: SVG clip-path ids (drawn from a clock) and, in every manifest.json,
# started/finished/commit/version/java, the run folder's absolute path, and the SHA-256 of a
# previous night's manifest (which holds those times); DuckDB archives are compared by their rows
# (DumpArchive.java), not their bytes. The originals stay beside them as *.raw.
# Exit 0 when every output is identical, 1 with the differing files listed otherwise.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
old="$(readlink -f "$1")"; new="$(readlink -f "$2")"
work="${3:-$(mktemp -d)}"
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
data="$root/fixtures/data"
border="$data/borders/mne-alb.geojson"; sites="$data/demo/sites.yaml"
seeds="${SEEDS:-601 602 603 405}"

# The option spellings are the ones every revision since the first fusion refactor takes (--out,
# --to are deprecated aliases now): the manifests record the command line, so both sides must use
# the same. Switch to --output-dir/-f once no reference revision older than the grammar is needed.
run_all() { # jar outdir
  local jar="$1" out="$2"; rm -rf "$out"; mkdir -p "$out"
  (cd "$out" && java -jar "$jar" demo -q --out demo >/dev/null)
  for s in $seeds; do
    local n="$out/night-$s"
    java -jar "$jar" simulate -q --seed "$s" --out "$n"
    java -jar "$jar" fuse -q "$n/radar.ndjson" "$n/thermal.ndjson" "$n/patrol.ndjson" \
      --border "$border" --sites "$sites" --tracks "$n/tracks.ndjson" --rejects "$n/rejects.ndjson" \
      -o "$n/incidents.ndjson"
    java -jar "$jar" fuse -q "$n/radar.ndjson" "$n/thermal.ndjson" "$n/patrol.ndjson" \
      --border "$border" --sites "$sites" --min-score 0.2 --to geojson -o "$n/incidents-0.2.geojson"
    java -jar "$jar" evaluate -q --incidents "$n/incidents.ndjson" --truth "$n/truth.ndjson" \
      --border "$border" --observations "$n/radar.ndjson" --observations "$n/thermal.ndjson" \
      --sites "$sites" > "$n/evaluation.txt"
  done
  local r="$out/real-3"
  java -jar "$jar" simulate -q --seed 3 --formats real --out "$r"
  (cd "$r" && java -jar "$jar" ingest -q radar-*.ast thermal-*.xml patrol-*.nmea --sites "$sites" \
      --date 2026-11-27 -o observations.ndjson)
  java -jar "$jar" fuse -q "$r/observations.ndjson" --border "$border" --sites "$sites" \
    --tracks "$r/tracks.ndjson" -o "$r/incidents.ndjson"
  java -jar "$jar" evaluate -q --incidents "$r/incidents.ndjson" --truth "$r/truth.ndjson" > "$r/evaluation.txt"
  # nightly: a canonical night through the cron job's own fuse step
  local n="$out/night-${seeds%% *}"
  cat > "$n/nightly.yaml" <<YAML
feeds:
  radar: ["radar.ndjson"]
  thermal: ["thermal.ndjson"]
  patrol: ["patrol.ndjson"]
border: $border
sites: $sites
output_root: nightly
timezone: UTC
window: {start: "18:00", end: "06:00"}
thresholds: {min_score: 0.5, top_incidents: 20}
YAML
  (cd "$n" && java -jar "$jar" nightly -q --config nightly.yaml --date 2026-11-28)
  # the SVG writer names its clip paths from a clock: not fusion output, normalise it
  find "$out" -name '*.svg' -exec sed -i -E 's/_[0-9]+clip/_clip/g' {} +
}

# manifest.json records when and from where a run ran: compare a copy with those facts blanked.
# A DuckDB file's bytes differ between identical runs (block layout): compare its tables' rows.
# Idempotent: the originals are kept as *.raw and not normalised again.
normalise() { # outdir jar
  local out="$1" jar="$2" m
  while IFS= read -r m; do
    java -cp "$jar" "$root/benchmarks/scripts/DumpArchive.java" "$m" > "$m.rows"
    mv "$m" "$m.raw"
  done < <(find "$out" -name '*.duckdb')
  while IFS= read -r m; do
    jq --arg dir "$out" -S '
      (.started, .finished, .commit, .version, .java) |= "~"
      | walk(if type == "string" then gsub($dir; "$OUT") else . end)
      | walk(if type == "object" and ((.path? // "") | tostring | endswith("manifest.json"))
             and has("sha256") then .sha256 = "~" else . end)' "$m" > "$m.normalised"
    mv "$m" "$m.raw"
  done < <(find "$out" -name manifest.json)
}

[ -n "${KEEP_OLD:-}" ] && [ -d "$work/old" ] || run_all "$old" "$work/old"
run_all "$new" "$work/new"
# one reader for both sides' archives, so the rows are printed the same way
normalise "$work/old" "$new"; normalise "$work/new" "$new"
if diff -r -q -x '*.raw' "$work/old" "$work/new"; then
  echo "identical: $(find "$work/old" -type f ! -name '*.raw' | wc -l) files," \
    "$(find "$work/old" -name '*.normalised' | wc -l) of them manifests compared normalised," \
    "$(find "$work/old" -name '*.rows' | wc -l) archives compared by rows ($work)"
else
  echo "DIFFERENT outputs (see above; $work)" >&2; exit 1
fi
