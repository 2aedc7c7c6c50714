package io.watchline.geo.dem;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * ESRI ASCII grid ({@code .asc}) reading and writing. Reading accepts corner or centre
 * registration, {@code cellsize} or {@code dx}/{@code dy}, and gzip-compressed files; the system
 * comes from a sibling {@code .prj} when there is one.
 */
public final class AsciiGrid {
  private AsciiGrid() {}

  public static ElevationGrid read(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return read(in, file.toString(), crsFromPrj(file));
    }
  }

  /** Reads a grid; {@code crs} null means: guess geographic or metric from the coordinates. */
  public static ElevationGrid read(InputStream raw, String name, GridCrs crs) throws IOException {
    Tokens t = new Tokens(new BufferedInputStream(raw, 1 << 16));
    Map<String, String> header = new HashMap<>();
    String tok;
    while ((tok = t.next()) != null) {
      if (!Character.isLetter(tok.charAt(0))) {
        break;
      }
      String value = t.next();
      if (value == null) {
        throw new DemFormatException(name + ": header key '" + tok + "' has no value");
      }
      header.put(tok.toLowerCase(Locale.ROOT), value);
    }
    int ncols = intKey(header, "ncols", name);
    int nrows = intKey(header, "nrows", name);
    double dx;
    double dy;
    if (header.containsKey("cellsize")) {
      dx = dy = numKey(header, "cellsize", name);
    } else {
      dx = numKey(header, "dx", name);
      dy = numKey(header, "dy", name);
    }
    double west;
    double south;
    if (header.containsKey("xllcenter")) {
      west = numKey(header, "xllcenter", name) - dx / 2;
    } else {
      west = numKey(header, "xllcorner", name);
    }
    if (header.containsKey("yllcenter")) {
      south = numKey(header, "yllcenter", name) - dy / 2;
    } else {
      south = numKey(header, "yllcorner", name);
    }
    double nodata = header.containsKey("nodata_value") ? numKey(header, "nodata_value", name) : Double.NaN;
    long n = (long) ncols * nrows;
    if (ncols <= 0 || nrows <= 0 || n > Integer.MAX_VALUE - 8) {
      throw new DemFormatException(name + ": bad grid size " + ncols + "x" + nrows);
    }
    float[] z = new float[(int) n];
    int i = 0;
    while (tok != null && i < n) {
      double v;
      try {
        v = Double.parseDouble(tok);
      } catch (NumberFormatException e) {
        throw new DemFormatException(name + ": value " + (i + 1) + " is not a number: '" + tok + "'");
      }
      z[i++] = v == nodata ? Float.NaN : (float) v;
      tok = t.next();
    }
    if (i < n) {
      throw new DemFormatException(name + ": expected " + n + " values, found " + i);
    }
    double north = south + nrows * dy;
    if (crs == null) {
      crs = looksGeographic(west, south, west + ncols * dx, north)
          ? new GridCrs(true, 4326, "WGS 84 (assumed: no .prj, coordinates look like degrees)", GridCrs.WGS84_SEMI_MAJOR_M)
          : GridCrs.UNKNOWN_METRIC;
    }
    return new ElevationGrid(ncols, nrows, west, north, dx, dy, z, crs);
  }

  /** Writes float values (NaN as -9999) with corner registration. */
  public static void write(OutputStream out, int ncols, int nrows, double west, double south, double cell, float[] values)
      throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
    w.write("ncols " + ncols + "\nnrows " + nrows + "\nxllcorner " + west + "\nyllcorner " + south
        + "\ncellsize " + cell + "\nNODATA_value -9999\n");
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < nrows; r++) {
      line.setLength(0);
      for (int c = 0; c < ncols; c++) {
        float v = values[r * ncols + c];
        if (c > 0) {
          line.append(' ');
        }
        if (Float.isNaN(v)) {
          line.append("-9999");
        } else if (v == Math.rint(v)) {
          line.append((int) v);
        } else {
          line.append(v);
        }
      }
      line.append('\n');
      w.write(line.toString());
    }
    w.flush();
  }

  static boolean looksGeographic(double west, double south, double east, double north) {
    return west >= -180 && east <= 180 && south >= -90 && north <= 90 && (east - west) < 30;
  }

  private static GridCrs crsFromPrj(Path file) throws IOException {
    String base = file.getFileName().toString();
    base = base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base;
    int dot = base.lastIndexOf('.');
    Path prj = file.resolveSibling((dot > 0 ? base.substring(0, dot) : base) + ".prj");
    if (!Files.isRegularFile(prj)) {
      return null;
    }
    return Wkt.crsOf(Files.readString(prj, StandardCharsets.ISO_8859_1));
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static int intKey(Map<String, String> h, String key, String name) {
    double v = numKey(h, key, name);
    if (v != Math.rint(v)) {
      throw new DemFormatException(name + ": " + key + " must be a whole number, got " + h.get(key));
    }
    return (int) v;
  }

  private static double numKey(Map<String, String> h, String key, String name) {
    String s = h.get(key);
    if (s == null) {
      throw new DemFormatException(name + ": ESRI ASCII grid header lacks '" + key + "'");
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new DemFormatException(name + ": header '" + key + "' is not a number: " + s);
    }
  }

  /** Whitespace-separated tokens without building a String per line. */
  private static final class Tokens {
    private final InputStream in;
    private final StringBuilder sb = new StringBuilder(32);

    Tokens(InputStream in) {
      this.in = in;
    }

    String next() throws IOException {
      int b;
      do {
        b = in.read();
      } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
      if (b < 0) {
        return null;
      }
      sb.setLength(0);
      while (b >= 0 && b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        sb.append((char) b);
        b = in.read();
      }
      return sb.toString();
    }
  }
}
