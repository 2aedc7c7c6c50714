package io.watchline.geo.dem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SRTM {@code .hgt} tiles: square big-endian Int16 grids named after their south-west corner
 * ({@code N42E019.hgt}), 1201 (3") or 3601 (1") samples a side, samples on whole-degree lines
 * (pixel-is-point). Voids (-32768) become NaN, never a height.
 */
public final class Hgt {
  private Hgt() {}

  public static final short VOID = -32768;
  private static final Pattern NAME = Pattern.compile("([NS])(\\d{2})([EW])(\\d{3})");

  public static boolean isHgtSize(long bytes) {
    return bytes == 2L * 1201 * 1201 || bytes == 2L * 3601 * 3601;
  }

  public static ElevationGrid read(Path file) throws IOException {
    String name = file.getFileName().toString();
    Matcher m = NAME.matcher(name.toUpperCase(Locale.ROOT));
    if (!m.find()) {
      throw new DemFormatException(file + ": an SRTM tile must be named like N42E019.hgt (the name gives its position)");
    }
    int lat = Integer.parseInt(m.group(2)) * (m.group(1).equals("S") ? -1 : 1);
    int lon = Integer.parseInt(m.group(4)) * (m.group(3).equals("W") ? -1 : 1);
    byte[] bytes = Files.readAllBytes(file);
    if (!isHgtSize(bytes.length)) {
      throw new DemFormatException(file + ": " + bytes.length + " bytes is not an SRTM tile (expected 1201x1201 or 3601x3601 Int16)");
    }
    int n = bytes.length == 2 * 1201 * 1201 ? 1201 : 3601;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    float[] z = new float[n * n];
    for (int i = 0; i < z.length; i++) {
      short s = buf.getShort();
      z[i] = s == VOID ? Float.NaN : s;
    }
    double cell = 1.0 / (n - 1);
    return new ElevationGrid(n, n, lon - cell / 2, lat + 1 + cell / 2, cell, cell, z, GridCrs.WGS84);
  }
}
