#!/usr/bin/env bash
# Fusion on realistic simulated nights, as an operator runs it: `simulate --realism high
# --formats real`, then `ingest <raw files> | fuse -`, then `evaluate` with the observations (so
# recall is over the crossings some sensor saw). Prints one row per seed and the totals; with
# DEFAULT_SEEDS also the clean (default) simulated nights, canonical feeds, for before/after.
#
#   benchmarks/scripts/realism-eval.sh [JAR] [WORKDIR]
#
# SEEDS="101 102" picks the realistic nights (default 1301-1310, the last check nobody tuned on).
# Seen already (docs/fusion.md): tuning 5, 11-100; judged 101-110, 201-210, 301-310, 701-710, 801-810,
# 901-910, 1001-1010, 1101-1110, 1201-1210, 1301-1310, 1401-1410; welfare 601-610. A new round should
# tune on new seeds (101 is taken: 111 on) and judge on seeds nobody has run (1501 on). DEFAULT_SEEDS="601 602" adds clean nights. OLD_JAR=x.jar
# also fuses the same observations with another build (simulate, ingest and evaluate stay this
# build's), for before/after on the same nights (the realistic ones too with OLD_REALISTIC=1). JOBS=3 runs three nights at a time (default 2).
# OBS_FROM=DIR fuses the observations an earlier run left in DIR instead of simulating and
# ingesting again (tuning loops: the same nights, only fuse and evaluate rerun).
# NIGHT_SITES=1 fuses with the sites.yaml simulate wrote for the night (the demo sites plus the
# sensors' detection figures: which radars filter by Doppler, docs/fusion.md "Expected misses")
# instead of the demo sites.yaml; each night dir keeps that file either way.
# Needs python3 for the table.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
jar="$(readlink -f "${1:-$root/cli/target/watchline-app.jar}")"
work="${2:-$(mktemp -d)}"
data="$root/fixtures/data"; border="$data/borders/mne-alb.geojson"; sites="$data/demo/sites.yaml"
seeds="${SEEDS:-1301 1302 1303 1304 1305 1306 1307 1308 1309 1310}"
mkdir -p "$work"

evaluate() { # jar dir observations...
  local j="$1" d="$2"; shift 2
  local obs=(); for o in "$@"; do obs+=(--observations "$o"); done
  java -jar "$j" evaluate -q --json --incidents "$d/incidents.ndjson" --truth "$d/truth.ndjson" \
    --border "$border" --sites "$sites" "${obs[@]}" -o "$d/evaluation.json"
}

fuse_sites() { # nightdir: the sites file fuse reads for that night
  if [ -n "${NIGHT_SITES:-}" ] && [ -f "$1/sites.yaml" ]; then echo "$1/sites.yaml"; else echo "$sites"; fi
}

realistic() { # jar seed outdir
  local j="$1" s="$2" d="$3"
  rm -rf "$d"; mkdir -p "$d/raw"
  java -jar "$j" simulate -q --seed "$s" --realism high --formats real --output-dir "$d/raw"
  cp "$d/raw/truth.ndjson" "$d/raw/sites.yaml" "$d/"
  (cd "$d/raw" && java -jar "$j" ingest -q radar-*.ast thermal-*.xml patrol-*.nmea --sites "$sites" --date 2026-11-27) \
    | tee "$d/observations.ndjson" \
    | java -jar "$j" fuse -q - --border "$border" --sites "$(fuse_sites "$d")" -o "$d/incidents.ndjson"
  evaluate "$j" "$d" "$d/observations.ndjson"
  rm -rf "$d/raw"
}

clean() { # jar seed outdir
  local j="$1" s="$2" d="$3"
  rm -rf "$d"; mkdir -p "$d"
  java -jar "$j" simulate -q --seed "$s" --output-dir "$d"
  java -jar "$j" fuse -q "$d/radar.ndjson" "$d/thermal.ndjson" "$d/patrol.ndjson" --border "$border" --sites "$sites" \
    -o "$d/incidents.ndjson"
  evaluate "$j" "$d" "$d/radar.ndjson" "$d/thermal.ndjson"
}

table() { # title dirs...
  python3 - "$@" <<'PY'
import json, sys
title, dirs = sys.argv[1], sys.argv[2:]
print(title)
print(f"{'night':<14}{'cross':>6}{'seen':>6}{'found':>6}{'recall':>8}{'incid':>7}{'precis':>8}"
      f"{'loiter':>8}{'found':>6}{'appr':>6}{'found':>6}{'patrolFA':>9}{'wildFA':>7}")
tot = [0] * 10
for d in dirs:
    e = json.load(open(d + "/evaluation.json"))
    k = {x["kind"]: x for x in e["kinds"]}
    c, l, a = k["crossing"], k["loiter"], k["approach"]
    seen = c.get("observable", c["truth"]); fs = c.get("found_observable", c["found"])
    row = [c["truth"], seen, fs, c["incidents"], c["matched"], l["truth"], l["found"], a["truth"], a["found"],
           e["patrol_false_alarms"]]
    tot = [x + y for x, y in zip(tot, row)]
    r = fs / seen if seen else float("nan"); p = c["matched"] / c["incidents"] if c["incidents"] else float("nan")
    print(f"{d.rsplit('/', 1)[-1]:<14}{row[0]:>6}{row[1]:>6}{row[2]:>6}{r:>8.3f}{row[3]:>7}{p:>8.3f}"
          f"{row[5]:>8}{row[6]:>6}{row[7]:>6}{row[8]:>6}{row[9]:>9}{e['wildlife_alarms']:>7}")
r = tot[2] / tot[1] if tot[1] else float("nan"); p = tot[4] / tot[3] if tot[3] else float("nan")
lr = tot[6] / tot[5] if tot[5] else float("nan")
print(f"{'total':<14}{tot[0]:>6}{tot[1]:>6}{tot[2]:>6}{r:>8.3f}{tot[3]:>7}{p:>8.3f}{tot[5]:>8}{tot[6]:>6}"
      f"{tot[7]:>6}{tot[8]:>6}{tot[9]:>9}")
print(f"crossing recall over seen {r:.3f}, precision {p:.3f}, loiter recall {lr:.3f}, patrol false alarms {tot[9]}")
PY
}

refuse() { # jar fromdir todir: the same night's observations fused by another build
  local j="$1" from="$2" d="$3" obs=()
  rm -rf "$d"; mkdir -p "$d"; cp "$from/truth.ndjson" "$d/"; [ ! -f "$from/sites.yaml" ] || cp "$from/sites.yaml" "$d/"
  if [ -f "$from/observations.ndjson" ]; then obs=("$from/observations.ndjson")
  else obs=("$from/radar.ndjson" "$from/thermal.ndjson" "$from/patrol.ndjson"); fi
  java -jar "$j" fuse -q "${obs[@]}" --border "$border" --sites "$(fuse_sites "$from")" -o "$d/incidents.ndjson"
  if [ -f "$from/observations.ndjson" ]; then evaluate "$jar" "$d" "$from/observations.ndjson"
  else evaluate "$jar" "$d" "$from/radar.ndjson" "$from/thermal.ndjson"; fi
}

# JOBS nights at a time (default 2): each night is one pipe of three processes
dirs=(); n=0
for s in $seeds; do
  if [ -n "${OBS_FROM:-}" ]; then
    refuse "$jar" "$(readlink -f "$OBS_FROM")/new/realism-$s" "$work/new/realism-$s" > "$work/realism-$s.log" 2>&1 &
  else
    realistic "$jar" "$s" "$work/new/realism-$s" > "$work/realism-$s.log" 2>&1 &
  fi
  dirs+=("$work/new/realism-$s"); n=$((n + 1))
  if [ $((n % ${JOBS:-2})) -eq 0 ]; then wait; fi
done
wait
table "realistic nights, ingest | fuse - ($jar)" "${dirs[@]}"
ddirs=()
for s in ${DEFAULT_SEEDS:-}; do clean "$jar" "$s" "$work/new/default-$s"; ddirs+=("$work/new/default-$s"); done
[ ${#ddirs[@]} -eq 0 ] || table "default nights ($jar)" "${ddirs[@]}"
if [ -n "${OLD_JAR:-}" ]; then
  old="$(readlink -f "$OLD_JAR")"; o=(); od=()
  if [ -n "${OLD_REALISTIC:-}" ]; then
    for d in "${dirs[@]}"; do refuse "$old" "$d" "$work/old/${d##*/}"; o+=("$work/old/${d##*/}"); done
    table "realistic nights, same observations fused by $old" "${o[@]}"
  fi
  for d in "${ddirs[@]}"; do refuse "$old" "$d" "$work/old/${d##*/}"; od+=("$work/old/${d##*/}"); done
  [ ${#od[@]} -eq 0 ] || table "default nights, fused by $old" "${od[@]}"
fi
echo "outputs in $work"
