package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fuse --threads N} finds what one engine finds: on simulated nights with many crossings
 * (several of them inside the halo of a region cut), the incidents of 2 and 3 regions are the same
 * bytes as those of one thread, but for the track ids they name, which must map one-to-one onto
 * the one-thread ids; the tracks file holds the same tracks; stats and exit codes agree.
 */
class FuseThreadsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void twoAndThreeRegionsGiveTheIncidentsOfOneThread() throws Exception {
    Path night = dir.resolve("n");
    assertThat(Main.run("simulate", "-q", "--seed", "11", "--from", "19:00", "--to", "01:00", "--crossings", "30", "--approaches", "10", "--output-dir",
        night.toString())).isZero();
    Fused one = fuse(night, 1);
    assertThat(one.incidents()).hasSizeGreaterThan(30);
    assertThat(nearCuts(one.incidents(), 2)).as("incidents inside the halo of the 2-region cut").isGreaterThanOrEqualTo(3);
    for (int threads = 2; threads <= 3; threads++) {
      Fused many = fuse(night, threads);
      assertThat(many.code()).isEqualTo(one.code());
      assertSame(one, many, threads);
    }
  }

  @Test
  void aWelfareNightIsTheSameOnTwoThreads() throws Exception {
    Path night = dir.resolve("w");
    assertThat(Main.run("simulate", "-q", "--seed", "5", "--welfare", "--from", "20:00", "--to", "02:00", "--crossings", "12", "--output-dir",
        night.toString())).isZero();
    Fused one = fuse(night, 1);
    assertThat(one.incidents().stream().filter(i -> i.get("kind").asText().equals("welfare"))).isNotEmpty();
    assertSame(one, fuse(night, 2), 2);
  }

  record Fused(int code, List<JsonNode> incidents, List<JsonNode> tracks, String err) {}

  private Fused fuse(Path night, int threads) throws Exception {
    Path out = dir.resolve(night.getFileName() + "-inc" + threads + ".ndjson");
    Path tracks = dir.resolve(night.getFileName() + "-tracks" + threads + ".ndjson");
    List<String> args = new ArrayList<>(List.of("fuse", night.resolve("radar.ndjson").toString(),
        night.resolve("thermal.ndjson").toString(), night.resolve("patrol.ndjson").toString(), "--border",
        FusionEndToEndTest.BORDER, "--sites", FusionEndToEndTest.SITES, "--threads", String.valueOf(threads), "-o",
        out.toString(), "--tracks", tracks.toString()));
    if (Files.exists(night.resolve("weather.csv"))) {
      args.addAll(List.of("--weather", night.resolve("weather.csv").toString(), "--roads",
          night.resolve("roads.geojson").toString(), "--water", night.resolve("water.geojson").toString()));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.run(args.toArray(String[]::new));
    } finally {
      System.setErr(old);
    }
    return new Fused(code, lines(out), lines(tracks), err.toString(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> lines(Path p) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    for (String l : Files.readAllLines(p)) {
      all.add(JSON.readTree(l));
    }
    return all;
  }

  /** Equal but for track ids, which must correspond one-to-one (the tracks file's ids included). */
  private static void assertSame(Fused one, Fused many, int threads) {
    Map<String, String> ids = new HashMap<>();
    assertThat(many.incidents()).hasSameSizeAs(one.incidents());
    for (int k = 0; k < one.incidents().size(); k++) {
      JsonNode a = one.incidents().get(k), b = many.incidents().get(k);
      String ta = a.path("factors").path("tracks").asText(), tb = b.path("factors").path("tracks").asText();
      assertThat(ids.computeIfAbsent(tb, x -> ta)).as("track ids of %s", a.get("id")).isEqualTo(ta);
      assertThat(withoutTrackIds(b)).as("%d threads, incident %s", threads, a.get("id")).isEqualTo(withoutTrackIds(a));
    }
    assertThat(Map.copyOf(ids).values()).doesNotHaveDuplicates();
    // the same tracks, each under an id of its own
    assertThat(many.tracks()).hasSameSizeAs(one.tracks());
    assertThat(many.tracks().stream().map(t -> t.get("track").asLong())).doesNotHaveDuplicates();
    assertThat(many.tracks().stream().map(FuseThreadsTest::withoutTrackIds).sorted(Comparator.BY_TEXT))
        .containsExactlyElementsOf(one.tracks().stream().map(FuseThreadsTest::withoutTrackIds).sorted(Comparator.BY_TEXT).toList());
    assertThat(counts(many.err())).isEqualTo(counts(one.err()));
  }

  private static JsonNode withoutTrackIds(JsonNode n) {
    ObjectNode c = n.deepCopy();
    if (c.has("factors")) ((ObjectNode) c.get("factors")).remove("tracks");
    if (c.has("label")) c.remove("track"); // a track record: "track" is its id
    return c;
  }

  /** The stderr lines and figures that must not depend on threads: reads, observation kinds, confirmed tracks, incidents. */
  private static List<String> counts(String err) {
    List<String> keep = new ArrayList<>();
    for (String l : err.split("\n")) {
      if (l.contains("read ") || l.contains("incidents at")) keep.add(l);
      int obs = l.indexOf("observations radar");
      if (obs >= 0) keep.add(l.substring(obs, l.indexOf(';', obs)));
      int conf = l.indexOf("confirmed ");
      if (conf >= 0) keep.add(l.substring(conf, l.indexOf(')', conf) + 1));
    }
    return keep;
  }

  /** Incidents whose event point lies within the halo of a region cut (routed to more than one region). */
  private static long nearCuts(List<JsonNode> incidents, int regions) throws Exception {
    BorderView view = BorderView.load(Path.of(FusionEndToEndTest.BORDER), null, 10_000, 5_000);
    RegionPartitioner p = RegionPartitioner.of(view, SiteRegistry.load(Path.of(FusionEndToEndTest.SITES)), regions,
        RegionPartitioner.DEFAULT_HALO_M);
    return incidents.stream().filter(i -> p.regionsNear(i.get("lat").asDouble(), i.get("lon").asDouble(), 0).length > 1).count();
  }

  private enum Comparator implements java.util.Comparator<JsonNode> {
    BY_TEXT;

    @Override
    public int compare(JsonNode a, JsonNode b) {
      return a.toString().compareTo(b.toString());
    }
  }
}
