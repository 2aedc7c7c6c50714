#!/usr/bin/env bash
# Opens a nightly report.html in headless Chromium and checks that it renders: the map image is
# decoded, the incident table has rows, and a screenshot shows the map (its crossing-red dots and
# sector fill) and the incident table (its header colour). Installs nothing: when no Chromium is
# found it says how to get one and exits 2, so it can run in CI after `apt-get install -y chromium`.
#
#   cli/src/test/browser/check-report.sh [REPORT_HTML [SCREENSHOT_PNG]]
#
# Without REPORT_HTML it builds the fixture night (cli/src/test/resources/nightly) with ./watchline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"

browser=""
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$b" >/dev/null 2>&1; then browser="$(command -v "$b")"; break; fi
done
if [ -z "$browser" ]; then
  echo "check-report: no Chromium found; install it (Debian/Ubuntu: apt-get install -y chromium) and rerun" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="${1:-}"
shot="${2:-$work/report.png}"
if [ -z "$report" ]; then
  mkdir -p "$work/night"
  cp -r "$root/cli/src/test/resources/nightly/." "$work/night/"
  cp "$root/fixtures/data/borders/mne-alb.geojson" "$work/night/border.geojson"
  "$root/watchline" nightly -q --config "$work/night/nightly.yaml" --date 2026-11-28
  report="$work/night/out/2026-11-28/report.html"
fi
[ -f "$report" ] || { echo "check-report: no such file: $report" >&2; exit 2; }

chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" "$@" 2>"$work/chromium.log"
}

# 1. The DOM after load, with a probe added to a copy of the page: is the map decoded, how many
#    incident rows are there, did anything fail to load?
probe="$work/probe.html"
sed 's#</body>#<script>window.addEventListener("load",function(){var m=document.getElementById("map");var r=document.querySelectorAll("table\#incidents tbody tr").length;document.body.setAttribute("data-check","map="+(m\&\&m.complete?m.naturalWidth+"x"+m.naturalHeight:"missing")+" incident_rows="+r);});</script></body>#' "$report" > "$probe"
dom="$(chrome --virtual-time-budget=5000 --dump-dom "file://$probe")"
check="$(printf '%s' "$dom" | grep -o 'data-check="[^"]*"' || true)"
echo "check-report: $check"
# The map is 1200 px wide; its height follows the border's shape.
case "$check" in
  *"map=1200x"[1-9]*) ;;
  *) echo "check-report: FAIL: the map image did not load" >&2; exit 1 ;;
esac
rows="$(printf '%s' "$check" | sed -n 's/.*incident_rows=\([0-9]*\).*/\1/p')"
if [ "${rows:-0}" -lt 1 ]; then
  echo "check-report: FAIL: the incident table has no rows" >&2; exit 1
fi

# 2. A screenshot of the real page (no probe), checked pixel by pixel.
chrome --window-size=1300,2600 --screenshot="$shot" "file://$report" >/dev/null
[ -s "$shot" ] || { echo "check-report: FAIL: no screenshot written" >&2; cat "$work/chromium.log" >&2; exit 1; }
java "$here/CheckScreenshot.java" "$shot"
echo "check-report: ok ($report; screenshot $shot)"
