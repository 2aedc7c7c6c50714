package io.watchline.share;

import io.watchline.geo.InvalidValueException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Source;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an incident list at one {@link ShareLevel}, one incident at a time (statistics are
 * counted and written by {@link #finish()}). Every record carries its {@link Marking}.
 */
public final class Sharer {

  /**
   * @param originator our country or agency, as the partner knows us
   * @param classification security classification; null for the level's default
   * @param validFor how long after the incident's end the record stays valid
   * @param key the partner's key (neighbour level)
   * @param policy exact band and grid (neighbour and eurosur levels; eurosur without it is exact)
   * @param sensors tells evidence records' sensors (neighbour level; may be null)
   */
  public record Options(
      ShareLevel level, String originator, String classification, Duration validFor, PartnerKey key,
      PositionPolicy policy, EvidenceSensors sensors) {
    public Options {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(originator, "originator");
      Objects.requireNonNull(validFor, "validFor");
      if (level == ShareLevel.NEIGHBOUR && (key == null || policy == null)) {
        throw new InvalidValueException("the neighbour level needs the partner's key and the border");
      }
    }
  }

  private final Options o;
  private final NdjsonWriter out;
  private final Map<String, Tally> statistics = new TreeMap<>();
  private long written;
  private long withheld;

  public Sharer(Options options, NdjsonWriter out) {
    this.o = options;
    this.out = out;
  }

  public void accept(Incident i) throws IOException {
    switch (o.level()) {
      case INTERNAL -> {
        Marking m = marking(i);
        out.write(i, m::write);
        written++;
      }
      case NEIGHBOUR -> neighbour(i);
      case EUROSUR -> {
        if (EurosurEvent.reportable(i)) {
          EurosurEvent.write(i, o.originator(), o.policy(), marking(i), out.generator());
          out.endLine();
          written++;
        } else {
          withheld++;
        }
      }
      case STATISTICS -> statistics.computeIfAbsent(statisticsKey(i), k -> new Tally()).add(i);
    }
  }

  /** Writes what only the whole list gives (the statistics) and flushes. */
  public void finish() throws IOException {
    for (Map.Entry<String, Tally> e : statistics.entrySet()) {
      String[] k = e.getKey().split("\t", -1);
      Tally t = e.getValue();
      JsonGenerator g = out.generator();
      g.writeStartObject();
      g.writeStringField("record", "statistics");
      g.writeStringField("night", k[0]);
      g.writeStringField("sector", k[1]);
      g.writeStringField("kind", k[2]);
      g.writeStringField("side", k[3]);
      g.writeNumberField("count", t.count);
      // Valid from the night's noon-to-noon window: an event's own time would say more than a count.
      Instant nightStart = LocalDate.parse(k[0]).atTime(12, 0).toInstant(ZoneOffset.UTC);
      new Marking(o.level(), classification(), o.level().tlp(),
          Confidence.of(t.scoreSum / t.count, t.minKinds, false), o.originator(), nightStart,
          nightStart.plus(Duration.ofDays(1)).plus(o.validFor())).write(g);
      g.writeEndObject();
      out.endLine();
      written++;
    }
    out.flush();
  }

  /** Records written so far. */
  public long written() {
    return written;
  }

  /** Incidents the level does not carry (loiters at the eurosur level). */
  public long withheld() {
    return withheld;
  }

  private void neighbour(Incident i) throws IOException {
    String kind = i.kind().wireName();
    PositionPolicy p = o.policy();
    boolean exact = p.exact(kind, i.lat(), i.lon());
    double[] at = p.place(kind, i.lat(), i.lon());
    Map<String, Object> factors = new LinkedHashMap<>();
    i.factors().forEach((k, v) -> {
      if (SharingRules.NEIGHBOUR_FACTORS.contains(k)) factors.put(k, v);
    });
    // Outside the band a track becomes the grid cells it enters; flickering between two cells
    // (A B A B) says nothing at this resolution and is written once (A B).
    List<TrackPoint> track = new ArrayList<>();
    double[] last = null, beforeLast = null;
    for (TrackPoint t : i.track()) {
      if (p.exact(kind, t.lat(), t.lon())) {
        track.add(t);
        last = beforeLast = null;
      } else {
        double[] s = p.snap(t.lat(), t.lon());
        if (!java.util.Arrays.equals(s, last) && !java.util.Arrays.equals(s, beforeLast)) {
          track.add(new TrackPoint(s[1], s[0], t.t()));
          beforeLast = last;
          last = s;
        }
      }
    }
    TreeSet<String> sensors = new TreeSet<>();
    List<String> refs = new ArrayList<>(i.evidence().size());
    for (Source s : i.evidence()) {
      String id = o.sensors() == null ? null : o.sensors().sensorOf(s);
      if (id != null) {
        sensors.add(o.key().sensor(id));
      }
      refs.add(o.key().pseudonym("REF-", "evidence", s.file() + "@" + s.offset() + ":" + s.line()));
    }
    Incident shared = new Incident(i.id(), i.start(), i.end(), at[0], at[1], i.sector(), i.side(), i.kind(),
        i.score(), factors, track, List.of());
    Marking m = marking(i);
    out.write(shared, g -> {
      g.writeStringField("position", exact ? "exact" : String.format(Locale.ROOT, "grid_%.0fm", p.gridM()));
      g.writeArrayFieldStart("sensors");
      for (String s : sensors) g.writeString(s);
      g.writeEndArray();
      g.writeArrayFieldStart("evidence_refs");
      for (String r : refs) g.writeString(r);
      g.writeEndArray();
      m.write(g);
    });
    written++;
  }

  private Marking marking(Incident i) {
    return new Marking(o.level(), classification(), o.level().tlp(), Confidence.of(i), o.originator(), i.start(),
        i.end().plus(o.validFor()));
  }

  private String classification() {
    return o.classification() != null ? o.classification() : o.level().classification();
  }

  /** night, sector, kind, side: the night is the date of the evening (event time less 12 h, UTC). */
  private static String statisticsKey(Incident i) {
    LocalDate night = i.eventTime().minus(Duration.ofHours(12)).atOffset(ZoneOffset.UTC).toLocalDate();
    return night + "\t" + (i.sector() == null ? "-" : i.sector()) + "\t" + i.kind().wireName() + "\t"
        + (i.side() == null ? "-" : i.side());
  }

  private static final class Tally {
    long count;
    double scoreSum;
    int minKinds = Integer.MAX_VALUE;

    void add(Incident i) {
      count++;
      scoreSum += Double.isNaN(i.score()) ? 0 : i.score();
      minKinds = Math.min(minKinds, Confidence.corroboration(i));
    }
  }
}
