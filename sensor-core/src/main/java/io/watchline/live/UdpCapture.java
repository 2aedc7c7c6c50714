package io.watchline.live;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Listens on one or more UDP addresses (multicast groups joined) and presents every datagram as a
 * packet of one pcap capture, stamped with its arrival time: the ASTERIX pcap reader then reads it
 * as it reads a recorded capture, so the A and B groups of a radar are de-duplicated the same way
 * and a time of day takes its date from the arrival clock. Offsets in provenance are offsets in
 * this capture stream.
 */
public final class UdpCapture implements Closeable {
  /** Bytes of received datagrams held for the reader at most; beyond, datagrams are counted as dropped. */
  static final long BUDGET = 64L << 20;

  private final MessagePipe pipe = new MessagePipe(BUDGET);
  private final List<MulticastSocket> sockets = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong datagrams = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final String name;

  public UdpCapture(List<Endpoint> endpoints) throws IOException {
    List<String> names = new ArrayList<>();
    pipe.offer(globalHeader());
    try {
      for (Endpoint e : endpoints) {
        sockets.add(bind(e));
        names.add(e.toString());
      }
    } catch (IOException | RuntimeException x) {
      close();
      throw x;
    }
    this.name = String.join("+", names);
  }

  private static MulticastSocket bind(Endpoint e) throws IOException {
    MulticastSocket s = new MulticastSocket(null);
    s.setReuseAddress(true); // A and B groups often share a port
    s.setReceiveBufferSize(4 << 20);
    InetAddress group = InetAddress.getByName(e.host());
    try {
      s.bind(new InetSocketAddress(group.isMulticastAddress() ? null : group, e.port()));
      if (group.isMulticastAddress()) {
        NetworkInterface nif = e.networkInterface();
        s.joinGroup(new InetSocketAddress(group, e.port()), nif);
      }
    } catch (SocketException x) {
      s.close();
      throw new IOException("cannot listen on " + e + ": " + x.getMessage(), x);
    }
    return s;
  }

  /** Starts the receiving threads. */
  public void start() {
    for (MulticastSocket s : sockets) {
      Thread t = new Thread(() -> receive(s), "udp-" + s.getLocalPort());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void receive(MulticastSocket s) {
    byte[] buf = new byte[65_536];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    while (!s.isClosed()) {
      try {
        s.receive(p);
      } catch (IOException closed) {
        return;
      }
      long nowUs = java.time.Instant.now().toEpochMilli() * 1000; // the arrival clock
      datagrams.incrementAndGet();
      bytes.addAndGet(p.getLength());
      if (!pipe.offer(packet(nowUs, p, s))) {
        dropped.incrementAndGet();
      }
    }
  }

  /** A pcap record: raw IPv4 (link type 101), then UDP, then the payload. */
  private static byte[] packet(long us, DatagramPacket p, MulticastSocket s) {
    int n = p.getLength();
    ByteBuffer b = ByteBuffer.allocate(16 + 28 + n);
    b.putInt((int) (us / 1_000_000)).putInt((int) (us % 1_000_000)).putInt(28 + n).putInt(28 + n);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (28 + n)).putShort((short) 0).putShort((short) 0)
        .put((byte) 1).put((byte) 17).putShort((short) 0);
    b.put(ipv4(p.getAddress())).put(ipv4(s.getLocalAddress()));
    b.putShort((short) p.getPort()).putShort((short) s.getLocalPort()).putShort((short) (8 + n)).putShort((short) 0);
    b.put(p.getData(), p.getOffset(), n);
    return b.array();
  }

  private static byte[] ipv4(InetAddress a) {
    byte[] x = a == null ? null : a.getAddress();
    return x != null && x.length == 4 ? x : new byte[4];
  }

  private static byte[] globalHeader() {
    return ByteBuffer.allocate(24).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
        .putInt(65_535).putInt(101).array();
  }

  /** The capture, for the ASTERIX pcap reader; ends after {@link #close()}. */
  public InputStream stream() {
    return pipe;
  }

  public String name() {
    return name;
  }

  public long datagrams() {
    return datagrams.get();
  }

  public long bytes() {
    return bytes.get();
  }

  /** Datagrams refused because the reader fell too far behind (never silently: counted). */
  public long dropped() {
    return dropped.get();
  }

  /** Stops listening; the stream ends after what was received. */
  @Override
  public void close() {
    for (MulticastSocket s : sockets) {
      s.close();
    }
    for (Thread t : threads) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pipe.close();
  }
}
