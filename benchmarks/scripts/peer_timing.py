#!/usr/bin/env python3
"""Helpers of benchmarks/ingest-vs-peers.

    peer_timing.py check WORK                  record counts of every tool agree; positions match
    peer_timing.py time OUT.json RUNS WARMUP NAME... -- CMD...   timing without hyperfine
    peer_timing.py report WORK FILE...         wall / CPU means and the ratios ingest / peer

`time` writes the same JSON as `hyperfine --export-json` (mean wall, mean user and system seconds
per command), measured with the children's resource usage of each run.
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import time

SETS = ("30min", "all", "long")
PEERS = (("cxx-items", "C++ asterix -j, the items ingest reads"),
         ("cxx-json", "C++ asterix -j, every item"),
         ("tshark", "tshark -T fields"))
TARGETS = {"cxx-items": 0.25, "cxx-json": 0.25, "tshark": 0.5}


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:  # the C++ -j prints some names raw
        return [line for line in f if line.strip()]


def ingest_records(work, s):
    obs = [json.loads(line) for line in lines(f"{work}/ingest-{s}.ndjson")]
    rejects = f"{work}/ingest-{s}.ndjson.rejects"
    rej = [json.loads(line) for line in lines(rejects)] if os.path.exists(rejects) else []
    cat062_rejects = [r for r in rej if r["reason"].startswith("CAT062")]
    return obs, len(obs) + len(cat062_rejects), len(rej) - len(cat062_rejects)


def cxx_records(work, mode, s):
    return [line for line in lines(f"{work}/{mode}-{s}.jsonl") if '"cat":62' in line]


def tshark_records(work, s):
    """One row per packet, several records of a packet joined by commas in each column."""
    out = []
    for line in lines(f"{work}/tshark-{s}.tsv"):
        cols = [c.split(",") if c else [] for c in line.rstrip("\n").split("\t")]
        tod = cols[2]
        lat, lon = cols[3], cols[4]
        # records without I105 leave no value in lat/lon: those columns then hold fewer values
        for i in range(len(tod)):
            out.append((float(lat[i]), float(lon[i])) if len(lat) == len(tod) else None)
    return out


def counts(work, s):
    obs, ingest, other_rejects = ingest_records(work, s)
    return {"ingest": ingest, "ingest observations": len(obs), "ingest other rejects": other_rejects,
            "cxx-items": len(cxx_records(work, "cxx-items", s)), "cxx-json": len(cxx_records(work, "cxx-json", s)),
            "tshark": len(tshark_records(work, s))}


def sets(work):
    return [s for s in SETS if os.path.exists(f"{work}/ingest-{s}.ndjson")]


def check(work):
    ok = True
    for s in sets(work):
        c = counts(work, s)
        same = c["ingest"] == c["cxx-items"] == c["cxx-json"] == c["tshark"] and c["ingest other rejects"] == 0
        print(f"CAT062 records, {s}: ingest {c['ingest']} ({c['ingest observations']} observations, the rest"
              f" rejected for no position), C++ {c['cxx-items']} / {c['cxx-json']}, tshark {c['tshark']}"
              f" -> {'same' if same else 'DIFFERENT'}")
        ok &= same
    # the 30-minute recording in file order: every position agrees with both peers
    obs, _, _ = ingest_records(work, "30min")
    ts = [p for p in tshark_records(work, "30min") if p is not None]
    cx = [json.loads(r)["CAT062"] for r in cxx_records(work, "cxx-items", "30min")]
    cx = [c["I105"] for c in cx if "I105" in c]
    worst_ts = max(max(abs(o["lat"] - t[0]), abs(o["lon"] - t[1])) for o, t in zip(obs, ts))
    worst_cx = max(max(abs(o["lat"] - c["Lat"]), abs(o["lon"] - c["Lon"])) for o, c in zip(obs, cx))
    same_pos = len(obs) == len(ts) == len(cx) and worst_ts < 1e-9 and worst_cx < 1e-7
    print(f"positions, 30min: largest difference to tshark {worst_ts:.1e} deg, to C++ (7 decimals) {worst_cx:.1e} deg"
          f" -> {'same' if same_pos else 'DIFFERENT'}")
    if not (ok and same_pos):
        sys.exit("ingest-vs-peers: the tools did not read the same records")


def time_commands(out, runs, warmup, names, cmds):
    results = []
    for name, cmd in zip(names, cmds):
        walls, users, systems = [], [], []
        for i in range(warmup + runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(["bash", "-c", cmd], check=True)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if i >= warmup:
                walls.append(wall)
                users.append(after.ru_utime - before.ru_utime)
                systems.append(after.ru_stime - before.ru_stime)
        results.append({"command": name, "mean": statistics.mean(walls), "stddev": statistics.stdev(walls),
                        "user": statistics.mean(users), "system": statistics.mean(systems), "times": walls})
        print(f"{name}: {statistics.mean(walls):.3f} s wall", file=sys.stderr)
    with open(out, "w") as f:
        json.dump({"results": results}, f, indent=1)


def report(work, files):
    with open(f"{work}/timing.json") as f:
        res = json.load(f)["results"]
    names = [f"{tool}-{s}" for s in sets(work) for tool in ("ingest", "cxx-items", "cxx-json", "tshark")]
    by = {n: r for n, r in zip(names, res)}
    total = sum(os.path.getsize(f) for f in files)
    print(f"recordings: all = {len(files)} CAT062 files, {total:,} bytes; 30min = {os.path.basename(files[0])},"
          f" {os.path.getsize(files[0]):,} bytes")
    longs = [f for f in os.listdir(work) if f.startswith("final_frame_062_30min_x") and f.endswith(".ff")]
    if longs:
        print(f"long = {longs[0]}, {os.path.getsize(os.path.join(work, longs[0])):,} bytes (the 30min file repeated)")
    print(f"{'command':<18} {'wall s':>8} {'±':>6} {'CPU s':>7} {'out bytes':>11}")
    outs = {"ingest": "ndjson", "cxx-items": "jsonl", "cxx-json": "jsonl", "tshark": "tsv"}
    for n in names:
        r = by[n]
        tool = n.rsplit("-", 1)[0]
        size = os.path.getsize(f"{work}/{n}.{outs[tool]}")
        print(f"{n:<18} {r['mean']:8.3f} {r.get('stddev') or 0:6.3f} {r['user'] + r['system']:7.3f} {size:11,}")
    print(f"\n{'ratio ingest / peer':<48} {'wall':>6} {'CPU':>6} {'target':>7}")
    for s in sets(work):
        c = counts(work, s)
        ing = by[f"ingest-{s}"]
        for peer, label in PEERS:
            p = by[f"{peer}-{s}"]
            wall = ing["mean"] / p["mean"]
            cpu = (ing["user"] + ing["system"]) / (p["user"] + p["system"])
            met = "met" if max(wall, cpu) <= TARGETS[peer] else "missed"
            print(f"{s + ': ' + label:<48} {wall:6.2f} {cpu:6.2f} {'<= ' + str(TARGETS[peer]):>7} {met}")
        print(f"  ({c['ingest']} CAT062 records each tool)")
    if "long" in sets(work):
        # what each tool spends on the records alone: the start-up cancels out of the difference
        print(f"{'long minus 30min (records only, no start-up)':<48} {'':>6} {'CPU':>6}")
        d = lambda n: by[f"{n}-long"]["user"] + by[f"{n}-long"]["system"] - by[f"{n}-30min"]["user"] - by[f"{n}-30min"]["system"]
        for peer, label in PEERS:
            print(f"{'  ' + label:<48} {'':>6} {d('ingest') / d(peer):6.2f}")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "check":
        check(sys.argv[2])
    elif cmd == "time":
        sep = sys.argv.index("--")
        out, runs, warmup = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        time_commands(out, runs, warmup, sys.argv[5:sep], sys.argv[sep + 1:])
    elif cmd == "report":
        report(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
