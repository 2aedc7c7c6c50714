#!/usr/bin/env bash
# Checks that a revision behaves like a base revision: builds the application jar of each in its
# own temporary clone of this repository and runs compare-fusion.sh on the pair (the demo, fuse +
# evaluate on simulated nights, a real-format night through ingest, a nightly run), comparing
# every output byte for byte after normalising what legitimately differs (listed in
# compare-fusion.sh: SVG clip ids; run times, commit, version and absolute paths in manifests).
#
#   benchmarks/scripts/behaviour-unchanged.sh BASE_REV [NEW_REV] [WORKDIR]
#
# NEW_REV defaults to HEAD (committed work only: uncommitted edits are not in the clone).
# Jars are kept as WORKDIR/<sha>.jar and reused. Exit 0 when identical, 1 otherwise, 2 on misuse.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,11p' "$0" >&2; exit 2; }
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
base="$(git -C "$root" rev-parse --verify "$1^{commit}")"
head="$(git -C "$root" rev-parse --verify "${2:-HEAD}^{commit}")"
work="${3:-$(mktemp -d)}"
mkdir -p "$work"

jar_of() { # sha -> path of its application jar, built once in a throwaway clone
  local sha="$1" jar="$work/$1.jar"
  if [ ! -f "$jar" ]; then
    local src; src="$(mktemp -d)"
    git clone -q --no-checkout "$root" "$src"
    git -C "$src" checkout -q --detach "$sha"
    # package, never install: nothing from either revision lands in the local repository
    (cd "$src" && mvn -B -q -o -DskipTests package -pl cli -am >&2)
    cp "$src/cli/target/watchline-app.jar" "$jar"
    rm -rf "$src"
  fi
  echo "$jar"
}

echo "base $base, new $head, in $work" >&2
old="$(jar_of "$base")"; new="$(jar_of "$head")"
"$root/benchmarks/scripts/compare-fusion.sh" "$old" "$new" "$work/runs"
