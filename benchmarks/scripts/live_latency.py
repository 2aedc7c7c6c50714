#!/usr/bin/env python3
"""Latency of the live pipeline from the CoT events received (see benchmarks/live-latency).

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
events = {}
for line in open(cot_file):
    arrival, xml = line.split(" ", 1)
    e = ET.fromstring(xml)
    if e.get("uid") not in events:  # the first arrival counts
        events[e.get("uid")] = (float(arrival), e)
lat = []
for uid, (arrival, e) in events.items():
    due = wall0 + (ts(e.get("time")) - t0) / speed
    lat.append(arrival - due)
lat.sort()
batch = [json.loads(l) for l in open(batch_file) if l.strip()]
# an incident of the batch run "arrived" when an event of the same kind and sector starts within 60 s of it
def same(b, e):
    w = e.find("detail/watchline")
    return w is not None and w.get("kind") == b["kind"] and w.get("sector") == b.get("sector") \
        and abs(ts(e.get("start")) - ts(b["start"])) <= 60
missing = [b["id"] for b in batch if not any(same(b, e) for _, e in events.values())]
late = re.search(r"rejected (\d+) late records", open(fuse_err).read())
late = int(late.group(1)) if late else 0
def pct(p):
    return lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))] if lat else float("nan")
print("speed=%gx batch=%d live=%d missing=%d p50=%.2fs p99=%.2fs max=%.2fs late=%d%s" % (
    speed, len(batch), len(events), len(missing), pct(50), pct(99), lat[-1] if lat else float("nan"), late,
    (" missing_ids=" + ",".join(missing)) if missing else ""))
