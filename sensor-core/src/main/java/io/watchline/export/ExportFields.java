package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.util.List;
import java.util.Map;

/** Flat text forms shared by the tabular formats (CSV, KML ExtendedData, GeoPackage, CoT). */
public final class ExportFields {
  private ExportFields() {}

  /** {@code file:line@offset}, the parts that are known. */
  public static String source(Source s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.file() == null ? "-" : s.file());
    if (s.hasLine()) sb.append(':').append(s.line());
    if (s.hasOffset()) sb.append('@').append(s.offset());
    return sb.toString();
  }

  /** Evidence joined with {@code "; "}: a file name with a semicolon stays readable. */
  public static String evidence(List<Source> evidence) {
    StringBuilder sb = new StringBuilder();
    for (Source s : evidence) {
      if (sb.length() > 0) sb.append("; ");
      sb.append(source(s));
    }
    return sb.toString();
  }

  /** Factors as {@code name=value} joined with {@code "; "}, in the incident's own order. */
  public static String factors(Map<String, Object> factors) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : factors.entrySet()) {
      if (sb.length() > 0) sb.append("; ");
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  /** A double as text, or empty when absent (NaN). */
  public static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  public static String time(java.time.Instant t) {
    return t == null ? "" : IsoTime.format(t);
  }

  /** A one-line human summary, for remarks and labels. */
  public static String summary(Incident i) {
    StringBuilder sb = new StringBuilder(i.kind().wireName());
    if (i.sector() != null) sb.append(" in ").append(i.sector());
    if (i.side() != null) sb.append(' ').append(i.side());
    if (!Double.isNaN(i.score())) sb.append(", score ").append(i.score());
    sb.append(", ").append(time(i.start())).append(" to ").append(time(i.end()));
    sb.append(", ").append(i.evidence().size()).append(" evidence records");
    return sb.toString();
  }

  /** Name of an observation in map labels and CoT uids: its track, else sensor and sequence. */
  public static String label(Observation o) {
    if (o.track() != null) return o.track();
    String who = o.unit() != null ? o.unit() : o.sensor() != null ? o.sensor() : o.kind().wireName();
    return o.seq() >= 0 ? who + "#" + o.seq() : who + "@" + time(o.t());
  }
}
