#!/usr/bin/env python3
"""Latency of the live pipeline from the CoT events received (see benchmarks/live-latency): of each
incident's final version (p50, p99, max) and of its first version (first_p50, first_p99).

args: batch incidents NDJSON, received events (arrival + XML per line), replay stderr, fuse stderr, speed
"""
import datetime, json, re, sys
import xml.etree.ElementTree as ET

batch_file, cot_file, replay_err, fuse_err, speed = sys.argv[1:6]
speed = float(speed)

def ts(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()

m = re.search(r"record time (\S+) was sent at (\S+)", open(replay_err).read())
t0, wall0 = ts(m.group(1)), ts(m.group(2))
# every version of an incident is an event with the same uid: the first arrival is its first
# version, the last arrival its final one (fuse --follow writes the final version last)
first, last = {}, {}
for line in open(cot_file):
    arrival, xml = line.split(" ", 1)
    e = ET.fromstring(xml)
    uid = e.get("uid")
    if uid not in first:
        first[uid] = (float(arrival), e)
    last[uid] = (float(arrival), e)
events = last
def latencies(evs):
    out = []
    for uid, (arrival, e) in evs.items():
        due = wall0 + (ts(e.get("time")) - t0) / speed  # when its last observation was sent
        out.append(arrival - due)
    return sorted(out)
lat = latencies(last)
lat_first = latencies(first)
batch = [json.loads(l) for l in open(batch_file) if l.strip()]
# an incident of the batch run "arrived" when an event of the same kind and sector starts within 60 s of it
def same(b, e):
    w = e.find("detail/watchline")
    return w is not None and w.get("kind") == b["kind"] and w.get("sector") == b.get("sector") \
        and abs(ts(e.get("start")) - ts(b["start"])) <= 60
missing = [b["id"] for b in batch if not any(same(b, e) for _, e in events.values())]
late = re.search(r"rejected (\d+) late records", open(fuse_err).read())
late = int(late.group(1)) if late else 0
def pct(p, xs=None):
    xs = lat if xs is None else xs
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")
print("speed=%gx batch=%d live=%d missing=%d p50=%.2fs p99=%.2fs max=%.2fs first_p50=%.2fs first_p99=%.2fs late=%d%s" % (
    speed, len(batch), len(events), len(missing), pct(50), pct(99), lat[-1] if lat else float("nan"),
    pct(50, lat_first), pct(99, lat_first), late, (" missing_ids=" + ",".join(missing)) if missing else ""))
