package io.watchline.live;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A network address given on the command line: {@code udp://HOST:PORT[?iface=NAME]}, {@code
 * tcp://HOST:PORT} or {@code tls://HOST:PORT}. For a multicast UDP group, {@code iface} names the
 * interface to join it on (or to send from).
 */
public record Endpoint(Scheme scheme, String host, int port, String iface) {
  /** The transports. */
  public enum Scheme { UDP, TCP, TLS }

  /**
   * Parses an endpoint.
   *
   * @throws IllegalArgumentException with a message naming what is wrong
   */
  public static Endpoint parse(String text) {
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not an address like udp://239.1.2.3:4000 or tcp://host:8087");
    }
    if (u.getScheme() == null || u.getHost() == null || u.getPort() < 0) {
      throw new IllegalArgumentException("'" + text + "' needs a scheme, host and port, e.g. udp://239.1.2.3:4000");
    }
    Scheme s;
    try {
      s = Scheme.valueOf(u.getScheme().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': the scheme must be udp, tcp or tls, not " + u.getScheme());
    }
    String iface = null;
    if (u.getQuery() != null) {
      for (String kv : u.getQuery().split("&")) {
        if (kv.startsWith("iface=")) {
          iface = kv.substring(6);
        } else {
          throw new IllegalArgumentException("'" + text + "': unknown parameter '" + kv + "' (only iface=NAME)");
        }
      }
    }
    if (iface != null && s != Scheme.UDP) {
      throw new IllegalArgumentException("'" + text + "': iface= is for udp multicast only");
    }
    return new Endpoint(s, u.getHost(), u.getPort(), iface);
  }

  public InetSocketAddress socketAddress() throws UnknownHostException {
    return new InetSocketAddress(InetAddress.getByName(host), port);
  }

  public boolean multicast() throws UnknownHostException {
    return InetAddress.getByName(host).isMulticastAddress();
  }

  /** The interface named by {@code iface}, or null when none was given. */
  public NetworkInterface networkInterface() throws SocketException {
    if (iface == null) {
      return null;
    }
    NetworkInterface n = NetworkInterface.getByName(iface);
    if (n == null) {
      throw new IllegalArgumentException("no network interface named '" + iface + "'");
    }
    return n;
  }

  @Override
  public String toString() {
    return scheme.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port + (iface == null ? "" : "?iface=" + iface);
  }
}
