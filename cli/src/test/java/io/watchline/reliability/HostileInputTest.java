package io.watchline.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.watchline.feed.Reject;
import io.watchline.observation.Observation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs built to hurt: XML external entities that would read a local file, entity expansion
 * bombs, and single records of 2 GB (generated on the fly, never written to disk). Every XML
 * reader must refuse entities without leaking or blowing up, and every reader must skip an
 * oversized record with a reject and carry on with the next one in flat memory.
 */
class HostileInputTest {
  @TempDir Path tmp;

  /** An XML document for a reader: DTD internal subset and an entity reference in a used field. */
  record XmlShape(FeedTarget target, Function<String[], String> document) {
    @Override
    public String toString() {
      return target.name();
    }
  }

  static final String T = "2026-11-27T23:14:05Z";

  static List<XmlShape> xmlReaders() {
    return List.of(
        new XmlShape(Targets.GPX, p -> "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [" + p[0] + "]>\n"
            + "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><trkseg>\n"
            + "<trkpt lat=\"42.1\" lon=\"19.3\"><time>" + p[1] + "</time></trkpt>\n"
            + "<trkpt lat=\"42.2\" lon=\"19.4\"><time>" + T + "</time></trkpt>\n"
            + "</trkseg></trk></gpx>\n"),
        new XmlShape(Targets.COT, p -> "<?xml version=\"1.0\"?>\n<!DOCTYPE event [" + p[0] + "]>\n"
            + "<event version=\"2.0\" uid=\"U-1\" type=\"a-f-G-U-C\" time=\"" + T + "\" start=\"" + T
            + "\" stale=\"" + T + "\" how=\"m-g\"><point lat=\"42.1\" lon=\"19.3\" hae=\"0\" ce=\"5\" le=\"5\"/>"
            + "<detail><contact callsign=\"X\"/><remarks>" + p[1] + "</remarks></detail></event>\n"
            + "<event version=\"2.0\" uid=\"U-2\" type=\"a-f-G-U-C\" time=\"" + T + "\" start=\"" + T
            + "\" stale=\"" + T + "\" how=\"m-g\"><point lat=\"42.2\" lon=\"19.4\" hae=\"0\" ce=\"5\" le=\"5\"/>"
            + "<detail><contact callsign=\"Y\"/></detail></event>\n"),
        new XmlShape(Targets.ONVIF, p -> "<?xml version=\"1.0\"?>\n<!DOCTYPE tt:MetadataStream [" + p[0] + "]>\n"
            + ONVIF_HEAD + "<tt:Object ObjectId=\"1\"><tt:Appearance><tt:Shape>" + BOX
            + "</tt:Shape><tt:Class><tt:Type Likelihood=\"0.9\">" + p[1] + "</tt:Type></tt:Class></tt:Appearance></tt:Object>\n"
            + "<tt:Object ObjectId=\"2\"><tt:Appearance><tt:Shape>" + BOX
            + "</tt:Shape></tt:Appearance></tt:Object>\n" + ONVIF_TAIL));
  }

  static final String ONVIF_HEAD = "<tt:MetadataStream xmlns:tt=\"http://www.onvif.org/ver10/schema\"><tt:VideoAnalytics>"
      + "<tt:Frame UtcTime=\"2026-11-27T23:14:05.250Z\" Source=\"TC-01\">\n";
  static final String ONVIF_TAIL = "</tt:Frame></tt:VideoAnalytics></tt:MetadataStream>\n";
  static final String BOX = "<tt:BoundingBox left=\"0.2\" top=\"0.3\" right=\"0.4\" bottom=\"0.1\"/>";

  static List<Arguments> xmlReadersArgs() {
    List<Arguments> out = new ArrayList<>();
    for (XmlShape s : xmlReaders()) {
      out.add(Arguments.of(s));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xmlReadersArgs")
  void externalEntityDoesNotLeakALocalFile(XmlShape shape) throws Exception {
    String secret = "WATCHLINE-SECRET-" + System.nanoTime();
    Path file = tmp.resolve("secret.txt");
    Files.writeString(file, secret);
    String doc = shape.document().apply(new String[] {
        "<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">", "&xxe;"});
    FeedRun run = FeedRun.check(shape.target(), doc.getBytes(StandardCharsets.UTF_8));
    assertThat(everything(run)).doesNotContain(secret);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xmlReadersArgs")
  void entityExpansionBombFailsFastWithAReject(XmlShape shape) {
    StringBuilder dtd = new StringBuilder("<!ENTITY lol \"lollollollollollollollollollol\">");
    for (int i = 1; i <= 12; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) {
        dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      dtd.append("\">");
    }
    byte[] doc = shape.document().apply(new String[] {dtd.toString(), "&lol12;"}).getBytes(StandardCharsets.UTF_8);
    FeedRun run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> FeedRun.check(shape.target(), doc));
    assertThat(run.rejects()).as("the bomb is rejected, not expanded or dropped silently").isNotEmpty();
    assertThat(everything(run)).doesNotContain("lollollollollollollollollollollol");
  }

  /** Every text a run produced, where a leaked or expanded entity would show up. */
  private static String everything(FeedRun run) {
    StringBuilder sb = new StringBuilder();
    for (Observation o : run.observations()) {
      sb.append(o).append('\n');
    }
    for (Reject r : run.rejects()) {
      sb.append(r).append('\n');
    }
    return sb.toString();
  }

  // ---- 2 GB records ----

  /** A record of {@code size} filler bytes between a prefix and a suffix, then a good record. */
  record Huge(FeedTarget target, String prefix, byte filler, String suffix, String next) {
    @Override
    public String toString() {
      return target.name();
    }
  }

  static List<Arguments> hugeRecords() {
    String nextNdjson = "{\"t\":\"" + "2026-11-27T23:14:06.000Z" + "\",\"kind\":\"patrol\",\"lat\":42.2,\"lon\":19.4}\n";
    String nextNmea = "$GPRMC,231406.00,A,4212.000,N,01924.000,E,0.0,0.0,271126,,,A*" + "00\n";
    return List.of(
        Arguments.of(new Huge(Targets.NDJSON, "{\"t\":\"", (byte) 'x', "\"}\n", nextNdjson), 1),
        Arguments.of(new Huge(Targets.NMEA, "$GPRMC,", (byte) '9', "*00\n", fixChecksum(nextNmea)), 1),
        Arguments.of(new Huge(Targets.COT, "<event version=\"2.0\" uid=\"", (byte) 'u', "\"></event>\n",
            "<event version=\"2.0\" uid=\"U-2\" type=\"a-f-G-U-C\" time=\"" + T + "\" start=\"" + T
                + "\" stale=\"" + T + "\" how=\"m-g\"><point lat=\"42.2\" lon=\"19.4\" hae=\"0\" ce=\"5\" le=\"5\"/></event>\n"), 1),
        Arguments.of(new Huge(Targets.GPX, "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\"><trk><trkseg>\n"
            + "<trkpt lat=\"42.2\" lon=\"19.4\"><time>" + T + "</time></trkpt>\n<trkpt lat=\"42.1\" lon=\"19.3\"><name>",
            (byte) 'n', "</name><time>" + T + "</time></trkpt>\n", "</trkseg></trk></gpx>\n"), 1),
        Arguments.of(new Huge(Targets.ONVIF, "<?xml version=\"1.0\"?>\n" + ONVIF_HEAD
            + "<tt:Object ObjectId=\"1\"><tt:Appearance><tt:Shape>" + BOX + "</tt:Shape></tt:Appearance></tt:Object>\n"
            + "<tt:Object ObjectId=\"2\"><tt:Appearance><tt:Class><tt:Type>", (byte) 'h',
            "</tt:Type></tt:Class></tt:Appearance></tt:Object>\n", ONVIF_TAIL), 1),
        // A pcap record header claiming a 2 GB packet: refused before any buffer is grown.
        Arguments.of(new Huge(Targets.ASTERIX, PCAP_HEADER, (byte) 0, "", ""), 0));
  }

  /** pcap global header (little-endian, Ethernet) and a record header with incl_len 0x7FFFFFFF. */
  static final String PCAP_HEADER = new String(new byte[] {
      (byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      (byte) 0xff, (byte) 0xff, 0, 0, 1, 0, 0, 0,
      0x10, 0x20, 0x2b, 0x57, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f,
      (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}, StandardCharsets.ISO_8859_1);

  static String fixChecksum(String sentence) {
    int star = sentence.indexOf('*');
    int sum = 0;
    for (int i = 1; i < star; i++) {
      sum ^= sentence.charAt(i);
    }
    return sentence.substring(0, star + 1) + String.format("%02X", sum) + "\n";
  }

  static final long TWO_GB = Long.getLong("watchline.hostile.bytes", 2L << 30);

  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeRecords")
  void twoGigabyteRecordIsRejectedInFlatMemory(Huge h, int expectedAfter) {
    long used = usedHeap();
    InputStream in = new GeneratedStream(h.prefix(), h.filler(), TWO_GB, h.suffix() + h.next());
    byte[] sample = (h.prefix() + "…" + h.suffix() + h.next()).getBytes(StandardCharsets.ISO_8859_1);
    FeedRun run = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> FeedRun.read(h.target(), in, sample));
    assertThat(run.rejects()).as("the oversized record is rejected").isNotEmpty();
    Reject r = run.rejects().get(0);
    assertThat(r.src().offset()).isBetween(0L, TWO_GB);
    assertThat(r.excerpt() == null ? 0 : r.excerpt().length()).as("excerpt stays short").isLessThan(1024);
    assertThat(run.observations()).as("the record after it is kept").hasSizeGreaterThanOrEqualTo(expectedAfter);
    assertThat(usedHeap() - used).as("heap growth").isLessThan(256L << 20);
  }

  private static long usedHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** prefix + n filler bytes + suffix, generated as read: 2 GB without 2 GB anywhere. */
  static final class GeneratedStream extends InputStream {
    private final byte[] prefix;
    private final byte[] suffix;
    private final byte filler;
    private final long total;
    private long pos;

    GeneratedStream(String prefix, byte filler, long fillerBytes, String suffix) {
      this.prefix = prefix.getBytes(StandardCharsets.ISO_8859_1);
      this.suffix = suffix.getBytes(StandardCharsets.ISO_8859_1);
      this.filler = filler;
      this.total = this.prefix.length + fillerBytes + this.suffix.length;
    }

    private byte at(long i) {
      if (i < prefix.length) {
        return prefix[(int) i];
      }
      long s = i - (total - suffix.length);
      return s >= 0 ? suffix[(int) s] : filler;
    }

    @Override
    public int read() {
      return pos < total ? at(pos++) & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - pos);
      long fillFrom = prefix.length;
      long fillTo = total - suffix.length;
      if (pos >= fillFrom && pos + n <= fillTo) {
        java.util.Arrays.fill(b, off, off + n, filler);
      } else {
        for (int i = 0; i < n; i++) {
          b[off + i] = at(pos + i);
        }
      }
      pos += n;
      return n;
    }
  }
}
