package io.watchline.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Opens a {@link Sender} for an endpoint: UDP (unicast or multicast), TCP or TLS. */
public final class Senders {
  /** Largest UDP payload over IPv4. */
  public static final int MAX_DATAGRAM = 65_507;

  private Senders() {}

  /**
   * Client certificate and trusted servers for {@code tls://}.
   *
   * @param keyStore PKCS#12 file with the client key and certificate (null: no client certificate)
   * @param keyPassword its password
   * @param trustStore PKCS#12 file of trusted server certificates (null: the JDK's default CAs)
   * @param trustPassword its password
   */
  public record Tls(Path keyStore, char[] keyPassword, Path trustStore, char[] trustPassword) {
    public static final Tls NONE = new Tls(null, null, null, null);

    SSLContext context() throws IOException {
      try {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
          kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
          kmf.init(load(keyStore, keyPassword), keyPassword);
        }
        TrustManagerFactory tmf = null;
        if (trustStore != null) {
          tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
          tmf.init(load(trustStore, trustPassword));
        }
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return c;
      } catch (GeneralSecurityException e) {
        throw new IOException("TLS set-up failed: " + e.getMessage(), e);
      }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        ks.load(in, password);
      } catch (IOException e) {
        throw new IOException(file + ": cannot open the PKCS#12 file (" + e.getMessage() + ")", e);
      }
      return ks;
    }
  }

  /**
   * Opens a sender; a TCP or TLS endpoint is connected at once, retrying for {@code connectWaitMs}
   * while nobody listens yet (the receiver may be starting).
   */
  public static Sender open(Endpoint e, Tls tls, long connectWaitMs) throws IOException {
    return switch (e.scheme()) {
      case UDP -> new Udp(e);
      case TCP, TLS -> new Stream(connect(e, tls, connectWaitMs));
    };
  }

  private static Socket connect(Endpoint e, Tls tls, long waitMs) throws IOException {
    long until = System.nanoTime() + waitMs * 1_000_000L;
    while (true) {
      Socket s = new Socket();
      try {
        s.connect(e.socketAddress(), 5000);
        s.setTcpNoDelay(true);
        if (e.scheme() != Endpoint.Scheme.TLS) {
          return s;
        }
        SSLSocket ssl = (SSLSocket) tls.context().getSocketFactory()
            .createSocket(s, e.host(), e.port(), true);
        ssl.startHandshake();
        return ssl;
      } catch (java.net.ConnectException refused) {
        s.close();
        if (System.nanoTime() > until) {
          throw new IOException("cannot connect to " + e + ": " + refused.getMessage(), refused);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while connecting to " + e, ie);
        }
      } catch (IOException other) {
        s.close();
        throw new IOException(e + ": " + other.getMessage(), other);
      }
    }
  }

  private abstract static class Counting implements Sender {
    long messages;
    long bytes;

    @Override
    public long messages() {
      return messages;
    }

    @Override
    public long bytes() {
      return bytes;
    }
  }

  private static final class Udp extends Counting {
    private final MulticastSocket socket;
    private final InetSocketAddress to;

    Udp(Endpoint e) throws IOException {
      this.to = e.socketAddress();
      this.socket = new MulticastSocket();
      if (e.multicast()) {
        socket.setTimeToLive(1); // stay on the local segment, as a radar's multicast does
        socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        if (e.networkInterface() != null) {
          socket.setNetworkInterface(e.networkInterface());
        }
      }
    }

    @Override
    public void send(byte[] m) throws IOException {
      if (m.length > MAX_DATAGRAM) {
        throw new IOException("message of " + m.length + " bytes does not fit one UDP datagram (" + MAX_DATAGRAM + ")");
      }
      socket.send(new DatagramPacket(m, m.length, to));
      messages++;
      bytes += m.length;
    }

    @Override
    public int maxMessage() {
      return MAX_DATAGRAM;
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  private static final class Stream extends Counting {
    private final Socket socket;
    private final OutputStream out;

    Stream(Socket socket) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
    }

    @Override
    public void send(byte[] m) throws IOException {
      out.write(m);
      out.flush();
      messages++;
      bytes += m.length;
    }

    @Override
    public int maxMessage() {
      return Integer.MAX_VALUE;
    }

    @Override
    public void close() throws IOException {
      try {
        out.flush();
      } finally {
        socket.close();
      }
    }
  }
}
