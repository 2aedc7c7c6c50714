package io.watchline.geo.dem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.testutil.RealData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DEM readers on the real SRTM tile and its clips (fixtures/data/dem, public domain). */
class DemReadersTest {
  static final String CLIP = "prokletije_MNE-ALB_srtm3_19.60-20.00E_42.40-42.70N";
  static final String FILLED = "prokletije_MNE-ALB_srtm3_filled_19.60-20.00E_42.40-42.70N";

  @Test
  void srtmTileVoidsAreNoDataNeverMinus32768() throws Exception {
    ElevationGrid g = DemReader.read(RealData.file("dem/N42E019.hgt"));
    assertThat(g.width()).isEqualTo(1201);
    assertThat(g.height()).isEqualTo(1201);
    assertThat(g.crs().geographic()).isTrue();
    assertThat(g.west()).isCloseTo(18.9995833, within(1e-6));
    assertThat(g.north()).isCloseTo(43.0004167, within(1e-6));
    // values as gdallocationinfo reports them
    assertThat(g.get(600, 600)).isEqualTo(1593f);
    assertThat(g.get(0, 0)).isEqualTo(1071f);
    assertThat(g.voidFraction()).isCloseTo(0.0349, within(0.0005));
    float min = Float.MAX_VALUE;
    for (float v : g.values()) {
      if (!Float.isNaN(v)) {
        min = Math.min(min, v);
      }
    }
    assertThat(min).isEqualTo(-13f);
  }

  @Test
  void geoTiffClipMatchesTheTileCellForCell() throws Exception {
    ElevationGrid tile = DemReader.read(RealData.file("dem/N42E019.hgt"));
    ElevationGrid clip = DemReader.read(RealData.file("dem/clips/" + CLIP + ".tif"));
    assertThat(clip.width()).isEqualTo(480);
    assertThat(clip.height()).isEqualTo(360);
    assertThat(clip.crs().geographic()).isTrue();
    assertThat(clip.west()).isCloseTo(19.5995833, within(1e-6));
    int voids = 0;
    for (int r = 0; r < clip.height(); r++) {
      for (int c = 0; c < clip.width(); c++) {
        int tc = tile.colOf(clip.centerX(c));
        int tr = tile.rowOf(clip.centerY(r));
        float a = clip.get(c, r);
        float b = tile.get(tc, tr);
        if (Float.isNaN(b)) {
          voids++;
          assertThat(a).isNaN();
        } else {
          assertThat(a).isEqualTo(b);
        }
      }
    }
    assertThat(voids).isGreaterThan(100);
  }

  @Test
  void asciiGridAndDeflateGeoTiffOfTheFilledClipAgree() throws Exception {
    ElevationGrid asc = DemReader.read(RealData.file("dem/clips/" + FILLED + ".asc"));
    ElevationGrid tif = DemReader.read(RealData.file("dem/clips/" + FILLED + ".tif"));
    assertThat(asc.crs().geographic()).isTrue();
    assertThat(asc.width()).isEqualTo(tif.width());
    assertThat(asc.height()).isEqualTo(tif.height());
    assertThat(asc.west()).isCloseTo(tif.west(), within(1e-9));
    assertThat(asc.north()).isCloseTo(tif.north(), within(1e-9));
    assertThat(java.util.Arrays.mismatch(asc.values(), tif.values())).as("first differing cell").isEqualTo(-1);
    assertThat(asc.voidFraction()).isZero();
  }

  @Test
  void projectedFloatPredictorGeoTiffKeepsItsSystem() throws Exception {
    Path p = Path.of(getClass().getResource("/viewshed-gdal/prokletije_utm34n_60m.tif").toURI());
    ElevationGrid g = DemReader.read(p);
    assertThat(g.crs().geographic()).isFalse();
    assertThat(g.crs().epsg()).isEqualTo(32634);
    assertThat(g.west()).isEqualTo(392400.0);
    assertThat(g.north()).isEqualTo(4720500.0);
    assertThat(g.cellX()).isEqualTo(60.0);
    assertThat(g.voidFraction()).isZero();
  }

  @Test
  void asciiRoundTripAndCentreRegistration(@TempDir Path tmp) throws Exception {
    float[] z = {1, 2.5f, Float.NaN, 4, 5, 6};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AsciiGrid.write(out, 3, 2, 500000, 4700000, 30, z);
    ElevationGrid g = AsciiGrid.read(new ByteArrayInputStream(out.toByteArray()), "t", GridCrs.UNKNOWN_METRIC);
    assertThat(g.values()).containsExactly(z);
    assertThat(g.north()).isEqualTo(4700060.0);

    String centred = "NCOLS 2\nNROWS 1\nXLLCENTER 10\nYLLCENTER 20\nCELLSIZE 2\n7 8\n";
    Path f = tmp.resolve("c.asc");
    Files.writeString(f, centred, StandardCharsets.US_ASCII);
    ElevationGrid c = DemReader.read(f);
    assertThat(c.west()).isEqualTo(9.0);
    assertThat(c.north()).isEqualTo(21.0);
    assertThat(c.crs().geographic()).as("no .prj, degrees-like coordinates").isTrue();
  }

  @Test
  void badFilesAreOneLineErrors(@TempDir Path tmp) throws Exception {
    Path junk = tmp.resolve("junk.bin");
    Files.writeString(junk, "hello world");
    assertThatThrownBy(() -> DemReader.read(junk)).isInstanceOf(DemFormatException.class).hasMessageContaining("not a DEM");
    Path shortAsc = tmp.resolve("short.asc");
    Files.writeString(shortAsc, "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3 4\n");
    assertThatThrownBy(() -> DemReader.read(shortAsc)).hasMessageContaining("expected 6 values, found 4");
  }
}
