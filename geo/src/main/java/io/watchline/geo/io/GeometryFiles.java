package io.watchline.geo.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads features from any supported geometry file, recognising the format from its content (a
 * GeoPackage's SQLite header, XML for KML, JSON for GeoJSON, otherwise WKT), not its name.
 */
public final class GeometryFiles {
  private GeometryFiles() {}

  public static List<GeoFeature> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    byte[] head = new byte[4096];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (start.startsWith("SQLite format 3")) {
      return GeoPackageIo.read(file);
    }
    String trimmed = start.stripLeading().replace("\uFEFF", "").replace("ï»¿", "");
    if (trimmed.startsWith("{")) {
      return GeoJson.read(file);
    }
    if (trimmed.startsWith("<")) {
      return Kml.read(file);
    }
    if (n == 0) {
      throw new GeometryException(file + ": empty file");
    }
    // WKT files may open with '#' comment lines.
    String upper = trimmed.toUpperCase(Locale.ROOT);
    while (upper.startsWith("#")) {
      int nl = upper.indexOf('\n');
      upper = nl < 0 ? "" : upper.substring(nl + 1).stripLeading();
    }
    if (upper.matches("^(SRID=\\d+;)?(POINT|LINESTRING|POLYGON|MULTI|GEOMETRYCOLLECTION).*(?s).*")) {
      return Wkt.read(file);
    }
    throw new GeometryException(file + ": not a recognised geometry file (GeoJSON, KML, WKT or GeoPackage)");
  }
}
