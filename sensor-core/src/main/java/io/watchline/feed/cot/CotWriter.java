package io.watchline.feed.cot;

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
 * Writes patrol fixes as Cursor-on-Target events back to back, one per line, as a TAK server log
 * holds them: type {@code a-f-G-U-C} (friendly ground unit), uid = the unit, hae/ce/le unknown
 * (9999999), stale 60 s after the fix.
 */
public final class CotWriter implements Closeable {
  private final Writer out;

  public CotWriter(OutputStream out) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  public void write(Observation o) throws IOException {
    if (!o.hasPosition()) {
      throw new IllegalArgumentException("a CoT event needs lat/lon");
    }
    String uid = o.unit() != null ? o.unit() : o.sensor();
    if (uid == null) {
      throw new IllegalArgumentException("a CoT event needs a unit or sensor id");
    }
    String t = IsoTime.format(o.t());
    String stale = IsoTime.format(o.t().plusSeconds(60));
    StringBuilder sb = new StringBuilder(400);
    sb.append("<event version=\"2.0\" uid=\"").append(Xml.escape(uid)).append("\" type=\"a-f-G-U-C\" time=\"")
        .append(t).append("\" start=\"").append(t).append("\" stale=\"").append(stale).append("\" how=\"m-g\">");
    sb.append(String.format(Locale.ROOT,
        "<point lat=\"%.9f\" lon=\"%.9f\" hae=\"9999999.0\" ce=\"9999999.0\" le=\"9999999.0\"/>", o.lat(), o.lon()));
    sb.append("<detail><contact callsign=\"").append(Xml.escape(uid)).append("\"/>");
    if (!Double.isNaN(o.speedMps()) && !Double.isNaN(o.courseDeg())) {
      sb.append(String.format(Locale.ROOT, "<track speed=\"%.3f\" course=\"%.2f\"/>", o.speedMps(), o.courseDeg()));
    }
    sb.append("</detail></event>\n");
    out.write(sb.toString());
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
