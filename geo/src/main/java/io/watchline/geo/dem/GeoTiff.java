package io.watchline.geo.dem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;

/**
 * GeoTIFF elevation (first band of the first image), including tiled DEFLATE files with the
 * floating-point predictor. The TIFF library hands over the geo tags raw, so the placement
 * (ModelTiepoint + ModelPixelScale, or a non-rotating ModelTransformation) and the GeoKeys
 * (model type, raster type, EPSG code) are decoded here. GDAL_NODATA cells become NaN.
 */
public final class GeoTiff {
  private GeoTiff() {}

  static final int GT_MODEL_TYPE = 1024;
  static final int GT_RASTER_TYPE = 1025;
  static final int GT_CITATION = 1026;
  static final int GEOGRAPHIC_TYPE = 2048;
  static final int PROJECTED_CS_TYPE = 3072;
  static final int PCS_CITATION = 3073;
  static final int MODEL_TYPE_PROJECTED = 1;
  static final int MODEL_TYPE_GEOGRAPHIC = 2;
  static final int RASTER_PIXEL_IS_POINT = 2;

  public static ElevationGrid read(Path file) throws IOException {
    TIFFImage image;
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    try {
      image = TiffReader.readTiff(bytes);
    } catch (RuntimeException e) {
      throw new DemFormatException(file + ": not a readable TIFF (" + e.getMessage() + ")", e);
    }
    FileDirectory dir = image.getFileDirectory();
    int width = dir.getImageWidth().intValue();
    int height = dir.getImageHeight().intValue();
    GeoKeys keys = GeoKeys.parse(dir);

    double cellX;
    double cellY;
    double west;
    double north;
    List<Double> scale = dir.getModelPixelScale();
    List<Double> tie = dir.getModelTiepoint();
    List<Double> transform = dir.getDoubleListEntryValue(FieldTagType.ModelTransformation);
    if (scale != null && tie != null && tie.size() >= 6) {
      cellX = scale.get(0);
      cellY = scale.get(1);
      west = tie.get(3) - tie.get(0) * cellX;
      north = tie.get(4) + tie.get(1) * cellY;
    } else if (transform != null && transform.size() >= 16) {
      if (transform.get(1) != 0 || transform.get(4) != 0) {
        throw new DemFormatException(file + ": rotated GeoTIFF rasters are not supported; warp it north-up first");
      }
      cellX = transform.get(0);
      cellY = -transform.get(5);
      west = transform.get(3);
      north = transform.get(7);
    } else {
      throw new DemFormatException(file + ": TIFF without georeferencing (no ModelTiepoint/ModelPixelScale)");
    }
    if (keys.rasterType() == RASTER_PIXEL_IS_POINT) {
      west -= cellX / 2;
      north += cellY / 2;
    }

    double nodata = Double.NaN;
    String nd = dir.getStringEntryValue(FieldTagType.GDAL_NODATA);
    if (nd != null && !nd.isBlank()) {
      try {
        nodata = Double.parseDouble(nd.trim());
      } catch (NumberFormatException e) {
        throw new DemFormatException(file + ": GDAL_NODATA is not a number: " + nd);
      }
    }

    float[] z = uncompressedStrips(dir, bytes, width, height);
    if (z == null) {
      Rasters rasters;
      try {
        rasters = dir.readRasters();
      } catch (RuntimeException e) {
        throw new DemFormatException(file + ": cannot decode raster data (" + e.getMessage() + ")", e);
      }
      z = samples(rasters, dir.getFieldTypeForSample(0), width, height);
    }
    if (!Double.isNaN(nodata)) {
      float ndf = (float) nodata;
      for (int i = 0; i < z.length; i++) {
        if (z[i] == ndf) {
          z[i] = Float.NaN;
        }
      }
    }
    return new ElevationGrid(width, height, west, north, cellX, cellY, z, keys.crs());
  }

  /**
   * Fast path for the common large-DEM layout (uncompressed single-band strips of Float32 or
   * Int16): bulk copies instead of per-sample decoding. Null when the file is laid out otherwise.
   */
  private static float[] uncompressedStrips(FileDirectory dir, byte[] bytes, int width, int height) {
    Integer compression = dir.getCompression();
    if (dir.isTiled() || dir.getSamplesPerPixel() != 1 || compression == null || compression != 1) {
      return null;
    }
    FieldType type = dir.getFieldTypeForSample(0);
    int size = type == FieldType.FLOAT ? 4 : (type == FieldType.SSHORT || type == FieldType.SHORT) ? 2 : 0;
    List<Number> offsets = dir.getStripOffsets();
    List<Number> counts = dir.getStripByteCounts();
    if (size == 0 || offsets == null || counts == null || offsets.size() != counts.size()) {
      return null;
    }
    java.nio.ByteOrder order = dir.getReader().getByteOrder();
    float[] z = new float[width * height];
    int pos = 0;
    for (int i = 0; i < offsets.size() && pos < z.length; i++) {
      long off = offsets.get(i).longValue();
      long cnt = counts.get(i).longValue();
      if (off < 0 || off + cnt > bytes.length) {
        throw new DemFormatException("TIFF strip " + i + " lies outside the file");
      }
      ByteBuffer b = ByteBuffer.wrap(bytes, (int) off, (int) cnt).slice().order(order);
      int n = (int) Math.min(cnt / size, z.length - pos);
      if (size == 4) {
        b.asFloatBuffer().get(z, pos, n);
      } else {
        java.nio.ShortBuffer sb = b.asShortBuffer();
        boolean unsigned = type == FieldType.SHORT;
        for (int k = 0; k < n; k++) {
          short v = sb.get(k);
          z[pos + k] = unsigned ? v & 0xffff : v;
        }
      }
      pos += n;
    }
    if (pos != z.length) {
      throw new DemFormatException("TIFF strips hold " + pos + " samples, expected " + z.length);
    }
    return z;
  }

  private static float[] samples(Rasters rasters, FieldType type, int width, int height) {
    float[] z = new float[width * height];
    ByteBuffer[] bands = rasters.hasSampleValues() ? rasters.getSampleValues() : null;
    if (bands != null && rasters.getSamplesPerPixel() >= 1) {
      ByteBuffer b = bands[0];
      switch (type) {
        case FLOAT:
          for (int i = 0; i < z.length; i++) z[i] = b.getFloat(i * 4);
          return z;
        case DOUBLE:
          for (int i = 0; i < z.length; i++) z[i] = (float) b.getDouble(i * 8);
          return z;
        case SSHORT:
          for (int i = 0; i < z.length; i++) z[i] = b.getShort(i * 2);
          return z;
        case SHORT:
          for (int i = 0; i < z.length; i++) z[i] = b.getShort(i * 2) & 0xffff;
          return z;
        case BYTE:
          for (int i = 0; i < z.length; i++) z[i] = b.get(i) & 0xff;
          return z;
        default:
          break;
      }
    }
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        z[r * width + c] = rasters.getFirstPixelSample(c, r).floatValue();
      }
    }
    return z;
  }

  /** The GeoKeys that matter for an elevation grid. */
  record GeoKeys(int modelType, int rasterType, int epsg, String citation) {
    GridCrs crs() {
      if (modelType == MODEL_TYPE_GEOGRAPHIC) {
        return new GridCrs(true, epsg > 0 ? epsg : 4326, citation != null ? citation : "geographic EPSG:" + epsg, GridCrs.WGS84_SEMI_MAJOR_M);
      }
      if (modelType == MODEL_TYPE_PROJECTED) {
        return GridCrs.projected(epsg, citation != null ? citation : "EPSG:" + epsg);
      }
      return GridCrs.UNKNOWN_METRIC;
    }

    static GeoKeys parse(FileDirectory dir) {
      List<Integer> k = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
      if (k == null || k.size() < 4) {
        return new GeoKeys(0, 1, 0, null);
      }
      String ascii = dir.getStringEntryValue(FieldTagType.GeoAsciiParams);
      int model = 0;
      int raster = 1;
      int geographic = 0;
      int projected = 0;
      String citation = null;
      int n = k.get(3);
      for (int i = 0; i < n && 4 + 4 * i + 3 < k.size(); i++) {
        int id = k.get(4 + 4 * i);
        int location = k.get(4 + 4 * i + 1);
        int count = k.get(4 + 4 * i + 2);
        int value = k.get(4 + 4 * i + 3);
        if (location == 0) {
          switch (id) {
            case GT_MODEL_TYPE -> model = value;
            case GT_RASTER_TYPE -> raster = value;
            case GEOGRAPHIC_TYPE -> geographic = value;
            case PROJECTED_CS_TYPE -> projected = value;
            default -> { }
          }
        } else if (location == FieldTagType.GeoAsciiParams.getId() && ascii != null
            && (id == PCS_CITATION || (id == GT_CITATION && citation == null))) {
          int end = Math.min(ascii.length(), value + count);
          if (value < end) {
            citation = ascii.substring(value, end).replace("|", " ").trim();
          }
        }
      }
      int epsg = model == MODEL_TYPE_GEOGRAPHIC ? geographic : projected;
      return new GeoKeys(model, raster, epsg == 32767 ? 0 : epsg, citation);
    }
  }
}
