package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

class CoverageCommandTest {
  static final Path BORDER = Path.of("..", "fixtures", "data", "borders", "mne-alb.geojson");
  static final Path DEMO = Path.of("..", "fixtures", "data", "demo");
  static final Path HGT = SampleFiles.fixture("dem/N42E019.hgt");

  static final String SITES = """
      sites:
        - {id: RDR-01, kind: radar, lat: 42.5600, lon: 19.8000, height_m: 12, azimuth_deg: 180, fov_deg: 360, range_min_m: 100, range_max_m: 12000}
        - {id: CAM-01, kind: thermal, lat: 42.4700, lon: 19.5600, height_m: 8, azimuth_deg: 120, fov_deg: 60, range_min_m: 20, range_max_m: 6000}
      """;

  static final String PATROLS = """
      {"t":"2026-11-20T19:00:00.000Z","kind":"patrol","sensor":"P-1","unit":"P-1","lat":42.5466,"lon":20.0500}
      {"t":"not a time","kind":"patrol"}
      {"t":"2026-11-20T19:05:00.000Z","kind":"patrol","sensor":"P-1","unit":"P-1","lat":42.5420,"lon":20.0400}
      {"t":"2026-11-20T19:10:00.000Z","kind":"patrol","sensor":"P-1","unit":"P-1","lat":42.5380,"lon":20.0300}
      """;

  record Run(int code, String err) {}

  static Run run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      picocli.CommandLine cl = Main.commandLine();
      cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = cl.execute(args);
      return new Run(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void demoNightOnTheRealDem(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("demo");
    Run r = run("coverage", "--sites", DEMO.resolve("sites.yaml").toString(), "--border", BORDER.toString(),
        "--dem", HGT.toString(), "--patrols", DEMO.resolve("night/patrol.ndjson").toString(),
        "--window", "2026-11-27T23:00Z/2026-11-28T00:30Z", "--revisit", "1h", "--cell", "100m", "--suggest", "2",
        "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("4 units").contains("0 rejected");
    List<String> csv = Files.readAllLines(out.resolve("sectors.csv"));
    assertThat(csv).hasSize(17);
    double sensorKm = csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[5])).sum();
    assertThat(sensorKm).as("16 demo sensors see some of the border").isGreaterThan(5);
    assertThat(out.resolve("map.png")).isNotEmptyFile();
  }

  @Test
  void writesEveryOutputOnTheRealBorderAndDem(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    Path patrols = Files.writeString(tmp.resolve("patrols.ndjson"), PATROLS);
    Path out = tmp.resolve("gaps");
    Run r = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--dem", HGT.toString(),
        "--patrols", patrols.toString(), "--window", "2026-11-20T18:00Z/2026-11-21T06:00Z", "--hours", "18-06",
        "--cell", "100m", "--suggest", "2", "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String f : List.of("gaps.geojson", "sectors.csv", "suggestions.geojson", "suggestions.csv", "coverage.asc",
        "coverage.txt", "map.png", "map.svg", "map.html", "patrol-rejects.ndjson")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    assertThat(r.err()).contains("N42E019.hgt").contains("3 fixes from 1 units").contains("1 rejected");
    assertThat(Files.readAllLines(out.resolve("patrol-rejects.ndjson"))).hasSize(1);

    JsonNode gaps = new ObjectMapper().readTree(out.resolve("gaps.geojson").toFile());
    assertThat(gaps.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(gaps.has("crs")).isFalse();
    assertThat(gaps.get("features").size()).isGreaterThan(0);
    for (JsonNode f : gaps.get("features")) {
      assertThat(f.at("/properties/sector").asText()).startsWith("S-");
      if (f.at("/geometry/type").asText().equals("Polygon")) {
        JsonNode ring = f.at("/geometry/coordinates/0");
        Coordinate[] cs = new Coordinate[ring.size()];
        for (int i = 0; i < cs.length; i++) {
          cs[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        assertThat(Orientation.isCCW(cs)).as("RFC 7946 exterior rings are counter-clockwise").isTrue();
      }
    }
    List<String> csv = Files.readAllLines(out.resolve("sectors.csv"));
    assertThat(csv.get(0)).startsWith("sector,name,border_km,uncovered_km,uncovered_pct");
    double borderKm = csv.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).sum();
    assertThat(borderKm).isBetween(157.0, 161.0);
    assertThat(Files.readAllLines(out.resolve("suggestions.csv"))).hasSize(1 + 4);

    BufferedImage png = ImageIO.read(out.resolve("map.png").toFile());
    assertThat(png.getWidth()).isGreaterThan(1500);
    String svg = Files.readString(out.resolve("map.svg"));
    assertThat(svg).startsWith("<?xml").contains("<svg").contains("Legend").contains("RDR-01");
    String html = Files.readString(out.resolve("map.html"));
    assertThat(html).contains("L.map(").contains("RDR-01").contains("Leaflet").doesNotContain("<script src=")
        .doesNotContain("tile.openstreetmap").doesNotContain("{z}/{x}/{y}");
  }

  @Test
  void theOutputsNameTheLineOfSightAndR2SeesAtLeastWhatTheGdalSweepSees(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    double[] sensorKm = new double[2];
    String[] algos = {"gdal", "r2"};
    for (int i = 0; i < 2; i++) {
      Path out = tmp.resolve(algos[i]);
      List<String> args = new java.util.ArrayList<>(List.of("coverage", "--sites", sites.toString(), "--border",
          BORDER.toString(), "--dem", HGT.toString(), "--cell", "200m", "--out", out.toString()));
      if (i == 0) {
        args.addAll(List.of("--viewshed", "gdal"));
      }
      Run r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(Files.readString(out.resolve("coverage.txt"))).contains("line of sight: " + algos[i] + ",");
      assertThat(Files.readString(out.resolve("map.svg"))).contains("line of sight " + algos[i]);
      sensorKm[i] = Files.readAllLines(out.resolve("sectors.csv")).stream().skip(1)
          .mapToDouble(l -> Double.parseDouble(l.split(",")[5])).sum();
    }
    assertThat(sensorKm[1]).as("r2 is not pessimistic like the sweep").isGreaterThanOrEqualTo(sensorKm[0]).isGreaterThan(0);
    Run bad = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--viewshed", "fast", "--out",
        tmp.resolve("bad").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--viewshed must be r2, gdal or exact").doesNotContain("Exception");
  }

  @Test
  void withoutDemTheOutputsSayFlatEarth(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    Path out = tmp.resolve("o");
    Run r = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--cell", "400m", "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("FLAT EARTH");
    assertTheRasterIsPlacedByItsPrj(out);
    assertThat(Files.readString(out.resolve("coverage.txt"))).contains("FLAT EARTH");
    assertThat(Files.readString(out.resolve("map.html"))).contains("FLAT EARTH");
    // rerunning into the existing directory replaces the files
    assertThat(run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--cell", "400m", "--output-dir",
        out.toString()).code()).isZero();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("sites.yaml", "o");
    }
  }

  @Test
  void aDemWithoutValidCellsIsNamedNotPrintedAsAnObject(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    String header = "ncols 4\nnrows 3\nxllcorner %s\nyllcorner %s\ncellsize 0.01\nNODATA_value -9999\n";
    Path voids = Files.writeString(tmp.resolve("voids.asc"),
        String.format(header, "19.5", "42.4") + "-9999 -9999 -9999 -9999\n".repeat(3));
    Run r = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--dem", voids.toString(),
        "--cell", "400m", "--output-dir", tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("watchline: " + voids + ": the DEM has no valid cells: all 4x3 cells are nodata"
        + " (check its NODATA value, or give another DEM)");
    // valid heights, but in the Alps: nothing over the border
    Path elsewhere = Files.writeString(tmp.resolve("alps.asc"), String.format(header, "10.0", "46.0") + "800 810 820 830\n".repeat(3));
    r = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--dem", elsewhere.toString(),
        "--cell", "400m", "--output-dir", tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("watchline: alps.asc: the DEM has no valid cells over the analysis area"
        + " (the DEM spans lon, lat 10.0000..10.0400, 46.0000..46.0300").doesNotContain("ElevationGrid[");
  }

  @Test
  void aRadarSilentFromOneToThreeLeavesItsStretchUnwatchedThenAndTheSvgIsStable(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    // status lines: the radar every 4 s except 01:00-03:00, the camera every 10 s all night
    StringBuilder status = new StringBuilder();
    java.time.Instant from = java.time.Instant.parse("2026-11-27T22:00:00Z");
    for (long s = 0; s < 8 * 3600; s += 2) {
      java.time.Instant t = from.plusSeconds(s);
      int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
      if (s % 4 == 0 && (hour < 1 || hour >= 3)) status.append("{\"t\":\"").append(t).append("\",\"sensor\":\"RDR-01\"}\n");
      if (s % 10 == 0) status.append("{\"t\":\"").append(t).append("\",\"sensor\":\"CAM-01\"}\n");
    }
    status.append("not json\n");
    Path statusFile = Files.writeString(tmp.resolve("status.ndjson"), status.toString());
    String[] args = {"coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--cell", "400m",
        "--status", statusFile.toString(), "--window", "2026-11-27T22:00Z/2026-11-28T06:00Z", "--revisit", "1h"};
    Run r = run(concat(args, "--output-dir", tmp.resolve("a").toString()));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> sensors = Files.readAllLines(tmp.resolve("a/sensors.csv"));
    assertThat(sensors).contains("CAM-01,100.00,0,").anyMatch(l -> l.startsWith("RDR-01,75.") && l.endsWith(",1,01:00–03:00"));
    assertThat(Files.readAllLines(tmp.resolve("a/observation-rejects.ndjson"))).hasSize(1);
    // the radar's sectors: unwatched exactly while it was down (never patrolled, always seen otherwise)
    List<String> radarOnly = Files.readAllLines(tmp.resolve("a/sectors.csv")).stream()
        .filter(l -> l.endsWith(",01:00–03:00,0.000")).toList();
    assertThat(radarOnly).isNotEmpty();
    Run again = run(concat(args, "--output-dir", tmp.resolve("b").toString()));
    assertThat(again.code()).isZero();
    assertThat(Files.readString(tmp.resolve("b/map.svg"))).isEqualTo(Files.readString(tmp.resolve("a/map.svg")));
  }

  @Test
  void aNightWithoutObservationsHasEverySensorDown(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    Path empty = Files.writeString(tmp.resolve("obs.ndjson"), "");
    Path out = tmp.resolve("o");
    Run r = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--cell", "400m",
        "--observations", empty.toString(), "--window", "2026-11-27T22:00Z/2026-11-28T06:00Z", "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("no sensor was heard");
    assertThat(Files.readAllLines(out.resolve("sensors.csv"))).containsExactly("sensor,up_pct,outages,outages_utc",
        "RDR-01,0.00,1,11-27 22:00–11-28 06:00", "CAM-01,0.00,1,11-27 22:00–11-28 06:00");
    List<String> csv = Files.readAllLines(out.resolve("sectors.csv"));
    for (String l : csv.subList(1, csv.size())) {
      String[] f = l.split(",");
      assertThat(f[5]).as("sensor_km " + l).isEqualTo("0.000");
      assertThat(f[3]).as("uncovered_km " + l).isEqualTo(f[2]);
    }
  }

  static String[] concat(String[] a, String... b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /**
   * coverage.asc read back through the DEM reader with its .prj: a projected grid; the projection's
   * parameters, taken from the .prj alone, put the radar's mast foot on a "sensor" cell and a point
   * 15 km from any sensor on a "none" cell.
   */
  static void assertTheRasterIsPlacedByItsPrj(Path out) throws Exception {
    io.watchline.geo.dem.ElevationGrid grid = io.watchline.geo.dem.DemReader.read(out.resolve("coverage.asc"));
    assertThat(grid.crs().geographic()).isFalse();
    assertThat(grid.crs().name()).startsWith("Watchline local TM");
    String prj = Files.readString(out.resolve("coverage.prj"));
    java.util.function.Function<String, Double> param = name -> {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("PARAMETER\\[\"" + name + "\",([-0-9.E]+)\\]").matcher(prj);
      assertThat(m.find()).as(name).isTrue();
      return Double.parseDouble(m.group(1));
    };
    var f = new org.locationtech.proj4j.CRSFactory();
    var wgs = f.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
    var tm = f.createFromParameters("TM", "+proj=tmerc +lat_0=" + param.apply("Latitude_Of_Origin") + " +lon_0="
        + param.apply("Central_Meridian") + " +k=" + param.apply("Scale_Factor") + " +x_0=" + param.apply("False_Easting")
        + " +y_0=" + param.apply("False_Northing") + " +datum=WGS84 +units=m +no_defs");
    var t = new org.locationtech.proj4j.BasicCoordinateTransform(wgs, tm);
    var radar = t.transform(new org.locationtech.proj4j.ProjCoordinate(19.8000, 42.5600), new org.locationtech.proj4j.ProjCoordinate());
    assertThat(grid.get(grid.colOf(radar.x), grid.rowOf(radar.y))).isEqualTo(2f);
    var far = t.transform(new org.locationtech.proj4j.ProjCoordinate(19.3000, 42.1500), new org.locationtech.proj4j.ProjCoordinate());
    assertThat(grid.get(grid.colOf(far.x), grid.rowOf(far.y))).isEqualTo(0f);
  }

  @Test
  void userMistakesAreOneLineErrorsWithExitCode2(@TempDir Path tmp) throws Exception {
    Path sites = Files.writeString(tmp.resolve("sites.yaml"), SITES);
    Path patrols = Files.writeString(tmp.resolve("p.ndjson"), PATROLS);
    Run noWindow = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--patrols", patrols.toString(),
        "--output-dir", tmp.resolve("x").toString());
    assertThat(noWindow.code()).isEqualTo(2);
    assertThat(noWindow.err().trim()).startsWith("watchline: give --window").doesNotContain("Exception");
    Path junk = Files.writeString(tmp.resolve("dem.bin"), "not a dem");
    Run badDem = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--dem", junk.toString(),
        "--output-dir", tmp.resolve("y").toString());
    assertThat(badDem.code()).isEqualTo(2);
    assertThat(badDem.err()).contains("not a DEM").doesNotContain("at io.");
    Run badWindow = run("coverage", "--sites", sites.toString(), "--border", BORDER.toString(), "--window", "yesterday/today",
        "--output-dir", tmp.resolve("z").toString());
    assertThat(badWindow.code()).isEqualTo(2);
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }
}
