package io.watchline.geo.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.geo.dem.DemReader;
import io.watchline.geo.dem.ElevationGrid;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sweep viewshed against rasters made once with {@code gdal_viewshed} (GDAL 3.6.2; see
 * src/test/resources/viewshed-gdal/README.md): a UTM clip of the real SRTM tile and a synthetic
 * terrain, four observers each with different mast/target heights, curvature and range.
 */
class GdalViewshedAgreementTest {

  record Observer(String name, String dem, int col, int row, double oz, double tz, double cc, double md) {}

  static Path dir() throws URISyntaxException {
    return Path.of(GdalViewshedAgreementTest.class.getResource("/viewshed-gdal/observers.csv").toURI()).getParent();
  }

  static Stream<Observer> observers() throws IOException, URISyntaxException {
    List<String> lines = Files.readAllLines(dir().resolve("observers.csv"));
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
      String[] f = l.split(",");
      return new Observer(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]),
          Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]));
    });
  }

  /** Agreement of two visible-cell sets inside the observer's range disk. */
  record Agreement(long both, long onlyOurs, long onlyGdal, long neither) {
    double iou() { return (double) both / (both + onlyOurs + onlyGdal); }

    double kappa() {
      double n = both + onlyOurs + onlyGdal + neither;
      double po = (both + neither) / n;
      double pe = ((both + onlyOurs) / n) * ((both + onlyGdal) / n) + ((neither + onlyGdal) / n) * ((neither + onlyOurs) / n);
      return (po - pe) / (1 - pe);
    }

    double visibleShare() { return (double) (both + onlyGdal) / (both + onlyOurs + onlyGdal + neither); }
  }

  static Agreement compare(ElevationGrid dem, ElevationGrid reference, Visibility ours, Observer o) {
    long both = 0, onlyOurs = 0, onlyGdal = 0, neither = 0;
    for (int r = 0; r < reference.height(); r++) {
      for (int c = 0; c < reference.width(); c++) {
        int col = dem.colOf(reference.centerX(c));
        int row = dem.rowOf(reference.centerY(r));
        double d2 = Math.pow((col - o.col()) * dem.cellX(), 2) + Math.pow((row - o.row()) * dem.cellY(), 2);
        if (d2 > o.md() * o.md()) {
          continue;
        }
        boolean gdal = reference.get(c, r) == 255f;
        boolean mine = ours.visible(col, row);
        if (gdal && mine) both++;
        else if (mine) onlyOurs++;
        else if (gdal) onlyGdal++;
        else neither++;
      }
    }
    return new Agreement(both, onlyOurs, onlyGdal, neither);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("observers")
  void sweepMatchesGdalViewshed(Observer o) throws Exception {
    ElevationGrid dem = DemReader.read(dir().resolve(o.dem()));
    ElevationGrid reference = DemReader.read(dir().resolve("vs_" + o.name() + ".tif"));
    ViewshedParams p = ViewshedParams.of(o.oz(), o.tz(), o.cc(), o.md());

    Agreement sweep = compare(dem, reference, Viewshed.sweep(dem, o.col(), o.row(), p), o);
    Agreement exact = compare(dem, reference, Viewshed.exact(dem, o.col(), o.row(), p), o);
    System.out.printf(Locale.ROOT,
        "viewshed vs gdal_viewshed %-8s visible %.1f%% of disk | sweep IoU %.4f kappa %.4f (%d/%d/%d) | exact R3 IoU %.4f kappa %.4f (%d/%d/%d)%n",
        o.name(), 100 * sweep.visibleShare(), sweep.iou(), sweep.kappa(), sweep.both(), sweep.onlyOurs(), sweep.onlyGdal(),
        exact.iou(), exact.kappa(), exact.both(), exact.onlyOurs(), exact.onlyGdal());

    assertThat(sweep.both()).as("visible cells").isGreaterThan(500);
    assertThat(sweep.iou()).as("IoU of visible cells").isGreaterThanOrEqualTo(0.995);
    assertThat(sweep.kappa()).as("Cohen's kappa").isGreaterThanOrEqualTo(0.99);
  }
}
