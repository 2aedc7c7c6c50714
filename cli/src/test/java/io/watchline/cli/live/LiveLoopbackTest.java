package io.watchline.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watchline.cli.Main;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The live pipe end to end on loopback: a simulated night in the real formats (ten minutes) is
 * replayed at 20x (radar ASTERIX over UDP, cameras' ONVIF and patrols' NMEA over TCP) into
 * {@code ingest --listen} -> {@code fuse --follow} -> {@code export -f cot --send udp://} and a
 * listener here. Every incident the batch run finds in the same files must arrive as one CoT event
 * that fits a datagram. The commands run in this JVM, joined by named pipes; each one's latency
 * (the CoT event's arrival after its last observation was due to be sent) is printed, not
 * asserted: timing belongs to benchmarks/live-latency.
 */
class LiveLoopbackTest {
  @TempDir Path dir;

  static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  static final String BORDER = ROOT.resolve("fixtures/data/borders/mne-alb.geojson").toString();
  static final String SITES = ROOT.resolve("fixtures/data/demo/sites.yaml").toString();
  static final double SPEED = 20;

  record Received(long arrivalMs, String xml) {}

  @Test
  void everyBatchIncidentArrivesAsCotFromTheLivePipe() throws Exception {
    Path night = dir.resolve("night");
    assertThat(Main.run("simulate", "-q", "--seed", "3", "--formats", "real", "--from", "23:00", "--to", "23:10",
        "--output-dir", night.toString())).isZero();
    List<String> feeds = new ArrayList<>();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(night, "{radar,thermal,patrol}-*")) {
      d.forEach(p -> feeds.add(p.toString()));
    }
    feeds.sort(null);

    // the batch run over the same files
    Path obs = dir.resolve("obs.ndjson");
    Path batch = dir.resolve("batch.ndjson");
    List<String> ingest = new ArrayList<>(List.of("ingest", "-q", "--sites", SITES, "--date", "2026-11-27", "-o", obs.toString()));
    ingest.addAll(feeds);
    assertThat(Main.run(ingest.toArray(String[]::new))).isZero();
    assertThat(Main.run("fuse", "-q", obs.toString(), "--border", BORDER, "--sites", SITES, "-o", batch.toString())).isZero();
    List<JsonNode> expected = new ArrayList<>();
    for (String l : Files.readAllLines(batch)) expected.add(new ObjectMapper().readTree(l));
    assertThat(expected).as("the window must hold incidents for the test to mean something").isNotEmpty();
    Instant t0 = Files.lines(obs).map(l -> Instant.parse(l.substring(6, l.indexOf('"', 6)))).min(Instant::compareTo).orElseThrow();

    // the live run
    Path obsPipe = fifo("obs.fifo");
    Path incPipe = fifo("inc.fifo");
    int udp = freeUdpPort();
    int tcp = freeTcpPort();
    List<Received> received = new CopyOnWriteArrayList<>();
    try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      CompletableFuture<Void> listening = CompletableFuture.runAsync(() -> receive(listener, received));
      CompletableFuture<Integer> ingesting = CompletableFuture.supplyAsync(() -> Main.run("ingest", "-q",
          "--listen", "udp://127.0.0.1:" + udp, "--listen", "tcp://127.0.0.1:" + tcp, "--sites", SITES,
          "--date", "2026-11-27", "--stop-after-idle", "2s", "-o", obsPipe.toString()));
      CompletableFuture<Integer> fusing = CompletableFuture.supplyAsync(() -> Main.run("fuse", "-q", "--follow",
          obsPipe.toString(), "--max-delay", "5s", "--border", BORDER, "--sites", SITES, "-o", incPipe.toString()));
      CompletableFuture<Integer> exporting = CompletableFuture.supplyAsync(() -> Main.run("export", "-q",
          incPipe.toString(), "-f", "cot", "--send", "udp://127.0.0.1:" + listener.getLocalPort()));
      List<String> replay = new ArrayList<>(List.of("replay", "-q", "--date", "2026-11-27", "--sites", SITES,
          "--speed", Double.toString(SPEED), "--send", "udp://127.0.0.1:" + udp, "--send", "tcp://127.0.0.1:" + tcp));
      replay.addAll(feeds);
      long started = System.currentTimeMillis();
      assertThat(Main.run(replay.toArray(String[]::new))).isZero();
      assertThat(ingesting.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(fusing.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(exporting.get(60, TimeUnit.SECONDS)).isZero();
      Thread.sleep(200); // the last datagram on its way
      listener.close();
      listening.get(10, TimeUnit.SECONDS);

      List<Element> events = new ArrayList<>();
      for (Received r : received) {
        assertThat(r.xml.getBytes(StandardCharsets.UTF_8).length).isLessThan(65_507);
        Element e = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new InputSource(new StringReader(r.xml))).getDocumentElement();
        events.add(e);
        Instant end = Instant.parse(e.getAttribute("time"));
        double latency = (r.arrivalMs - started - (end.toEpochMilli() - t0.toEpochMilli()) / SPEED) / 1000.0;
        System.err.printf("live loopback: %s %s arrived %.1f s after its last observation was due%n",
            e.getAttribute("uid"), callsign(e), latency);
      }
      // an incident's versions share its uid; the last one to arrive is its final version
      java.util.Map<String, Element> finals = new java.util.LinkedHashMap<>();
      for (Element e : events) finals.put(e.getAttribute("uid"), e);
      for (JsonNode b : expected) {
        assertThat(finals.values()).as("incident " + b.get("id") + " of the batch run").anySatisfy(e -> {
          Element w = (Element) e.getElementsByTagName("watchline").item(0);
          assertThat(w.getAttribute("kind")).isEqualTo(b.get("kind").asText());
          assertThat(w.getAttribute("sector")).isEqualTo(b.get("sector").asText());
          assertThat(Math.abs(Instant.parse(e.getAttribute("start")).toEpochMilli()
              - Instant.parse(b.get("start").asText()).toEpochMilli())).isLessThan(60_000);
          assertThat(callsign(e)).startsWith(b.get("kind").asText() + " " + b.get("sector").asText());
          assertThat(w.getAttribute("evidence_count")).isEqualTo(Integer.toString(b.get("evidence").size()));
        });
      }
    }
  }

  private static String callsign(Element e) {
    return ((Element) e.getElementsByTagName("contact").item(0)).getAttribute("callsign");
  }

  private static void receive(DatagramSocket s, List<Received> into) {
    byte[] buf = new byte[65_536];
    while (true) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        s.receive(p);
      } catch (SocketException closed) {
        return;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      into.add(new Received(System.currentTimeMillis(), new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)));
    }
  }

  private Path fifo(String name) throws Exception {
    Path p = dir.resolve(name);
    assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
    return p;
  }

  static int freeUdpPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  static int freeTcpPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
