package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.fusion.border.BorderView;
import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Source;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing the originator must keep leaves at the neighbour level or below: every byte of the
 * output is searched for every sensor id, patrol unit and GPS device id, patrol position (each fix
 * of the originator's patrol feed, as written there) and raw evidence offset. The input is a
 * simulated night of the Albanian side fused by its own sensors, plus one incident built to carry
 * all of those (a patrol's fix in its track, patrol factors, per-sensor evidence files).
 */
class ShareLeakTest {
  @TempDir static Path tmp;
  static Path side;
  static Path input;
  static Path key;
  static Set<String> ids = new TreeSet<>();
  static Set<String> patrolCoordinates = new HashSet<>();
  static Set<String> offsets = new HashSet<>();

  static final Pattern COORDINATE = Pattern.compile("\"(?:lat|lon)\":(-?[0-9]+\\.[0-9]+)");
  /** A decimal number standing alone (not part of a longer number, a word or a hex string). */
  static final Pattern DECIMAL = Pattern.compile("(?<![0-9A-Za-z.])-?[0-9]+\\.[0-9]+(?![0-9A-Za-z.])");
  static final Pattern INTEGER = Pattern.compile("(?<![0-9A-Za-z.])[0-9]+(?![0-9A-Za-z.])");

  @BeforeAll
  static void fuseOneSideAndAddALeakyIncident() throws IOException {
    Path dir = tmp.resolve("two");
    TwoSidedNights.run("simulate", "-q", "--both-sides", "--seed", "5", "--from", "22:00", "--to", "00:30", "--output-dir", dir.toString());
    side = dir.resolve("ALB");
    Path fused = side.resolve("incidents.ndjson");
    TwoSidedNights.run("fuse", "-q", side.resolve("radar.ndjson").toString(), side.resolve("thermal.ndjson").toString(),
        side.resolve("patrol.ndjson").toString(), "--border", dir.resolve("border.geojson").toString(),
        "--sites", side.resolve("sites.yaml").toString(), "-o", fused.toString());
    for (Site s : SiteRegistry.load(side.resolve("sites.yaml")).all()) ids.add(s.id());
    BorderView border = BorderView.load(dir.resolve("border.geojson"), null, 10_000, 5_000);
    String[] farthestFix = null;
    double farthest = 0;
    long fixOffset = 0;
    long offset = 0;
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String l : Files.readAllLines(side.resolve("patrol.ndjson"))) {
      com.fasterxml.jackson.databind.JsonNode n = json.readTree(l);
      ids.add(n.get("sensor").asText());
      ids.add(n.get("unit").asText());
      Matcher m = COORDINATE.matcher(l);
      List<String> latLon = new ArrayList<>();
      while (m.find()) latLon.add(m.group(1));
      patrolCoordinates.addAll(latLon);
      double d = Math.abs(border.signedDistanceM(n.get("lat").asDouble(), n.get("lon").asDouble()));
      if (d > farthest) {
        farthest = d;
        farthestFix = new String[] {latLon.get(0), latLon.get(1), n.get("t").asText()};
        fixOffset = offset;
      }
      offset += l.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    assertThat(farthest).as("a patrol fix outside the exact band").isGreaterThan(1100);
    List<Incident> incidents = TwoSidedNights.incidents(fused);
    assertThat(incidents).isNotEmpty();
    Incident first = incidents.get(0);
    Map<String, Object> factors = new LinkedHashMap<>(first.factors());
    factors.put("blue_force_m", 87L);
    factors.put("patrol_unit", "PATROL-A1");
    factors.put("explain", "RDR-A1 and CAM-A1; PATROL-A1 at 87 m");
    List<TrackPoint> track = new ArrayList<>(first.track());
    track.add(new TrackPoint(Double.parseDouble(farthestFix[1]), Double.parseDouble(farthestFix[0]), Instant.parse(farthestFix[2])));
    List<Source> evidence = new ArrayList<>(first.evidence());
    evidence.add(Source.atLine("patrol.ndjson", fixOffset, 1));
    evidence.add(Source.atOffset("radar-RDR-A1.ast", 1_234_567));
    Incident leaky = new Incident("INC-LEAKY", first.start(), first.end(), first.lat(), first.lon(), first.sector(),
        first.side(), first.kind(), first.score(), factors, track, evidence);
    input = side.resolve("with-leaky.ndjson");
    try (OutputStream out = Files.newOutputStream(input)) {
      NdjsonWriter w = new NdjsonWriter(out);
      for (Incident i : incidents) w.write(i);
      w.write(leaky);
      w.flush();
    }
    for (Incident i : incidents) for (Source s : i.evidence()) if (s.offset() >= 100_000) offsets.add(Long.toString(s.offset()));
    if (fixOffset >= 100_000) offsets.add(Long.toString(fixOffset));
    offsets.add("1234567");
    key = Files.write(tmp.resolve("partner.key"), "partner key for the leak test!!".getBytes(StandardCharsets.UTF_8));
  }

  static String share(String level) throws IOException {
    Path out = tmp.resolve(level + ".ndjson");
    TwoSidedNights.run("share", "-q", "--level", level, "--originator", "ALB", "--partner-key", key.toString(),
        "--border", side.getParent().resolve("border.geojson").toString(), input.toString(), "-o", out.toString());
    return Files.readString(out);
  }

  static Set<String> tokens(Pattern p, String text) {
    Set<String> out = new HashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) out.add(m.group());
    return out;
  }

  /** The secrets among the output's tokens (a set intersection: the lists are long). */
  static Set<String> found(Pattern p, String text, Set<String> secrets) {
    Set<String> hits = tokens(p, text);
    hits.retainAll(secrets);
    return new TreeSet<>(hits);
  }

  @Test
  void theSearchFindsEverySecretInTheInternalList() throws IOException {
    String internal = share("internal");
    assertThat(internal).contains("RDR-A1", "PATROL-A1");
    assertThat(found(DECIMAL, internal, patrolCoordinates)).isNotEmpty();
    assertThat(found(INTEGER, internal, offsets)).contains("1234567").hasSizeGreaterThan(100);
    assertThat(offsets).hasSizeGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"neighbour", "eurosur", "statistics"})
  void noSensorUnitPatrolPositionOrOffsetLeavesAt(String level) throws IOException {
    String out = share(level);
    assertThat(out).isNotEmpty();
    for (String id : ids) {
      assertThat(out).as(level + " names " + id).doesNotContain(id);
    }
    assertThat(found(DECIMAL, out, patrolCoordinates)).as(level + ": patrol positions").isEmpty();
    assertThat(found(INTEGER, out, offsets)).as(level + ": raw offsets").isEmpty();
    assertThat(out).doesNotContain("blue_force_m", "evidence\":[{", "\"offset\"");
  }
}
