package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.watchline.evaluate.Evaluator;
import io.watchline.evaluate.Observability;
import io.watchline.incident.Incident;
import io.watchline.share.EurosurEvent;
import io.watchline.share.PartnerKey;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two countries, their own sensors, one night after another: each fuses its own feeds, shares,
 * and the merged list is scored against the common truth. {@code -Dcooperation.nights=5} runs
 * the five nights of docs/cooperation.md (the default test run takes two).
 */
class CooperationTest {
  @TempDir static Path tmp;
  static TwoSidedNights nights;
  static Observability seenByAlb;
  static Observability seenByMne;

  @BeforeAll
  static void simulateAndFuseBothSides() throws IOException {
    int n = Integer.getInteger("cooperation.nights", 2);
    nights = new TwoSidedNights(tmp.resolve("two"), Long.getLong("cooperation.seed", 11), n);
    seenByAlb = nights.seenBy("ALB");
    seenByMne = nights.seenBy("MNE");
    System.out.println("two-sided nights: " + n + "\n" + nights.report(seenByAlb, seenByMne));
  }

  @Test
  void theSimulatorWritesEachCountrysOwnFeedsAndTheCommonTruthOnTop() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String c : TwoSidedNights.SIDES) {
      SiteRegistry sites = SiteRegistry.load(nights.dir.resolve(c).resolve("sites.yaml"));
      // The bundled Albanian sensors are named RDR-A1, CAM-A2, ...; the Montenegrin ones RDR-01, CAM-12, ...
      assertThat(sites.all()).isNotEmpty().allSatisfy(s -> assertThat(s.id()).matches(c.equals("ALB") ? ".*-A[0-9]" : ".*-[0-9]+"));
      try (var lines = Files.lines(nights.dir.resolve(c).resolve("radar.ndjson"))) {
        assertThat(lines.limit(5000)).allSatisfy(l -> assertThat(sites.byId(json.readTree(l).get("sensor").asText())).isNotNull());
      }
    }
    for (String f : List.of("border.geojson", "truth.ndjson", "truth-patrols.ndjson", "scenario.json")) {
      assertThat(nights.dir.resolve(f)).isNotEmptyFile();
    }
  }

  @Test
  void theMergedListFindsMoreCrossingsThanEitherSideAndEachOnlyOnce() throws IOException {
    List<Incident> alb = TwoSidedNights.incidents(nights.internal("ALB"));
    List<Incident> mne = TwoSidedNights.incidents(nights.internal("MNE"));
    List<Incident> joint = TwoSidedNights.incidents(nights.dir.resolve("joint-mne-alb.ndjson"));
    Evaluator.KindScore a = nights.crossingScore(alb), m = nights.crossingScore(mne), j = nights.crossingScore(joint);
    assertThat(j.recall()).isGreaterThan(Math.max(a.recall(), m.recall()));
    assertThat(nights.recallOverSeen(joint, seenByAlb, seenByMne)).isGreaterThanOrEqualTo(0.95);
    assertThat(nights.duplicates(joint)).isZero();
    // Crossings both countries reported became one joint incident each, naming both.
    long both = joint.stream().filter(i -> "ALB,MNE".equals(i.factors().get("origins"))).count();
    assertThat(both).isPositive();
    assertThat(joint).hasSize(alb.size() + mne.size() - (int) both);
  }

  @Test
  void mergeIsOrderIndependentByteForByte() throws IOException {
    byte[] ab = Files.readAllBytes(nights.dir.resolve("joint-alb-mne.ndjson"));
    assertThat(ab).isNotEmpty().isEqualTo(Files.readAllBytes(nights.dir.resolve("joint-mne-alb.ndjson")));
  }

  @Test
  void neighbourPseudonymsAreStableOverNightsAndDifferPerPartnerKey() throws IOException {
    Path k1 = Files.write(tmp.resolve("mne.key"), "secret shared by ALB with MNE, 32b".getBytes(StandardCharsets.UTF_8));
    Path k2 = Files.write(tmp.resolve("kos.key"), "secret shared by ALB with KOS, 32b".getBytes(StandardCharsets.UTF_8));
    Map<String, Set<String>> byNight1 = shareNeighbour("ALB", k1, tmp.resolve("alb-for-mne.ndjson"));
    Map<String, Set<String>> byNight2 = shareNeighbour("ALB", k2, tmp.resolve("alb-for-kos.ndjson"));
    assertThat(byNight1).hasSizeGreaterThanOrEqualTo(2);
    // The same sensor keeps its pseudonym from one night to the next.
    List<Set<String>> nightsSeen = List.copyOf(byNight1.values());
    Set<String> again = new HashSet<>(nightsSeen.get(0));
    again.retainAll(nightsSeen.get(1));
    assertThat(again).isNotEmpty();
    // Every pseudonym is the keyed HMAC of one of ALB's own sensors; another key gives others.
    PartnerKey key1 = PartnerKey.load(k1);
    Set<String> expected = new HashSet<>();
    for (Site s : SiteRegistry.load(nights.dir.resolve("ALB/sites.yaml")).all()) expected.add(key1.sensor(s.id()));
    Set<String> all1 = new TreeSet<>(), all2 = new TreeSet<>();
    byNight1.values().forEach(all1::addAll);
    byNight2.values().forEach(all2::addAll);
    assertThat(expected).containsAll(all1);
    assertThat(all2).hasSameSizeAs(all1).doesNotContainAnyElementsOf(all1);
  }

  /** Shares a side's list at the neighbour level; returns the sensor pseudonyms seen per night. */
  private static Map<String, Set<String>> shareNeighbour(String country, Path key, Path out) throws IOException {
    TwoSidedNights.run("share", "-q", "--level", "neighbour", "--originator", country, "--partner-key", key.toString(),
        "--border", nights.border().toString(), nights.dir.resolve(country).resolve("incidents.ndjson").toString(),
        "-o", out.toString());
    Map<String, Set<String>> byNight = new HashMap<>();
    ObjectMapper m = new ObjectMapper();
    for (String line : Files.readAllLines(out)) {
      JsonNode n = m.readTree(line);
      String night = Instant.parse(n.get("factors").get("event_t").asText()).minus(Duration.ofHours(12))
          .atOffset(ZoneOffset.UTC).toLocalDate().toString();
      for (JsonNode s : n.get("sensors")) byNight.computeIfAbsent(night, k -> new TreeSet<>()).add(s.asText());
    }
    return byNight;
  }

  @Test
  void eurosurEventsValidateAgainstTheSchema() throws IOException {
    Path events = tmp.resolve("events.ndjson");
    TwoSidedNights.run("export", "-q", nights.internal("MNE").toString(), "-f", "eurosur", "--originator", "MNE",
        "-o", events.toString());
    Path shared = tmp.resolve("mne-eurosur.ndjson");
    TwoSidedNights.run("share", "-q", "--level", "eurosur", "--originator", "MNE", "--border", nights.border().toString(),
        nights.dir.resolve("MNE/incidents.ndjson").toString(), "-o", shared.toString());
    Schema schema;
    try (InputStream in = EurosurEvent.class.getResourceAsStream(EurosurEvent.SCHEMA)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    List<Incident> mne = TwoSidedNights.incidents(nights.internal("MNE"));
    long reportable = mne.stream().filter(EurosurEvent::reportable).count();
    ObjectMapper m = new ObjectMapper();
    for (Path p : List.of(events, shared)) {
      List<String> lines = Files.readAllLines(p);
      assertThat(lines).as(p.toString()).hasSize((int) reportable);
      for (String l : lines) {
        List<Error> errors = schema.validate(m.readTree(l));
        assertThat(errors).as(l).isEmpty();
      }
    }
    // The schema does reject what it should: a report without its confidence.
    JsonNode bad = m.readTree(Files.readAllLines(events).get(0));
    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.get("marking")).remove("confidence");
    assertThat(schema.validate(bad)).isNotEmpty();
    // Directions are the reporting country's: into MNE is an entry.
    for (String l : Files.readAllLines(events)) {
      JsonNode e = m.readTree(l);
      if (e.has("to")) assertThat(e.get("direction").asText()).isEqualTo(e.get("to").asText().equals("MNE") ? "entry" : "exit");
    }
    System.out.println("EUROSUR event: " + Files.readAllLines(events).get(0));
  }
}
