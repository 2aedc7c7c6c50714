#!/usr/bin/env python3
"""Times shell commands interleaved (one run of each in turn, RUNS rounds), so that a change of
machine load hits every command alike, and prints the median wall and CPU (user + sys of the
command and its children, from getrusage) of each.

    benchmarks/scripts/interleaved_timing.py RUNS NAME 'COMMAND' [NAME 'COMMAND' ...]

Output of the commands is discarded; a command that fails stops the script."""
import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 4 or len(argv) % 2 != 0:
        sys.exit(__doc__)
    runs = int(argv[1])
    pairs = list(zip(argv[2::2], argv[3::2]))
    times = {name: [] for name, _ in pairs}
    for _ in range(runs):
        for name, command in pairs:
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            done = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t1 = time.monotonic()
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                sys.exit(f"{name} failed (exit {done.returncode}): {command}")
            cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
            times[name].append((t1 - t0, cpu))
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"{'command':<24} {'wall_s':>8} {'cpu_s':>8} {'cpu_min':>8}   (median of {runs}, load after {load})")
    for name, _ in pairs:
        wall = statistics.median(t[0] for t in times[name])
        cpu = statistics.median(t[1] for t in times[name])
        print(f"{name:<24} {wall:8.3f} {cpu:8.3f} {min(t[1] for t in times[name]):8.3f}")


if __name__ == "__main__":
    main(sys.argv)
