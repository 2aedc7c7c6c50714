package io.watchline.feed;

import io.watchline.feed.asterix.Cat048Writer;
import io.watchline.feed.cot.CotWriter;
import io.watchline.feed.gpx.GpxWriter;
import io.watchline.feed.nmea.NmeaWriter;
import io.watchline.feed.onvif.OnvifWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a stream of canonical observations (a simulated night, in time order) as the files real
 * equipment would produce: one ASTERIX CAT048 file per radar ({@code radar-<site>.ast}, raw
 * blocks), one ONVIF metadata document per camera ({@code thermal-<site>.xml}) and one file per
 * patrol unit in NMEA, GPX or CoT ({@code patrol-<unit>.nmea|.gpx|.cot}). Files are opened on first
 * use through the caller's {@link Opener}; the streams are closed by {@link #close()}. Reading the
 * files back with {@link Feeds} (raw ASTERIX needs {@code --date}) gives the observations again
 * within each format's resolution.
 */
public final class RealFormatWriter implements Closeable {
  /** Patrol GPS output format. */
  public enum PatrolFormat { NMEA, GPX, COT }

  /** Opens the named output file. */
  @FunctionalInterface
  public interface Opener {
    OutputStream open(String fileName) throws IOException;
  }

  private final SiteRegistry sites;
  private final PatrolFormat patrolFormat;
  private final Opener opener;
  private final Map<String, Object> writers = new LinkedHashMap<>();
  private long skipped;

  public RealFormatWriter(SiteRegistry sites, PatrolFormat patrolFormat, Opener opener) {
    this.sites = sites;
    this.patrolFormat = patrolFormat;
    this.opener = opener;
  }

  /**
   * Writes one observation to its sensor's file. Returns false (and counts it) when the format
   * cannot carry it: a radar plot without a site with SAC/SIC, a thermal detection without a
   * bearing inside the camera's field of view, a patrol fix without a position.
   */
  public boolean write(Observation o) throws IOException {
    try {
      switch (o.kind()) {
        case RADAR -> {
          Site site = sites.byId(o.sensor());
          if (site == null || !site.hasAsterixId()) {
            return skip();
          }
          Cat048Writer w = (Cat048Writer) writer("radar-" + safe(site.id()) + ".ast",
              out -> Cat048Writer.forSite(out, site));
          w.write(o, site);
        }
        case THERMAL -> {
          Site site = sites.byId(o.sensor());
          if (site == null || site.fovDeg() >= 360 || Double.isNaN(o.bearingDeg()) || !site.inFieldOfView(o.bearingDeg())) {
            return skip();
          }
          OnvifWriter w = (OnvifWriter) writer("thermal-" + safe(site.id()) + ".xml", out -> new OnvifWriter(out, site));
          w.write(o);
        }
        case PATROL -> {
          String unit = o.unit() != null ? o.unit() : o.sensor();
          if (unit == null || !o.hasPosition()) {
            return skip();
          }
          String name = "patrol-" + safe(unit) + "." + patrolFormat.name().toLowerCase(java.util.Locale.ROOT);
          switch (patrolFormat) {
            case NMEA -> ((NmeaWriter) writer(name, NmeaWriter::new)).write(o);
            case GPX -> ((GpxWriter) writer(name, out -> new GpxWriter(out, unit))).write(o);
            case COT -> ((CotWriter) writer(name, CotWriter::new)).write(o);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return skip();
    }
    return true;
  }

  /** A sensor id as a file name part: anything but letters, digits, '.', '_' and '-' becomes '_'. */
  static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private boolean skip() {
    skipped++;
    return false;
  }

  /** Observations the formats could not carry. */
  public long skipped() {
    return skipped;
  }

  /** The files written so far, in the order they were opened. */
  public java.util.Set<String> files() {
    return writers.keySet();
  }

  private interface Factory {
    Object create(OutputStream out) throws IOException;
  }

  private Object writer(String name, Factory f) throws IOException {
    Object w = writers.get(name);
    if (w == null) {
      w = f.create(opener.open(name));
      writers.put(name, w);
    }
    return w;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Object w : writers.values()) {
      try {
        ((Closeable) w).close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
