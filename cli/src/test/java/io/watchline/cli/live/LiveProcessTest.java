package io.watchline.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a real process shows for the live commands: a signal that flushes and closes the
 * output and prints the counts, and a TLS connection with a client certificate whose password
 * comes from the environment. Each test starts the command line in a JVM of its own.
 */
class LiveProcessTest {
  @TempDir Path dir;

  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  static final String KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  static final String CP = System.getProperty("java.class.path");

  static String line(int i) {
    return String.format(Locale.ROOT,
        "{\"t\":\"2026-11-27T23:00:%02d.000Z\",\"kind\":\"radar\",\"sensor\":\"RDR-1\",\"lat\":42.%06d,\"lon\":19.05}", i, i);
  }

  @Test
  void sigtermFlushesClosesAndCountsWhatWasReceived() throws Exception {
    int port = LiveLoopbackTest.freeTcpPort();
    Path out = dir.resolve("live.ndjson");
    Process p = new ProcessBuilder(JAVA, "-cp", CP, "io.watchline.cli.Main", "ingest", "--listen", "tcp://127.0.0.1:" + port,
        "-o", out.toString()).redirectError(dir.resolve("err.txt").toFile()).start();
    try (Socket s = connect(port)) {
      OutputStream o = s.getOutputStream();
      for (int i = 0; i < 20; i++) {
        o.write((line(i) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      o.flush(); // and the connection stays open
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((!Files.exists(out) || Files.readAllLines(out).size() < 20) && System.nanoTime() < until) {
        Thread.sleep(50);
      }
      assertThat(Files.readAllLines(out)).as("written while the run goes on").hasSize(20);
      assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).isEqualTo(143);
    String err = Files.readString(dir.resolve("err.txt"));
    assertThat(err).contains("read 20 = accepted 20").contains("1 TCP connections; wrote 20 observations");
    assertThat(Files.readAllLines(out)).hasSize(20).allMatch(l -> l.startsWith("{\"t\":\"2026-11-27T23:00:"));
  }

  @Test
  void exportSendsOverTlsWithAClientCertificate() throws Exception {
    keys("server");
    keys("client");
    trust("client", "server-trusts.p12");
    trust("server", "client-trusts.p12");
    Path incidents = dir.resolve("incidents.ndjson");
    Files.writeString(incidents, "{\"id\":\"INC-20261127-0007\",\"start\":\"2026-11-27T23:00:00Z\",\"end\":\"2026-11-27T23:10:00Z\","
        + "\"lat\":42.4,\"lon\":19.5,\"sector\":\"S-04\",\"side\":\"ALB→MNE\",\"kind\":\"crossing\",\"score\":0.9,"
        + "\"evidence\":[{\"file\":\"radar.ast\",\"offset\":12}]}\n");
    try (SSLServerSocket server = (SSLServerSocket) serverContext().getServerSocketFactory().createServerSocket(0)) {
      server.setNeedClientAuth(true);
      ProcessBuilder pb = new ProcessBuilder(JAVA, "-cp", CP, "io.watchline.cli.Main", "export", incidents.toString(), "-f", "cot",
          "--send", "tls://127.0.0.1:" + server.getLocalPort(), "--cert", dir.resolve("client.p12").toString(),
          "--trust", dir.resolve("client-trusts.p12").toString()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("export.txt").toFile());
      pb.environment().put("WATCHLINE_CERT_PASSWORD", "s3cret");
      Process p = pb.start();
      String received;
      try (Socket s = server.accept()) {
        received = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        p.destroyForcibly();
      }
      assertThat(p.exitValue()).as(Files.readString(dir.resolve("export.txt"))).isZero();
      assertThat(received.lines().toList()).hasSize(1);
      assertThat(received).contains("uid=\"INC-20261127-0007\"", "type=\"a-h-G\"", "callsign=\"crossing S-04 #0007\"",
          "evidence_count=\"1\"", "evidence_ref=\"INC-20261127-0007\"");
    }
  }

  private SSLContext serverContext() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(dir.resolve("server.p12"))) {
      ks.load(in, "s3cret".toCharArray());
    }
    kmf.init(ks, "s3cret".toCharArray());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(dir.resolve("server-trusts.p12"))) {
      ts.load(in, "s3cret".toCharArray());
    }
    tmf.init(ts);
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return c;
  }

  private void keys(String name) throws Exception {
    keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
        "-validity", "2", "-storetype", "PKCS12", "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "s3cret",
        "-ext", "SAN=ip:127.0.0.1");
    keytool("-exportcert", "-alias", name, "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "s3cret",
        "-file", dir.resolve(name + ".crt").toString());
  }

  private void trust(String name, String store) throws Exception {
    keytool("-importcert", "-noprompt", "-alias", name, "-file", dir.resolve(name + ".crt").toString(), "-storetype", "PKCS12",
        "-keystore", dir.resolve(store).toString(), "-storepass", "s3cret");
  }

  private void keytool(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(KEYTOOL));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  private static Socket connect(int port) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return new Socket("127.0.0.1", port);
      } catch (java.net.ConnectException notYet) {
        if (System.nanoTime() > until) throw notYet;
        Thread.sleep(100);
      }
    }
  }
}
