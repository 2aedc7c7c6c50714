package io.watchline.feed.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.ReadStats;
import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner must never change what the reader says: every stream is read twice, with the scanner
 * and with the XML parser alone, and fixes, rejects (reason, offset, excerpt) and counts must be
 * identical, on the real captures and on mutants of them built to hit the subset's edges.
 */
class PlainEventScannerTest {
  private static final String[] SNIPPETS = {
    "<!-- c -->", "<![CDATA[x]]>", "&amp;", "&lt;", "&#65;", "&x;", "<?pi x?>", "<?xml version=\"1.0\"?>",
    "<!DOCTYPE event>", " a=\"1\"", " uid='q'", " uid=\"r\"", "</event>", "<event>", "<event ", "/>", "]]>", "]]",
    "\r\n", "\t", "<x/>", "<point lat=\"1.5\" lon=\"2\"/>", "<point lat='3'/>", "<track speed='2' course=\"x\"/>",
    "<contact callsign=\"B&amp;1\"/>", " lat=\"1\"", "é", "\u00ff", "<a:b/>", "<:x/>", "<x.1-y/>", "< x/>",
    "</ event>", "</event >", "<detail>", "</detail>", "=", "\"", "'", "<1x/>", " time=\"2020-01-01T00:00:00Z\"",
  };
  private static final byte[] BYTES = {
    '<', '>', '/', '=', '"', '\'', '&', ';', ']', '[', '!', '?', '-', ' ', '\t', '\n', '\r', 'a', 'Z', ':', '.', '0',
    '9', 0, 1, 0x7F, (byte) 0xC3, (byte) 0xA9, (byte) 0x80, (byte) 0xFF,
  };

  static List<byte[]> realEvents() throws IOException {
    List<byte[]> events = new ArrayList<>();
    for (Path p : CotReaderTest.captures()) {
      String s = Files.readString(p);
      events.add(s.substring(s.indexOf("<event")).strip().getBytes(StandardCharsets.UTF_8));
    }
    // and one as this project writes them (the benchmark's shape)
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CotWriter w = new CotWriter(out)) {
      w.write(Observation.builder(Instant.parse("2026-11-27T22:00:00Z"), io.watchline.observation.Kind.PATROL)
          .unit("PATROL-12").position(42.1, 19.4).velocity(1.2, 45).build());
    }
    String s = out.toString(StandardCharsets.UTF_8);
    events.add(s.substring(s.indexOf("<event")).strip().getBytes(StandardCharsets.UTF_8));
    return events;
  }

  /** What a reader says about a stream: fixes, rejects and counts, as one comparable string. */
  static String read(byte[] stream, boolean scanner, boolean allTypes) throws IOException {
    TestData.Rejects rejects = new TestData.Rejects();
    CotReader r = new CotReader(new ByteArrayInputStream(stream), "cot.log", allTypes, rejects);
    if (!scanner) {
      r.parserOnly();
    }
    List<Observation> fixes = TestData.readAll(r);
    ReadStats s = r.stats();
    return fixes + "\n" + rejects.all + "\n" + s.read() + " " + s.emittedCount() + " " + s.rejectedCount() + " "
        + s.skippedByReason() + " " + s.warningsByReason() + " " + s.bytesRead();
  }

  @Test
  void realCapturesReadTheSameWithAndWithoutTheScanner() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    PlainEventScanner scanner = new PlainEventScanner();
    int plain = 0;
    for (byte[] e : realEvents()) {
      all.write(e);
      all.write('\n');
      if (scanner.scan(e, e.length, new CotReader.EventFields())) {
        plain++;
      }
    }
    // all but the one with an entity reference (&amp;) in an attribute, which goes to the parser
    assertThat(plain).as("real events the scanner reads itself").isEqualTo(26);
    for (boolean allTypes : new boolean[] {false, true}) {
      String withScanner = read(all.toByteArray(), true, allTypes);
      assertThat(withScanner).isEqualTo(read(all.toByteArray(), false, allTypes));
      assertThat(withScanner).contains("44.2198868");
    }
  }

  @Test
  void mutantsReadTheSameWithAndWithoutTheScanner() throws IOException {
    List<byte[]> events = realEvents();
    Random rnd = new Random(20);
    PlainEventScanner scanner = new PlainEventScanner();
    int accepted = 0;
    int declined = 0;
    for (int round = 0; round < 1500; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      for (int k = 0; k < 3; k++) {
        byte[] e = mutate(events.get(rnd.nextInt(events.size())), rnd);
        stream.write(e);
        stream.write(rnd.nextBoolean() ? '\n' : ' ');
        if (e.length > 0 && scanner.scan(e, e.length, new CotReader.EventFields())) {
          accepted++;
        } else {
          declined++;
        }
      }
      byte[] b = stream.toByteArray();
      boolean allTypes = rnd.nextBoolean();
      assertThat(read(b, true, allTypes)).as("stream %s", new String(b, StandardCharsets.ISO_8859_1))
          .isEqualTo(read(b, false, allTypes));
    }
    // Both sides of the subset's edge are exercised.
    assertThat(accepted).isGreaterThan(1200);
    assertThat(declined).isGreaterThan(2100);
  }

  @Test
  void edgesOfTheSubsetReadTheSame() throws IOException {
    String ok = "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/></event>";
    String[] cases = {
      ok,
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"/><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/></event ><x/></event>",
      "<event uid=\"U\"type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\" uid=\"V\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\tV\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid = 'U' type=\"a-f-G\"\r\n time=\"2020-02-08T18:10:46Z\" ><point lat=\" 1 \" lon='2' /></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\">]]><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\">]] ><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"></pointx></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/><point lat=\"3\"/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><" + "p".repeat(200) + " lat=\"1\"/><point lat=\"1\" lon=\"2\"/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/>" + "<d>".repeat(40) + "</d>".repeat(40) + "</event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\" a=\"x>y\" b='\"'/></event>",
      "<event uid=\"U\" type=\"a-f-G\" time=\"2020-02-08T18:10:46Z\"><point lat=\"1\" lon=\"2\"/><event uid=\"W\"/></event>",
    };
    for (String c : cases) {
      byte[] b = (c + "\n" + ok + "\n").getBytes(StandardCharsets.UTF_8);
      assertThat(read(b, true, false)).as(c).isEqualTo(read(b, false, false));
    }
  }

  /** One to three random edits: a byte replaced, inserted or removed, a snippet put in, a span doubled. */
  static byte[] mutate(byte[] e, Random rnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] cur = e;
    int edits = rnd.nextInt(4); // 0: the event unchanged
    for (int i = 0; i < edits; i++) {
      out.reset();
      int at = rnd.nextInt(cur.length + 1);
      out.write(cur, 0, at);
      switch (rnd.nextInt(5)) {
        case 0 -> out.write(BYTES[rnd.nextInt(BYTES.length)]);
        case 1 -> {
          out.write(BYTES[rnd.nextInt(BYTES.length)]);
          at = Math.min(cur.length, at + 1);
        }
        case 2 -> at = Math.min(cur.length, at + 1 + rnd.nextInt(3));
        case 3 -> out.writeBytes(SNIPPETS[rnd.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8));
        default -> {
          int to = Math.min(cur.length, at + rnd.nextInt(40));
          out.write(cur, at, to - at);
        }
      }
      out.write(cur, at, cur.length - at);
      cur = out.toByteArray();
    }
    return cur;
  }
}
