package io.watchline.geo.render;

import io.watchline.geo.coverage.CoverageResult;
import io.watchline.geo.coverage.CoverageResult.Gap;
import io.watchline.geo.coverage.CoverageResult.GridFrame;
import io.watchline.geo.coverage.CoverageResult.SectorRow;
import io.watchline.geo.coverage.CoverageResult.Suggestion;
import io.watchline.geo.coverage.CoverageResult.Track;
import io.watchline.geo.coverage.SensorSpec;
import io.watchline.geo.coverage.ViewshedParams;
import io.watchline.geo.dem.ElevationGrid;
import io.watchline.geo.geodesy.Geodesy;
import io.watchline.geo.proj.LocalProjection;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * map.html: one self-contained page with Leaflet 1.9.4 inlined (no network, no tile server), the
 * coverage raster as an image overlay resampled to Web Mercator, and the same vector layers as the
 * static map, each switchable, with popups carrying the numbers.
 */
public final class HtmlMap {
  private static final String LEAFLET = "/META-INF/resources/webjars/leaflet/1.9.4/dist/";

  private final CoverageResult r;
  private final String title;
  private final String subtitle;
  private final LocalProjection proj;

  public HtmlMap(CoverageResult r, String title, String subtitle) {
    this.r = r;
    this.title = title;
    this.subtitle = subtitle;
    this.proj = r.projection();
  }

  public void write(OutputStream out) throws IOException {
    StringBuilder h = new StringBuilder(1 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
        .append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\n")
        .append(resource("leaflet.css"))
        .append("\nhtml,body{margin:0;height:100%;font-family:sans-serif}#map{position:absolute;top:64px;bottom:0;left:0;right:0;background:#e8e8e8}"
            + "#head{height:64px;padding:6px 12px;box-sizing:border-box}#head h1{font-size:20px;margin:0}#head p{margin:2px 0;font-size:13px;color:#444}"
            + ".legend{background:#fff;padding:8px 10px;font-size:12px;line-height:18px;box-shadow:0 0 6px rgba(0,0,0,.3)}"
            + ".legend i{display:inline-block;width:22px;height:12px;margin-right:6px;vertical-align:middle}"
            + ".leaflet-tooltip.lbl{background:rgba(255,255,255,.8);border:none;box-shadow:none;font-weight:bold;font-size:10px;padding:0 2px}"
            + ".leaflet-tooltip.lbl:before{display:none}\n</style>\n<script>\n")
        .append(resource("leaflet.js"))
        .append("\n</script>\n</head><body>\n<div id=\"head\"><h1>").append(esc(title)).append("</h1><p>").append(esc(subtitle))
        .append("</p><p style=\"color:").append(r.terrain().flat() ? "#cb181d;font-weight:bold" : "#555").append("\">")
        .append(esc(r.notes().get(0))).append("</p></div>\n<div id=\"map\"></div>\n<script>\n");

    double[] b = overlayBounds();
    h.append("var map=L.map('map',{zoomSnap:0.25,preferCanvas:false});\n");
    h.append("var overlay=L.imageOverlay('data:image/png;base64,").append(overlayPng(b))
        .append(String.format(Locale.ROOT, "',[[%.6f,%.6f],[%.6f,%.6f]],{opacity:0.9}).addTo(map);\n", b[1], b[0], b[3], b[2]));
    h.append("map.fitBounds([[").append(f6(b[1])).append(',').append(f6(b[0])).append("],[").append(f6(b[3])).append(',')
        .append(f6(b[2])).append("]]);\n");

    h.append("var sectors=L.geoJSON(").append(sectorsJson()).append(",{style:{color:'#555',weight:1,dashArray:'5 4',fill:false},"
        + "onEachFeature:function(f,l){l.bindPopup(f.properties.html);l.bindTooltip(f.properties.id,{permanent:true,direction:'center',className:'lbl'});}}).addTo(map);\n");
    h.append("var border=L.geoJSON(").append(lineFeature(r.borderLonLat(), "\"name\":\"border\""))
        .append(",{style:{color:'#000',weight:2.5}}).addTo(map);\n");
    h.append("var tracks=L.layerGroup().addTo(map);\n");
    for (Track t : r.tracks()) {
      h.append("L.polyline(").append(latLngs(t.lonLat())).append(",{color:'#08306b',weight:1.5,opacity:0.8}).bindPopup('patrol ")
          .append(js(t.unit())).append("').addTo(tracks);\n");
    }
    h.append("var fans=L.layerGroup().addTo(map);var sites=L.layerGroup().addTo(map);\n");
    for (SensorSpec s : r.sensors()) {
      boolean radar = Math.abs(s.curvatureCoeff() - ViewshedParams.RADAR_CURVATURE) < 1e-6;
      io.watchline.geo.coverage.SensorUptime.Availability av = r.availabilityOf(s.id());
      String down = av == null || av.alwaysUp() ? null
          : av.upShare() == 0 ? "down all window" : "down " + io.watchline.geo.coverage.Intervals.format(av.outages(), 2);
      String color = down != null ? "#828282" : radar ? "#6a51a3" : "#d95f02";
      h.append("L.polygon(").append(fan(s)).append(",{color:'").append(color)
          .append("',weight:1.2,dashArray:'8 4',fillOpacity:0.06}).addTo(fans);\n");
      h.append(String.format(Locale.ROOT, "L.circleMarker([%.6f,%.6f],{radius:7,color:'#fff',weight:2,fillColor:'%s',fillOpacity:1})",
          s.lat(), s.lon(), color))
          // the outage itself is in the popup: a short permanent label collides less
          .append(".bindTooltip('").append(js(down == null ? s.id() : s.id() + " (down)"))
          .append("',{permanent:true,direction:'right',offset:[6,0],className:'lbl site'})")
          .append(".bindPopup('").append(js(String.format(Locale.ROOT, "<b>%s</b> (%s)<br>mast %.1f m, azimuth %.0f&deg;, fov %.0f&deg;<br>range %.0f&ndash;%.0f m%s",
              s.id(), radar ? "radar" : "camera", s.heightM(), s.azimuthDeg(), s.fovDeg(), s.rangeMinM(), s.rangeMaxM(),
              av == null ? "<br>availability not checked" : String.format(Locale.ROOT, "<br>up %.1f %% of the window%s",
                  100 * av.upShare(), av.alwaysUp() ? "" : "; outages (UTC) " + io.watchline.geo.coverage.Intervals.format(av.outages(), 8)))))
          .append("').addTo(sites);\n");
    }
    h.append("var gaps=L.layerGroup().addTo(map);\n");
    for (Gap g : r.gaps()) {
      h.append("L.polyline(").append(latLngs(g.lineLonLat())).append(",{color:'#cb181d',weight:6}).bindPopup('")
          .append(js(String.format(Locale.ROOT, "<b>%s</b><br>sectors %s<br>%.2f km of border<br>unwatched %.1f h on average<br>unwatched (UTC) %s<br>%d incidents inside",
              g.id(), String.join(", ", g.sectors()), g.lengthM() / 1000, g.meanUnwatchedHours(),
              io.watchline.geo.coverage.Intervals.format(g.unwatched(), 6), g.incidents())))
          .append("').addTo(gaps);\n");
    }
    h.append("var sugg=L.layerGroup().addTo(map);\n");
    for (Suggestion s : r.suggestions()) {
      String label = (s.kind().equals("sensor") ? "S" : "P") + s.rank();
      String popup = js(String.format(Locale.ROOT, "<b>%s</b> suggested %s<br>adds %.2f km (cumulative %.2f km)<br>sector %s",
          label, s.kind(), s.addedKm(), s.cumulativeKm(), s.sector()));
      if (s.routeLonLat() != null) {
        h.append("L.polyline(").append(latLngs(s.routeLonLat())).append(",{color:'#e7298a',weight:4,dashArray:'10 6'}).bindPopup('")
            .append(popup).append("').addTo(sugg);\n");
      }
      h.append(String.format(Locale.ROOT, "L.circleMarker([%.6f,%.6f],{radius:10,color:'#e7298a',weight:3,fillColor:'#fff',fillOpacity:1})",
          s.lat(), s.lon())).append(".bindTooltip('").append(label).append("',{permanent:true,direction:'center',className:'lbl sugg'})")
          .append(".bindPopup('").append(popup).append("').addTo(sugg);\n");
    }
    h.append("L.control.layers(null,{'Coverage raster':overlay,'Sectors':sectors,'Border':border,'Patrol tracks':tracks,"
        + "'Sensor fans':fans,'Sensor sites':sites,'Gaps':gaps,'Suggestions':sugg},{collapsed:false}).addTo(map);\n");
    h.append("L.control.scale({metric:true,imperial:false}).addTo(map);\n");
    // Permanent labels that would overlap one drawn before them are hidden at this zoom (their
    // popup still names them): sites first, then suggestions, then sector names.
    h.append("function declutter(){var kept=[];['.lbl.site','.lbl.sugg','.lbl:not(.site):not(.sugg)'].forEach(function(q){"
        + "document.querySelectorAll('.leaflet-tooltip'+q).forEach(function(e){e.style.visibility='';var r=e.getBoundingClientRect();"
        + "if(kept.some(function(k){return r.left<k.right&&k.left<r.right&&r.top<k.bottom&&k.top<r.bottom;})){e.style.visibility='hidden';}"
        + "else{kept.push(r);}});});}\n");
    h.append("map.on('zoomend moveend overlayadd overlayremove',declutter);setTimeout(declutter,0);\n");
    h.append("var legend=L.control({position:'bottomright'});legend.onAdd=function(){var d=L.DomUtil.create('div','legend');d.innerHTML=")
        .append('\'').append(js(legendHtml())).append("';return d;};legend.addTo(map);\n");
    h.append("</script>\n</body></html>\n");
    out.write(h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private String legendHtml() {
    StringBuilder s = new StringBuilder();
    s.append("<b>Legend</b><br>");
    s.append("<i style=\"background:#91b79c\"></i>seen by a sensor<br>");
    s.append("<i style=\"background:#8fb0d4\"></i>patrolled in window<br>");
    s.append("<i style=\"background:#f3bfae\"></i>border band not covered<br>");
    s.append("<i style=\"background:#cb181d;height:5px\"></i>gap<br>");
    s.append("<i style=\"background:#000;height:3px\"></i>border<br>");
    s.append("<i style=\"background:#08306b;height:2px\"></i>patrol track<br>");
    s.append("<i style=\"background:#6a51a3;border-radius:6px;width:12px\"></i>radar &nbsp;");
    s.append("<i style=\"background:#d95f02;border-radius:6px;width:12px\"></i>camera<br>");
    s.append("<i style=\"background:#828282;border-radius:6px;width:12px\"></i>sensor down part of the window<br>");
    if (r.terrain().outsideFraction() > 0 && !r.terrain().bareEarthOutside()) {
      s.append("<i style=\"background:repeating-linear-gradient(135deg,#8c8c8c 0 2px,#ededed 2px 7px)\"></i>no terrain data: not seen<br>");
    }
    s.append("<i style=\"border:3px solid #e7298a;border-radius:8px;width:8px;height:8px\"></i>suggested sensor (S) / patrol (P)");
    return s.toString();
  }

  /** lon/lat box of the area drawn: the coverage raster's frame. */
  private double[] overlayBounds() {
    GridFrame f = r.frame();
    Envelope e = new Envelope();
    for (int k = 0; k <= 8; k++) {
      double t = k / 8.0;
      double x = f.west() + t * f.width() * f.cellM();
      double y = f.north() - t * f.height() * f.cellM();
      for (double[] xy : new double[][] {{x, f.north()}, {x, f.north() - f.height() * f.cellM()}, {f.west(), y},
          {f.west() + f.width() * f.cellM(), y}}) {
        LocalProjection.LatLonPoint p = proj.inverse(xy[0], xy[1]);
        e.expandToInclude(p.lon(), p.lat());
      }
    }
    return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
  }

  /** The coverage raster resampled to a Web Mercator image (Leaflet stretches overlays linearly there). */
  private String overlayPng(double[] b) throws IOException {
    GridFrame f = r.frame();
    int w = Math.min(1600, f.width());
    double my0 = mercY(b[1]);
    double my1 = mercY(b[3]);
    double lonSpan = Math.toRadians(b[2] - b[0]);
    int hgt = (int) Math.max(1, Math.round(w * (my1 - my0) / lonSpan));
    BufferedImage img = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_ARGB);
    ElevationGrid dem = r.terrain().grid();
    for (int j = 0; j < hgt; j++) {
      double lat = Math.toDegrees(Math.atan(Math.sinh(my1 - (j + 0.5) / hgt * (my1 - my0))));
      for (int i = 0; i < w; i++) {
        double lon = b[0] + (i + 0.5) / w * (b[2] - b[0]);
        LocalProjection.Xy xy = proj.forward(lat, lon);
        int c = f.colOf(xy.x());
        int rr = f.rowOf(xy.y());
        if (!f.contains(c, rr)) {
          continue;
        }
        int k = rr * f.width() + c;
        boolean noData = r.terrain().noDataAt(c, rr);
        if (noData && Math.floorMod(i + j, 9) < 2) {
          img.setRGB(i, j, 0xff8c8c8c); // hatching: no terrain data, never counted as seen
          continue;
        }
        double shade = r.terrain().flat() || noData ? 0.93 : CoverageStyle.hillshade(dem, c, rr);
        int gray = (int) Math.round(255 * (0.55 + 0.45 * shade));
        Color tint = CoverageStyle.tint(r, k);
        int rgb = tint == null ? (gray << 16) | (gray << 8) | gray : CoverageStyle.blend(gray, tint);
        img.setRGB(i, j, 0xff000000 | rgb);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.setUseCache(false);
    ImageIO.write(img, "png", bytes);
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  private static double mercY(double latDeg) {
    double phi = Math.toRadians(latDeg);
    return Math.log(Math.tan(Math.PI / 4 + phi / 2));
  }

  private String sectorsJson() {
    StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < r.sectorPolygons().size(); i++) {
      String id = r.sectorIds().get(i);
      SectorRow row = r.sectors().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      String html = row == null ? id : String.format(Locale.ROOT,
          "<b>%s</b><br>border %.2f km<br>in gaps %.2f km (%.1f %%)<br>seen by sensors %.2f km<br>unwatched %.1f h (mean)<br>worst revisit %.1f h<br>band not covered %.1f %%<br>incidents in gaps %d",
          id, row.borderKm(), row.uncoveredKm(), row.uncoveredPct(), row.sensorKm(), row.hoursUncovered(),
          row.worstRevisitHours(), row.bandUncoveredPct(), row.incidentsInGaps());
      if (i > 0) s.append(',');
      s.append("{\"type\":\"Feature\",\"properties\":{\"id\":\"").append(jsonEsc(id)).append("\",\"html\":\"").append(jsonEsc(html))
          .append("\"},\"geometry\":").append(polygonJson(r.sectorPolygons().get(i))).append('}');
    }
    return s.append("]}").toString();
  }

  private static String polygonJson(Geometry g) {
    StringBuilder s = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (!(g.getGeometryN(k) instanceof Polygon p)) continue;
      if (k > 0) s.append(',');
      s.append("[").append(coords(p.getExteriorRing().getCoordinates())).append("]");
    }
    return s.append("]}").toString();
  }

  private static String lineFeature(LineString ls, String props) {
    return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
        + coords(ls.getCoordinates()) + "}}";
  }

  private static String coords(Coordinate[] cs) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < cs.length; i++) {
      if (i > 0) s.append(',');
      s.append('[').append(f6(cs[i].x)).append(',').append(f6(cs[i].y)).append(']');
    }
    return s.append(']').toString();
  }

  private static String latLngs(LineString ls) {
    StringBuilder s = new StringBuilder("[");
    Coordinate[] cs = ls.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      if (i > 0) s.append(',');
      s.append('[').append(f6(cs[i].y)).append(',').append(f6(cs[i].x)).append(']');
    }
    return s.append(']').toString();
  }

  private static String latLngs(double[] lonLat) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i + 1 < lonLat.length; i += 2) {
      if (i > 0) s.append(',');
      s.append('[').append(f6(lonLat[i + 1])).append(',').append(f6(lonLat[i])).append(']');
    }
    return s.append(']').toString();
  }

  /** The sensor's field of view out to its maximum range, as a geodesic polygon. */
  private static String fan(SensorSpec s) {
    StringBuilder b = new StringBuilder("[");
    double from = s.allRound() ? 0 : s.azimuthDeg() - s.fovDeg() / 2;
    double span = s.allRound() ? 360 : s.fovDeg();
    if (!s.allRound()) {
      b.append('[').append(f6(s.lat())).append(',').append(f6(s.lon())).append("],");
    }
    int n = Math.max(8, (int) (span / 3));
    for (int i = 0; i <= n; i++) {
      Geodesy.LatLon p = Geodesy.direct(s.lat(), s.lon(), from + span * i / n, s.rangeMaxM());
      if (i > 0) b.append(',');
      b.append('[').append(f6(p.lat())).append(',').append(f6(p.lon())).append(']');
    }
    return b.append(']').toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HtmlMap.class.getResourceAsStream(LEAFLET + name)) {
      if (in == null) {
        throw new IOException("Leaflet " + name + " is missing from the classpath (org.webjars.npm:leaflet)");
      }
      // a closing script tag inside the inlined library would end the script element early
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    }
  }

  private static String f6(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String js(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", " ").replace("</", "<\\/");
  }

  private static String jsonEsc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("</", "<\\/");
  }
}
