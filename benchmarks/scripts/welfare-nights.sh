#!/usr/bin/env bash
# Welfare recall and false alerts on simulated nights with planted cases (docs/welfare.md):
#   benchmarks/scripts/welfare-nights.sh OUT_DIR [FIRST_SEED [LAST_SEED]]
# Each seed is one night: simulate --welfare, fuse with its weather, roads and water, evaluate.
# Prints one line per night and the totals; exits 1 when recall < 0.95 or false alerts >= 1 per night.
set -euo pipefail
out="${1:?usage: welfare-nights.sh OUT_DIR [FIRST_SEED [LAST_SEED]]}"
first="${2:-601}"
last="${3:-610}"
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
# WATCHLINE="java -jar some.jar" runs a given build instead of the checkout's
read -r -a wl <<< "${WATCHLINE:-$root/watchline}"
border="$root/fixtures/data/borders/mne-alb.geojson"
sites="$root/fixtures/data/demo/sites.yaml"
mkdir -p "$out"
printf '%-6s %-5s %6s %6s %10s %6s  %s\n' seed cold truth found incidents false "false alerts (cause)"
tt=0; tf=0; ti=0; tfa=0; n=0
for seed in $(seq "$first" "$last"); do
  d="$out/$seed"
  rm -rf "$d"
  "${wl[@]}" simulate --welfare --seed "$seed" --output-dir "$d" -q
  "${wl[@]}" fuse "$d/radar.ndjson" "$d/thermal.ndjson" "$d/patrol.ndjson" --border "$border" --sites "$sites" \
    --weather "$d/weather.csv" --roads "$d/roads.geojson" --water "$d/water.geojson" -o "$d/incidents.ndjson" -q
  "${wl[@]}" evaluate --incidents "$d/incidents.ndjson" --truth "$d/truth.ndjson" --json -o "$d/evaluation.json"
  read -r t f i fa causes < <(python3 - "$d/evaluation.json" <<'PY'
import json, sys
e = json.load(open(sys.argv[1]))
k = next(x for x in e["kinds"] if x["kind"] == "welfare")
fa = [a for a in e.get("false_alarms", e.get("falseAlarms", [])) if a["kind"] == "welfare"]
print(k["truth"], k["found"], k["incidents"], len(fa), ",".join(a["cause"] for a in fa) or "-")
PY
)
  cold=$(awk -F, 'NR==2{print ($4<0)?"yes":"no"}' "$d/weather.csv")
  printf '%-6s %-5s %6d %6d %10d %6d  %s\n' "$seed" "$cold" "$t" "$f" "$i" "$fa" "$causes"
  tt=$((tt + t)); tf=$((tf + f)); ti=$((ti + i)); tfa=$((tfa + fa)); n=$((n + 1))
done
python3 - "$tt" "$tf" "$ti" "$tfa" "$n" <<'PY'
import sys
t, f, i, fa, n = map(int, sys.argv[1:])
r = f / t if t else float("nan")
print(f"total: {n} nights, welfare truth {t}, found {f}, recall {r:.3f}; welfare incidents {i}, "
      f"false alerts {fa} ({fa / n:.2f} per night)")
sys.exit(0 if r >= 0.95 and fa / n < 1 else 1)
PY
