#!/usr/bin/env python3
"""Wraps the ASTERIX blocks of a FINAL recording or a raw block file in UDP packets of a pcap.

tshark dissects ASTERIX only inside UDP (port 8600), so `benchmarks/ingest-vs-peers` gives it the
same blocks this way: one packet per FINAL frame (its time taken from the frame header, on the
given date), one packet per block of a raw file (one second apart).

    asterix-to-pcap.py final|raw IN OUT.pcap [YYYY-MM-DD]
"""
import datetime
import struct
import sys


def frames_final(data):
    """Payloads of FINAL frames: 2-byte length, board, line, day, 3-byte time (10 ms), blocks, A5A5A5A5."""
    p = 0
    while p + 12 <= len(data):
        n = struct.unpack_from(">H", data, p)[0]
        if n < 12 or p + n > len(data):
            raise SystemExit(f"FINAL frame at {p} has length {n}, past the end")
        centis = int.from_bytes(data[p + 5:p + 8], "big")
        yield centis / 100.0, data[p + 8:p + n - 4]
        p += n


def frames_raw(data):
    """One payload per ASTERIX block (CAT, 2-byte LEN including the header)."""
    p = 0
    t = 0.0
    while p + 3 <= len(data):
        n = struct.unpack_from(">H", data, p + 1)[0]
        if n < 3 or p + n > len(data):
            raise SystemExit(f"block at {p} has length {n}, past the end")
        yield t, data[p:p + n]
        t += 1.0
        p += n


def udp_frame(payload):
    """Ethernet + IPv4 + UDP to port 8600 (checksums left zero: tshark does not check them)."""
    udp = struct.pack(">HHHH", 8600, 8600, 8 + len(payload), 0) + payload
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                     bytes([10, 0, 0, 1]), bytes([239, 0, 0, 1]))
    eth = bytes.fromhex("01005e000001" "020000000001") + b"\x08\x00"
    return eth + ip + udp


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("final", "raw"):
        raise SystemExit(__doc__)
    kind, src, dst = sys.argv[1:4]
    day = datetime.date.fromisoformat(sys.argv[4] if len(sys.argv) == 5 else "2026-11-27")
    midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp()
    data = open(src, "rb").read()
    frames = frames_final(data) if kind == "final" else frames_raw(data)
    with open(dst, "wb") as out:
        out.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for tod, payload in frames:
            pkt = udp_frame(payload)
            sec = midnight + tod
            out.write(struct.pack("<IIII", int(sec), int(round((sec % 1) * 1e6)) % 1000000, len(pkt), len(pkt)))
            out.write(pkt)


if __name__ == "__main__":
    main()
