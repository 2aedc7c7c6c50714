package io.watchline.geo.dem;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of WKT (.prj files) to tell geographic from projected and spot UTM zones. */
final class Wkt {
  private Wkt() {}

  private static final Pattern UTM = Pattern.compile("UTM[_ ]ZONE[_ ](\\d{1,2})([NS])");
  private static final Pattern AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]\\s*\\]\\s*$");
  private static final Pattern SEMI_MAJOR = Pattern.compile("SPHEROID\\[\"[^\"]*\",\\s*([0-9.]+)");

  static GridCrs crsOf(String wkt) {
    String up = wkt.toUpperCase(Locale.ROOT).trim();
    double a = GridCrs.WGS84_SEMI_MAJOR_M;
    Matcher sm = SEMI_MAJOR.matcher(up);
    if (sm.find()) {
      a = Double.parseDouble(sm.group(1));
    }
    int epsg = 0;
    Matcher auth = AUTHORITY.matcher(up);
    if (auth.find()) {
      epsg = Integer.parseInt(auth.group(1));
    }
    if (up.startsWith("PROJCS") || up.startsWith("PROJCRS")) {
      Matcher m = UTM.matcher(up);
      if (epsg == 0 && m.find() && up.contains("WGS")) {
        epsg = (m.group(2).equals("N") ? 32600 : 32700) + Integer.parseInt(m.group(1));
      }
      return new GridCrs(false, epsg, firstName(wkt), a);
    }
    if (up.startsWith("GEOGCS") || up.startsWith("GEOGCRS")) {
      return new GridCrs(true, epsg == 0 ? 4326 : epsg, firstName(wkt), a);
    }
    return null;
  }

  private static String firstName(String wkt) {
    int q = wkt.indexOf('"');
    int e = q < 0 ? -1 : wkt.indexOf('"', q + 1);
    return e > q ? wkt.substring(q + 1, e) : "from .prj";
  }
}
