package io.watchline.feed.gpx;

import io.watchline.feed.Xml;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Observation;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Writes patrol fixes as one GPX 1.1 track (one trkseg), streaming: the header on the first point,
 * the footer on close. Times in milliseconds, positions to 1e-9 degrees.
 */
public final class GpxWriter implements Closeable {
  private final Writer out;
  private final String name;
  private boolean started;

  public GpxWriter(OutputStream out, String trackName) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.name = trackName;
  }

  private void start() throws IOException {
    started = true;
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write("<gpx version=\"1.1\" creator=\"watchline\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
    out.write("  <trk><name>" + Xml.escape(name == null ? "" : name) + "</name><trkseg>\n");
  }

  public void write(Observation o) throws IOException {
    if (!o.hasPosition()) {
      throw new IllegalArgumentException("a GPX point needs lat/lon");
    }
    if (!started) {
      start();
    }
    out.write(String.format(Locale.ROOT, "    <trkpt lat=\"%.9f\" lon=\"%.9f\"><time>%s</time></trkpt>\n",
        o.lat(), o.lon(), IsoTime.format(o.t())));
  }

  @Override
  public void close() throws IOException {
    if (!started) {
      start();
    }
    out.write("  </trkseg></trk>\n</gpx>\n");
    out.close();
  }
}
