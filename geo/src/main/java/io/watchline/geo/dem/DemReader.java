package io.watchline.geo.dem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a DEM by its content: GeoTIFF, ESRI ASCII grid (plain or gzip) or SRTM {@code .hgt}. */
public final class DemReader {
  private DemReader() {}

  /** Reads the DEM; one without a single valid cell is refused (it could only mean flat ground). */
  public static ElevationGrid read(Path file) throws IOException {
    ElevationGrid g = readAny(file);
    if (g.voidFraction() >= 1.0) {
      throw new DemFormatException(file + ": the DEM has no valid cells: all " + g.width() + "x" + g.height()
          + " cells are nodata (check its NODATA value, or give another DEM)");
    }
    return g;
  }

  private static ElevationGrid readAny(Path file) throws IOException {
    byte[] head = new byte[8];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
        || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42)
        || (head[0] == 'I' && head[1] == 'I' && head[2] == 43)
        || (head[0] == 'M' && head[1] == 'M' && head[3] == 43))) {
      return GeoTiff.read(file);
    }
    String text = new String(head, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).strip();
    if (text.startsWith("ncols") || text.startsWith("nrows") || (n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b)) {
      return AsciiGrid.read(file);
    }
    if (Hgt.isHgtSize(Files.size(file))) {
      return Hgt.read(file);
    }
    throw new DemFormatException(file + ": not a DEM this tool reads (GeoTIFF, ESRI ASCII grid .asc, SRTM .hgt)");
  }
}
