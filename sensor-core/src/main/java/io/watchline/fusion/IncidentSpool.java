package io.watchline.fusion;

import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Source;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fusion region's incidents on their way to the merge, in a temporary file: binary, every field
 * exactly as it was (times to the nanosecond, doubles to the bit, factor values with their type),
 * and each evidence file name written once. The merge reads back hundreds of thousands of evidence
 * entries per night; parsing them as JSON was half of the merging thread's time.
 */
final class IncidentSpool {
  private IncidentSpool() {}

  private static final byte NULL = 0, STRING = 1, INT = 2, LONG = 3, DOUBLE = 4, BOOLEAN = 5;

  /** Writes incidents to a file. */
  static final class Writer implements Closeable {
    private final DataOutputStream out;
    private final Map<String, Integer> names = new HashMap<>();

    Writer(Path file) throws IOException {
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void write(Incident i) throws IOException {
      out.writeBoolean(true);
      text(i.id());
      instant(i.start());
      instant(i.end());
      out.writeDouble(i.lat());
      out.writeDouble(i.lon());
      name(i.sector());
      name(i.side());
      out.writeInt(i.kind().ordinal());
      out.writeDouble(i.score());
      out.writeInt(i.factors().size());
      for (Map.Entry<String, Object> e : i.factors().entrySet()) {
        name(e.getKey());
        value(e.getValue());
      }
      out.writeInt(i.track().size());
      for (TrackPoint p : i.track()) {
        out.writeDouble(p.lon());
        out.writeDouble(p.lat());
        instant(p.t());
      }
      out.writeInt(i.evidence().size());
      for (Source s : i.evidence()) {
        name(s.file());
        out.writeLong(s.offset());
        out.writeLong(s.line());
      }
    }

    private void instant(Instant t) throws IOException {
      out.writeLong(t.getEpochSecond());
      out.writeInt(t.getNano());
    }

    private void value(Object v) throws IOException {
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof Integer n) {
        out.writeByte(INT);
        out.writeInt(n);
      } else if (v instanceof Long n) {
        out.writeByte(LONG);
        out.writeLong(n);
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else if (v instanceof Boolean b) {
        out.writeByte(BOOLEAN);
        out.writeBoolean(b);
      } else if (v instanceof Number n) { // as the JSON form keeps it: a float, a short, ...
        out.writeByte(DOUBLE);
        out.writeDouble(n.doubleValue());
      } else {
        out.writeByte(STRING);
        text(v.toString());
      }
    }

    /** A string written out in full (null: -1). */
    private void text(String s) throws IOException {
      if (s == null) {
        out.writeInt(-1);
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    /**
     * A string that repeats (evidence file names, factor names, sectors): its number when written
     * before, else -1 then its UTF-8 bytes (null: -2).
     */
    private void name(String s) throws IOException {
      if (s == null) {
        out.writeInt(-2);
        return;
      }
      Integer k = names.get(s);
      if (k != null) {
        out.writeInt(k);
        return;
      }
      if (names.size() < 4096) names.put(s, names.size());
      out.writeInt(-1);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.writeInt(b.length);
      out.write(b);
    }

    @Override
    public void close() throws IOException {
      out.writeBoolean(false);
      out.close();
    }
  }

  /** Reads back what a {@link Writer} wrote, in the same order. */
  static final class Reader implements Closeable {
    private final DataInputStream in;
    private final List<String> names = new ArrayList<>();

    Reader(Path file) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** The next incident, or null after the last. */
    Incident next() throws IOException {
      boolean more;
      try {
        more = in.readBoolean();
      } catch (EOFException e) {
        return null; // a region that failed before closing its spool
      }
      if (!more) return null;
      String id = text();
      Instant start = instant(), end = instant();
      double lat = in.readDouble(), lon = in.readDouble();
      String sector = name(), side = name();
      IncidentKind kind = IncidentKind.values()[in.readInt()];
      double score = in.readDouble();
      int nf = in.readInt();
      Map<String, Object> factors = new LinkedHashMap<>();
      for (int k = 0; k < nf; k++) {
        String key = name();
        factors.put(key, value());
      }
      int np = in.readInt();
      List<TrackPoint> track = new ArrayList<>(np);
      for (int k = 0; k < np; k++) {
        double plon = in.readDouble(), plat = in.readDouble();
        track.add(new TrackPoint(plon, plat, instant()));
      }
      int ne = in.readInt();
      List<Source> evidence = new ArrayList<>(ne);
      for (int k = 0; k < ne; k++) {
        String file = name();
        long offset = in.readLong();
        evidence.add(new Source(file, offset, in.readLong()));
      }
      return new Incident(id, start, end, lat, lon, sector, side, kind, score, factors, track, evidence);
    }

    private Instant instant() throws IOException {
      long s = in.readLong();
      return Instant.ofEpochSecond(s, in.readInt());
    }

    private Object value() throws IOException {
      byte tag = in.readByte();
      return switch (tag) {
        case NULL -> null;
        case INT -> in.readInt();
        case LONG -> in.readLong();
        case DOUBLE -> in.readDouble();
        case BOOLEAN -> in.readBoolean();
        case STRING -> text();
        default -> throw new IOException("incident spool: unknown value tag " + tag);
      };
    }

    private String text() throws IOException {
      int n = in.readInt();
      if (n < 0) return null;
      byte[] b = new byte[n];
      in.readFully(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    private String name() throws IOException {
      int k = in.readInt();
      if (k == -2) return null;
      if (k >= 0) return names.get(k);
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      String s = new String(b, StandardCharsets.UTF_8);
      if (names.size() < 4096) names.add(s);
      return s;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
