package io.watchline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the XML readers put before the parser hands on whole runs of plain text at once; these
 * tests hold it to the byte-by-byte rules: the repaired bytes, line starts and document cuts.
 */
class XmlInputTest {
  private static final String[] PIECES = {
    "<a x=\"1\">", "</a>", "text ", "\r", "\n", "\r\n", "\t", "  ", "é", "\u20ac", ">", "<", "<?xml version=\"1.0\"?>",
    "</MetadataStream>", "</tt:MetadataStream >", "<tt:MetadataStream>",
  };
  private static final byte[] ODD = {(byte) 0xE9, (byte) 0xC3, (byte) 0x80, (byte) 0xFF, 0x01, 0x7F, (byte) 0xEF};

  static byte[] randomInput(Random rnd, int pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rnd.nextBoolean()) {
      out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
    }
    for (int i = 0; i < pieces; i++) {
      int k = rnd.nextInt(10);
      if (k == 0) {
        out.write(ODD[rnd.nextInt(ODD.length)]);
      } else if (k < 4) {
        out.writeBytes("x".repeat(rnd.nextInt(300)).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(PIECES[rnd.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** Reads everything in randomly sized pieces. */
  static byte[] drain(InputStream in, Random rnd) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] b = new byte[9000];
    for (int n; (n = in.read(b, 0, 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : b.length))) >= 0; ) {
      out.write(b, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void trackedInputRepairsAndCountsLinesAsByteByByte() throws IOException {
    Random rnd = new Random(3);
    for (int round = 0; round < 400; round++) {
      byte[] in = randomInput(rnd, 50 + rnd.nextInt(400));
      TrackedXmlInput t = new TrackedXmlInput(new ByteArrayInputStream(in), new ReadStats("x"));
      byte[] got = drain(t, rnd);

      ReadStats stats = new ReadStats("y");
      Utf8Repair repair = new Utf8Repair(stats);
      byte[] want = new byte[in.length * 3 + 8];
      int n = 0;
      List<Long> starts = new ArrayList<>(List.of(0L));
      for (int i = 0; i < in.length; i++) {
        n = repair.put(in[i] & 0xff, want, n);
        boolean lf = in[i] == '\n';
        if (in[i] == '\r' || (lf && (i == 0 || in[i - 1] != '\r'))) {
          starts.add(i + 1L);
        } else if (lf) {
          starts.set(starts.size() - 1, i + 1L); // CR LF: the line starts after the LF
        }
      }
      n = repair.finish(want, n);
      // A first byte of a UTF-16 or UTF-32 mark (or 0) hands the bytes to the parser unchecked.
      boolean raw = in.length > 0 && (in[0] == (byte) 0xFE || in[0] == (byte) 0xFF || in[0] == 0);
      byte[] expected = raw ? in : java.util.Arrays.copyOf(want, n);
      assertThat(java.util.Arrays.equals(got, expected)).as("round %d: repaired bytes", round).isTrue();
      assertThat(t.position()).isEqualTo(in.length);
      for (int line = 1; line <= starts.size(); line++) {
        assertThat(t.lineStart(line)).as("line %d", line).isEqualTo(starts.get(line - 1));
      }
      assertThat(t.lineStart(starts.size() + 1)).isEqualTo(-1);
    }
  }

  @Test
  void documentsAreCutAndNumberedAlikeWhateverTheReadSize() throws IOException {
    Random rnd = new Random(4);
    for (int round = 0; round < 400; round++) {
      byte[] in = randomInput(rnd, 30 + rnd.nextInt(300));
      assertThat(documents(in, new Random(round), false)).isEqualTo(documents(in, new Random(round), true));
    }
  }

  /**
   * Each document's first line and bytes, read one byte at a time or in large pieces; checked
   * against the input itself: documents follow each other with only blanks between, and the
   * first line is one more than the line ends (CR, LF or CR LF) before the document.
   */
  static List<String> documents(byte[] in, Random rnd, boolean byteByByte) throws IOException {
    XmlDocuments d = new XmlDocuments(new ByteArrayInputStream(in), "MetadataStream");
    List<String> out = new ArrayList<>();
    int at = 0;
    while (d.nextDocument()) {
      long first = d.firstLine();
      ByteArrayOutputStream doc = new ByteArrayOutputStream();
      if (byteByByte) {
        for (int c; (c = d.read()) >= 0; ) {
          doc.write(c);
        }
      } else {
        doc.writeBytes(drain(d, rnd));
      }
      while (at < in.length && (in[at] == ' ' || in[at] == '\t' || in[at] == '\r' || in[at] == '\n')) {
        at++;
      }
      byte[] bytes = doc.toByteArray();
      assertThat(java.util.Arrays.equals(bytes, 0, bytes.length, in, at, at + bytes.length)).isTrue();
      long breaks = 0;
      for (int i = 0; i < at; i++) {
        if (in[i] == '\r' || (in[i] == '\n' && (i == 0 || in[i - 1] != '\r'))) {
          breaks++;
        }
      }
      assertThat(first).as("first line of the document at byte %d", at).isEqualTo(breaks + 1);
      at += bytes.length;
      out.add(first + ":" + doc.toString(StandardCharsets.ISO_8859_1));
    }
    assertThat(out).isNotEmpty();
    return out;
  }
}
