package io.watchline.share;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.ndjson.Json;
import io.watchline.observation.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which sensor an evidence record came from, so the sensor can be named by its pseudonym. An
 * incident names its evidence by file and byte offset only: a per-sensor file ({@code radar-RDR-02.ast},
 * {@code thermal-CAM-03.xml}, as {@code simulate --formats real} and most recorders name them)
 * gives the id from its name; a canonical NDJSON feed found under the evidence root gives it from
 * the {@code sensor} field of the line at the offset. Anything else stays unknown.
 */
public final class EvidenceSensors implements Closeable {
  private static final Pattern PER_SENSOR_FILE = Pattern.compile("(?:radar|thermal|patrol)-(.+)\\.[A-Za-z0-9]+");
  private static final int MAX_LINE = 1 << 16;

  private final Path root;
  private final Map<String, RandomAccessFile> open = new HashMap<>();

  /** @param root folder the evidence file names are relative to, or null to use file names only */
  public EvidenceSensors(Path root) {
    this.root = root;
  }

  /** The sensor id of an evidence record, or null when it cannot be told. */
  public String sensorOf(Source s) throws IOException {
    if (s == null || s.file() == null) {
      return null;
    }
    String name = Path.of(s.file()).getFileName().toString();
    Matcher m = PER_SENSOR_FILE.matcher(name);
    if (m.matches()) {
      return m.group(1);
    }
    if (root == null || !s.hasOffset() || !name.endsWith(".ndjson")) {
      return null;
    }
    RandomAccessFile f = file(s.file());
    if (f == null || s.offset() >= f.length()) {
      return null;
    }
    // A canonical line is a few hundred bytes: read that much, more only when the line is longer.
    for (int want = 1024; ; want = Math.min(MAX_LINE, want * 8)) {
      f.seek(s.offset());
      byte[] buf = new byte[(int) Math.min(want, f.length() - s.offset())];
      f.readFully(buf);
      int end = 0;
      while (end < buf.length && buf[end] != '\n') {
        end++;
      }
      if (end < buf.length || buf.length < want || want == MAX_LINE) {
        return sensorField(buf, end);
      }
    }
  }

  private RandomAccessFile file(String name) throws IOException {
    if (open.containsKey(name)) {
      return open.get(name);
    }
    Path p = root.resolve(name);
    RandomAccessFile f = Files.isRegularFile(p) ? new RandomAccessFile(p.toFile(), "r") : null;
    open.put(name, f);
    return f;
  }

  private static String sensorField(byte[] line, int length) {
    try (JsonParser p = Json.FACTORY.createParser(line, 0, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        if (f.equals("sensor") && v == JsonToken.VALUE_STRING) {
          return p.getText();
        }
        p.skipChildren();
      }
    } catch (IOException e) {
      return null; // not the record the incident said: the sensor stays unknown
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    for (RandomAccessFile f : open.values()) {
      if (f != null) {
        f.close();
      }
    }
    open.clear();
  }
}
