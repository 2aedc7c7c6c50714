package io.watchline.flink;

import com.fasterxml.jackson.core.JsonParser;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regions' incidents, waiting to be numbered in {@code fuse}'s order over all regions: their
 * lines wait in a temporary file (an incident's evidence can be megabytes) and memory holds only
 * what sorting needs, a few dozen bytes per incident.
 */
final class IncidentSpool implements Closeable {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** fuse's output order (IncidentAssembler): start, end, then position. */
  private static final Comparator<Key> BY_OUTPUT = Comparator.comparing(Key::start).thenComparing(Key::end)
      .thenComparingDouble(Key::lat).thenComparingDouble(Key::lon);

  private record Key(Instant start, Instant end, double lat, double lon, long offset, int length) {}

  private final Path file;
  private final RandomAccessFile spill;
  private final List<Key> keys = new ArrayList<>();

  IncidentSpool() throws IOException {
    file = Files.createTempFile("watchline-incidents-", ".ndjson");
    spill = new RandomAccessFile(file.toFile(), "rw");
  }

  /** Takes one incident line. */
  void add(String line) throws IOException {
    Incident i = parse(line);
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    keys.add(new Key(i.start(), i.end(), i.lat(), i.lon(), spill.length(), b.length));
    spill.seek(spill.length());
    spill.write(b);
  }

  int size() {
    return keys.size();
  }

  /** Receives the incidents in order. */
  interface Sink {
    void accept(Incident i) throws IOException;
  }

  /** Hands on every incident in fuse's order, numbered per UTC day of its start ({@code INC-yyyyMMdd-NNNN}). */
  void drain(Sink sink) throws IOException {
    keys.sort(BY_OUTPUT);
    Map<String, Integer> perDay = new HashMap<>();
    for (Key k : keys) {
      byte[] b = new byte[k.length()];
      spill.seek(k.offset());
      spill.readFully(b);
      Incident i = parse(new String(b, StandardCharsets.UTF_8));
      String day = DAY.format(i.start());
      int n = perDay.merge(day, 1, Integer::sum);
      sink.accept(new Incident(String.format(Locale.ROOT, "INC-%s-%04d", day, n), i.start(), i.end(), i.lat(), i.lon(),
          i.sector(), i.side(), i.kind(), i.score(), i.factors(), i.track(), i.evidence()));
    }
  }

  private static Incident parse(String line) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(line)) {
      return IncidentJson.read(p);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      spill.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
