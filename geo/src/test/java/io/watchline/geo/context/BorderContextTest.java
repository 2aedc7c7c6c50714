package io.watchline.geo.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.watchline.geo.io.GeometryException;
import io.watchline.geo.sector.Sector;
import io.watchline.geo.testutil.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BorderContextTest {
  static Path fixture() {
    // The derived MNE–ALB line kept in fixtures (from 'watchline border' on Natural Earth 10m).
    Path p = Path.of(System.getProperty("user.dir")).getParent().resolve("fixtures/data/borders/mne-alb.geojson");
    assertThat(p).exists();
    return p;
  }

  @Test
  void montenegroAlbaniaBorderSidesDistancesSectorsAndCrossings() throws Exception {
    BorderContext ctx = BorderContext.load(fixture(), null, 10_000, 5_000);
    assertThat(ctx.borderLengthM()).isBetween(155_000.0, 162_000.0);
    // The line runs from the Kosovo tripoint west to the Bojana mouth: Albania on the left.
    assertThat(ctx.sideOf(42.068, 19.512)).isEqualTo("ALB"); // Shkodër
    assertThat(ctx.sideOf(42.441, 19.263)).isEqualTo("MNE"); // Podgorica
    assertThat(ctx.signedDistanceM(42.068, 19.512)).isGreaterThan(5_000);
    assertThat(ctx.signedDistanceM(42.441, 19.263)).isLessThan(-10_000);

    assertThat(ctx.sectors()).hasSize(16);
    assertThat(ctx.sectors().get(0).id()).isEqualTo("S-01");
    assertThat(ctx.sectors().stream().mapToDouble(Sector::borderLengthM).sum()).isCloseTo(ctx.borderLengthM(), within(1.0));
    // The Kosovo tripoint end is in the first sector; Podgorica is outside every 5 km band.
    assertThat(ctx.sectorOf(42.5450, 20.0600)).isEqualTo("S-01");
    assertThat(ctx.sectorOf(42.441, 19.263)).isNull();

    // Shkodër -> Podgorica crosses from Albania into Montenegro once.
    BorderContext.Crossing c = ctx.crossing(42.068, 19.512, 42.441, 19.263);
    assertThat(c).isNotNull();
    assertThat(c.from()).isEqualTo("ALB");
    assertThat(c.to()).isEqualTo("MNE");
    assertThat(c.fraction()).isBetween(0.0, 1.0);
    assertThat(Math.abs(ctx.signedDistanceM(c.lat(), c.lon()))).isLessThan(0.01);
    assertThat(ctx.crossing(42.068, 19.512, 42.07, 19.52)).isNull();
  }

  @Test
  void polygonsAreRefusedAsABorderLine() {
    Path alb = RealData.file("borders/naturalearth-10m/ALB.geojson");
    assertThatThrownBy(() -> BorderContext.load(alb, null, 10_000, 5_000))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("watchline border");
  }

  @Test
  void emptyFileIsAClearError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("empty.geojson");
    Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThatThrownBy(() -> BorderContext.load(f, null, 10_000, 5_000))
        .isInstanceOf(GeometryException.class)
        .hasMessageContaining("no features");
  }
}
