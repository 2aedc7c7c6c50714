package io.watchline.observation;

import java.time.Instant;
import java.util.Objects;

/**
 * One detection or position fix, the only thing feed readers emit (see docs/records.md).
 *
 * <p>Optional numeric fields are {@code Double.NaN} when absent, optional text fields {@code
 * null}, {@code seq} is -1 when absent. Primitive doubles keep 10^7-record runs free of boxing.
 *
 * @param t time of the observation (UTC, sensor clock offset already applied)
 * @param kind radar, thermal or patrol
 * @param sensor sensor id as in the site registry (or unit/device id for patrol feeds)
 * @param seq sequence number within the sensor's feed
 * @param lat WGS84 latitude in degrees
 * @param lon WGS84 longitude in degrees
 * @param rangeM range from the sensor site in metres
 * @param bearingDeg true bearing from the sensor site, clockwise from north
 * @param track the feed's own track id, prefixed with the sensor id ("RDR-07/4711")
 * @param speedMps ground speed in m/s
 * @param courseDeg course over ground, degrees clockwise from true north
 * @param cls class: human, vehicle, animal, unknown …
 * @param conf confidence 0..1
 * @param unit patrol unit id (patrol fixes only)
 * @param src provenance
 */
public record Observation(
    Instant t,
    Kind kind,
    String sensor,
    long seq,
    double lat,
    double lon,
    double rangeM,
    double bearingDeg,
    String track,
    double speedMps,
    double courseDeg,
    String cls,
    double conf,
    String unit,
    Source src) {

  public Observation {
    Objects.requireNonNull(t, "t");
    Objects.requireNonNull(kind, "kind");
  }

  public boolean hasPosition() {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }

  public boolean hasPolar() {
    return !Double.isNaN(bearingDeg);
  }

  /** A copy with a position, e.g. after a polar observation was placed with its site. */
  public Observation withPosition(double newLat, double newLon) {
    return new Observation(
        t, kind, sensor, seq, newLat, newLon, rangeM, bearingDeg, track, speedMps, courseDeg, cls,
        conf, unit, src);
  }

  public Observation withTime(Instant newT) {
    return new Observation(
        newT, kind, sensor, seq, lat, lon, rangeM, bearingDeg, track, speedMps, courseDeg, cls,
        conf, unit, src);
  }

  public static Builder builder(Instant t, Kind kind) {
    return new Builder(t, kind);
  }

  /** Readers fill only the fields their feed has; everything else stays absent. */
  public static final class Builder {
    private final Instant t;
    private final Kind kind;
    private String sensor;
    private long seq = -1;
    private double lat = Double.NaN;
    private double lon = Double.NaN;
    private double rangeM = Double.NaN;
    private double bearingDeg = Double.NaN;
    private String track;
    private double speedMps = Double.NaN;
    private double courseDeg = Double.NaN;
    private String cls;
    private double conf = Double.NaN;
    private String unit;
    private Source src;

    private Builder(Instant t, Kind kind) {
      this.t = t;
      this.kind = kind;
    }

    public Builder sensor(String v) { sensor = v; return this; }
    public Builder seq(long v) { seq = v; return this; }
    public Builder position(double latDeg, double lonDeg) { lat = latDeg; lon = lonDeg; return this; }
    public Builder polar(double range, double bearing) { rangeM = range; bearingDeg = bearing; return this; }
    public Builder track(String v) { track = v; return this; }
    public Builder velocity(double speed, double course) { speedMps = speed; courseDeg = course; return this; }
    public Builder cls(String v) { cls = v; return this; }
    public Builder conf(double v) { conf = v; return this; }
    public Builder unit(String v) { unit = v; return this; }
    public Builder src(Source v) { src = v; return this; }

    public Observation build() {
      return new Observation(
          t, kind, sensor, seq, lat, lon, rangeM, bearingDeg, track, speedMps, courseDeg, cls, conf,
          unit, src);
    }
  }
}
