#!/usr/bin/env python3
"""Receives CoT events over UDP and writes one line per datagram: arrival (epoch s) and the event."""
import socket, sys

port, out = int(sys.argv[1]), sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
with open(out, "w") as f:
    while True:
        data, _ = s.recvfrom(65535)
        import time
        f.write("%.6f %s\n" % (time.time(), data.decode("utf-8", "replace").replace("\n", " ")))
        f.flush()
