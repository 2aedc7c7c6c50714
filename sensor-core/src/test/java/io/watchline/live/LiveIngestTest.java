package io.watchline.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.TestData;
import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Loopback: ASTERIX blocks sent to an A and a B port arrive once each (the B copies counted as
 * duplicates), a patrol's NMEA log over TCP arrives whole, and every record received before the
 * idle stop is written.
 */
class LiveIngestTest {
  @Test
  void udpAandBAreDeduplicatedAndTcpFeedsArriveWhole() throws Exception {
    int portA = freeUdpPort();
    int portB = freeUdpPort();
    int tcp = freeTcpPort();
    List<Observation> out = Collections.synchronizedList(new ArrayList<>());
    FeedOptions options = FeedOptions.defaults().withDate(LocalDate.of(2026, 11, 27));
    LiveIngest live = new LiveIngest(options, SiteRegistry.empty(), r -> {}, FeedFormat.AUTO);
    live.listenUdp(List.of(Endpoint.parse("udp://127.0.0.1:" + portA), Endpoint.parse("udp://127.0.0.1:" + portB)));
    live.listenTcp(Endpoint.parse("tcp://127.0.0.1:" + tcp));
    CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
      try {
        live.run(new LiveIngest.Output() {
          @Override
          public void write(Observation o) {
            out.add(o);
          }

          @Override
          public void flush() {}
        }, 1500);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });

    int blocks = 50;
    try (DatagramSocket s = new DatagramSocket()) {
      for (int i = 0; i < blocks; i++) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Cat048Writer w = new Cat048Writer(b, 1, 2, 0)) {
          w.write(Instant.parse("2026-11-27T23:00:00Z").plusSeconds(i), 5000 + i, 45, 7, Double.NaN, Double.NaN);
        }
        byte[] block = b.toByteArray();
        s.send(new DatagramPacket(block, block.length, new InetSocketAddress("127.0.0.1", portA)));
        s.send(new DatagramPacket(block, block.length, new InetSocketAddress("127.0.0.1", portB)));
        Thread.sleep(2); // a radar paces its blocks; loopback buffers are small
      }
    }
    byte[] nmea = Files.readAllBytes(TestData.fixture("nmea/bu353s4.log"));
    try (Socket s = new Socket("127.0.0.1", tcp)) {
      for (int i = 0; i < nmea.length; i += 500) { // in pieces, as a slow link delivers it
        s.getOutputStream().write(nmea, i, Math.min(500, nmea.length - i));
        s.getOutputStream().flush();
      }
    }
    run.get(30, TimeUnit.SECONDS);

    List<Observation> radar = out.stream().filter(o -> o.kind() == Kind.RADAR).toList();
    assertThat(radar).hasSize(blocks);
    assertThat(radar.get(0).t()).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
    assertThat(radar.get(blocks - 1).t()).isEqualTo(Instant.parse("2026-11-27T23:00:49Z"));
    assertThat(live.udp().datagrams()).isEqualTo(2L * blocks);
    assertThat(live.udp().dropped()).isZero();
    LiveIngest.SourceResult udp = live.results().stream().filter(r -> r.name().startsWith("udp")).findFirst().orElseThrow();
    assertThat(udp.stats().skippedByReason()).containsEntry("duplicate multicast copy", (long) blocks);

    // the same log read from the file gives the same fixes
    List<Observation> fromFile = TestData.readAll(io.watchline.feed.Feeds.open(TestData.fixture("nmea/bu353s4.log"),
        FeedFormat.AUTO, options, SiteRegistry.empty(), r -> {}));
    List<Observation> patrol = out.stream().filter(o -> o.kind() == Kind.PATROL).toList();
    assertThat(patrol).hasSize(fromFile.size()).isNotEmpty();
    assertThat(patrol.get(patrol.size() - 1).t()).isEqualTo(fromFile.get(fromFile.size() - 1).t());
    assertThat(live.connections()).isEqualTo(1);
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
