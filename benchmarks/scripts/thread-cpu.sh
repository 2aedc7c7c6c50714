#!/usr/bin/env bash
# CPU time of each thread of a command, sampled from /proc every half second (a thread that ends
# keeps its last sample, so up to 0.5 s of its end may be missing). For fuse --threads N: how the
# work splits between routing, decoding and the fusion regions, run by run (each run's threads have
# their own ids, in order).
#
#   benchmarks/scripts/thread-cpu.sh java -Xmx512m -Dthreads=true -cp benchmarks/target/benchmarks.jar \
#       io.watchline.bench.FuseThroughput 2000000
#
# Prints the command's output, then one line per thread that used at least 0.1 s: id, CPU s, name.
set -uo pipefail
[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
"$@" &
pid=$!
declare -A cpu name
tick=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    id=${t##*/}
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    set -- ${stat##*) }   # fields after the name: utime and stime are the 12th and 13th
    cpu[$id]=$(( ${12} + ${13} ))
    name[$id]=$comm
  done
  sleep 0.5
done
wait "$pid"; rc=$?
for id in "${!cpu[@]}"; do
  if [ "${cpu[$id]}" -ge $(( tick / 10 )) ]; then
    printf '%s %8.2f %s\n' "$id" "$(echo "${cpu[$id]} / $tick" | bc -l)" "${name[$id]}"
  fi
done | sort -n
exit $rc
