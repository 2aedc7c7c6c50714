package io.watchline.feed.asterix;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * UDP payloads of a libpcap capture (microsecond or nanosecond, either byte order). Link types:
 * Ethernet (with VLAN tags), Linux cooked (SLL) and raw IPv4. Surveillance networks send every
 * payload on two multicast groups (A and B): an identical payload seen again within the dedup window
 * is skipped as a "duplicate multicast copy".
 */
final class PcapChunks extends Chunks {
  private static final int RING = 64;

  private final long windowMs;
  private boolean started;
  private boolean swapped;
  private boolean nanos;
  private int linkType;
  private final byte[][] recent = new byte[RING][];
  private final int[] recentHash = new int[RING];
  private final long[] recentMs = new long[RING];
  private int ringNext;

  PcapChunks(InputStream in, Events events, long windowMs) {
    super(in, events);
    this.windowMs = windowMs;
  }

  @Override
  String framingName() {
    return "pcap";
  }

  private boolean header() throws IOException {
    int got = in.readFully(buf, 0, 24);
    if (got < 24) {
      events.reject(0, "truncated pcap file header (" + got + " bytes)", buf, 0, got);
      return false;
    }
    int m = (buf[0] & 0xff) << 24 | (buf[1] & 0xff) << 16 | (buf[2] & 0xff) << 8 | (buf[3] & 0xff);
    swapped = m == 0xd4c3b2a1 || m == 0x4d3cb2a1;
    nanos = m == 0xa1b23c4d || m == 0x4d3cb2a1;
    linkType = (int) u32(buf, 20);
    if (linkType != 1 && linkType != 113 && linkType != 101 && linkType != 12 && linkType != 228) {
      events.reject(0, "pcap link type " + linkType + " is not supported (Ethernet, Linux SLL, raw IPv4)",
          buf, 0, 24);
      return false;
    }
    return true;
  }

  @Override
  boolean next() throws IOException {
    if (!started) {
      started = true;
      if (!header()) {
        return false;
      }
    }
    while (true) {
      long at = in.pos;
      int h = in.readFully(buf, 0, 16);
      if (h == 0) {
        return false;
      }
      if (h < 16) {
        events.reject(at, "truncated pcap record header at end of file", buf, 0, h);
        return false;
      }
      long sec = u32(buf, 0);
      long frac = u32(buf, 4);
      int incl = (int) Math.min(u32(buf, 8), Integer.MAX_VALUE);
      if (incl > MAX_CHUNK) {
        events.reject(at, "pcap record length " + incl + " is implausible", buf, 0, 16);
        return false;
      }
      ensure(incl);
      int got = in.readFully(buf, 0, incl);
      if (got < incl) {
        events.reject(at, "pcap packet length " + incl + " runs past end of file (" + got + " bytes left)",
            buf, 0, got);
        return false;
      }
      long ms = sec * 1000 + (nanos ? frac / 1_000_000 : frac / 1000);
      long packetStart = at + 16;
      int ip = linkHeader(incl);
      if (ip < 0 || ip + 20 > incl || (buf[ip] & 0xf0) != 0x40) {
        events.skip("pcap packet not IPv4/UDP");
        continue;
      }
      int ihl = (buf[ip] & 0x0f) * 4;
      int total = Framing.u16(buf, ip + 2);
      int frag = Framing.u16(buf, ip + 6);
      if ((buf[ip + 9] & 0xff) != 17) {
        events.skip("pcap packet not IPv4/UDP");
        continue;
      }
      if ((frag & 0x3fff) != 0) {
        events.reject(packetStart + ip, "IPv4 fragment (not reassembled)", buf, ip, Math.min(64, incl - ip));
        continue;
      }
      int udp = ip + ihl;
      int end = Math.min(incl, ip + total);
      if (udp + 8 > end) {
        events.reject(packetStart + ip, "truncated UDP header", buf, ip, incl - ip);
        continue;
      }
      int udpLen = Framing.u16(buf, udp + 4);
      int payload = udp + 8;
      int payloadEnd = Math.min(end, udp + Math.max(8, udpLen));
      if (isDuplicate(buf, payload, payloadEnd - payload, ms)) {
        events.skip("duplicate multicast copy");
        continue;
      }
      off = payload;
      len = payloadEnd - payload;
      fileOffset = packetStart + payload;
      contextMs = ms;
      return true;
    }
  }

  /** Offset of the IPv4 header in the packet, or -1 when it carries something else. */
  private int linkHeader(int incl) {
    switch (linkType) {
      case 1 -> {
        int p = 12;
        while (p + 2 <= incl) {
          int type = Framing.u16(buf, p);
          if (type == 0x8100 || type == 0x88a8) {
            p += 4;
            continue;
          }
          return type == 0x0800 ? p + 2 : -1;
        }
        return -1;
      }
      case 113 -> {
        return incl >= 16 && Framing.u16(buf, 14) == 0x0800 ? 16 : -1;
      }
      default -> {
        return 0;
      }
    }
  }

  private boolean isDuplicate(byte[] b, int p, int n, long ms) {
    int h = 1;
    for (int i = p; i < p + n; i++) {
      h = 31 * h + b[i];
    }
    for (int i = 0; i < RING; i++) {
      byte[] r = recent[i];
      if (r != null && recentHash[i] == h && r.length == n && Math.abs(ms - recentMs[i]) <= windowMs
          && Arrays.equals(r, 0, n, b, p, p + n)) {
        return true;
      }
    }
    recent[ringNext] = Arrays.copyOfRange(b, p, p + n);
    recentHash[ringNext] = h;
    recentMs[ringNext] = ms;
    ringNext = (ringNext + 1) % RING;
    return false;
  }

  private long u32(byte[] b, int p) {
    long v;
    if (swapped) {
      v = (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    } else {
      v = (b[p] & 0xffL) << 24 | (b[p + 1] & 0xffL) << 16 | (b[p + 2] & 0xffL) << 8 | (b[p + 3] & 0xffL);
    }
    return v;
  }
}
