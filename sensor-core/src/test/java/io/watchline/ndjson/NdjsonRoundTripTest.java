package io.watchline.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.Reject;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentKind;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NdjsonRoundTripTest {

  static Observation radar(long ms, long seq) {
    return Observation.builder(Instant.ofEpochMilli(ms), Kind.RADAR)
        .sensor("RDR-07").seq(seq).position(42.0712, 19.3311).polar(5230.0, 131.2)
        .track("RDR-07/4711").velocity(1.3, 210.0).cls("human").conf(0.82)
        .src(Source.atOffset("radar.ast", 18234)).build();
  }

  @Test
  void observationsRoundTripFieldForField() throws IOException {
    List<Observation> in = new ArrayList<>();
    in.add(radar(1_795_821_245_250L, 1234));
    in.add(Observation.builder(Instant.parse("2026-11-27T23:59:59.999Z"), Kind.PATROL)
        .unit("PATROL-12").position(-41.5, -179.25).src(Source.atLine("p.nmea", 99, 7)).build());
    in.add(Observation.builder(Instant.parse("1999-12-31T00:00:00Z"), Kind.THERMAL)
        .sensor("TC-3").polar(Double.NaN, 359.5).cls("animal").build());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NdjsonWriter w = new NdjsonWriter(out)) {
      for (Observation o : in) {
        w.write(o);
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(3);
    assertThat(text).endsWith("\n");
    assertThat(text.lines().findFirst().orElseThrow())
        .startsWith("{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\",\"sensor\":\"RDR-07\",\"seq\":1234,")
        .contains("\"range_m\":5230.0", "\"src\":{\"file\":\"radar.ast\",\"offset\":18234}");

    List<Observation> back = readAll(text, new ArrayList<>());
    // The third had no src: the reader supplies file and line.
    assertThat(back.get(2).src()).isEqualTo(Source.atLine("mem", text.indexOf("\n", text.indexOf("\n") + 1) + 1, 3));
    assertThat(back.subList(0, 2)).isEqualTo(in.subList(0, 2));
    Observation third = in.get(2);
    assertThat(back.get(2)).isEqualTo(new Observation(third.t(), third.kind(), third.sensor(), third.seq(),
        third.lat(), third.lon(), third.rangeM(), third.bearingDeg(), third.track(), third.speedMps(),
        third.courseDeg(), third.cls(), third.conf(), third.unit(), back.get(2).src()));
  }

  @Test
  void malformedLinesAreRejectedWithLineNumberAndTheStreamGoesOn() throws IOException {
    String text = String.join("\n",
        "{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\",\"lat\":42,\"lon\":19}",
        "{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\",\"lat\":42,",   // cut
        "",
        "{\"t\":\"yesterday\",\"kind\":\"radar\"}",
        "{\"t\":\"2026-11-27T23:14:06Z\",\"kind\":\"sonar\"}",
        "{\"t\":\"2026-11-27T23:14:06Z\",\"kind\":\"patrol\",\"lat\":91,\"lon\":0}",
        "[1,2]",
        "{\"t\":\"2026-11-27T23:14:07+01:00\",\"kind\":\"thermal\",\"bearing_deg\":12.5}") + "\n";
    List<Reject> rejects = new ArrayList<>();
    NdjsonObservationReader r = new NdjsonObservationReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mem", rejects::add);
    List<Observation> ok = new ArrayList<>();
    for (Observation o; (o = r.next()) != null; ) ok.add(o);

    assertThat(ok).hasSize(2);
    assertThat(ok.get(1).t()).isEqualTo(Instant.parse("2026-11-27T22:14:07Z"));
    assertThat(rejects).extracting(x -> x.src().line()).containsExactly(2L, 4L, 5L, 6L, 7L);
    assertThat(rejects.get(0).reason()).startsWith("invalid JSON");
    assertThat(rejects.get(1).reason()).contains("'t' is not an ISO-8601 time");
    assertThat(rejects.get(2).reason()).contains("kind must be radar, thermal or patrol");
    assertThat(rejects.get(3).reason()).contains("lat out of range");
    assertThat(rejects.get(0).src().offset()).isEqualTo(text.indexOf('\n') + 1);
    assertThat(r.stats().read()).isEqualTo(8).isEqualTo(r.stats().accepted() + r.stats().rejectedCount());
    assertThat(r.stats().skippedByReason()).containsEntry("blank line", 1L);
  }

  @Test
  void anOverlongLineCostsNoMemoryAndIsRejected() throws IOException {
    StringBuilder sb = new StringBuilder("{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\",\"x\":\"");
    sb.append("a".repeat(5000)).append("\"}\n");
    sb.append("{\"t\":\"2026-11-27T23:14:05.250Z\",\"kind\":\"radar\"}\n");
    List<Reject> rejects = new ArrayList<>();
    NdjsonObservationReader r = new NdjsonObservationReader(
        new LineReader(new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), 1000), "mem", rejects::add);
    assertThat(r.next()).isNotNull().extracting(Observation::src).extracting(Source::line).isEqualTo(2L);
    assertThat(r.next()).isNull();
    assertThat(rejects).singleElement().satisfies(x -> {
      assertThat(x.reason()).startsWith("line longer than 1000 bytes");
      assertThat(x.excerpt()).hasSizeLessThan(260);
    });
  }

  @Test
  void incidentsRoundTrip() throws IOException {
    Map<String, Object> factors = new LinkedHashMap<>();
    factors.put("corroborated", 2L);
    factors.put("night", true);
    factors.put("blue_force_m", 2400.5);
    factors.put("cls", "human");
    Incident inc = new Incident("INC-20261127-0042", Instant.parse("2026-11-27T23:14:05.250Z"),
        Instant.parse("2026-11-27T23:20:00Z"), 42.07, 19.33, "S-07", "ALB→MNE", IncidentKind.CROSSING,
        0.91, factors, List.of(new TrackPoint(19.33, 42.07, Instant.parse("2026-11-27T23:14:05.250Z"))),
        List.of(Source.atOffset("radar.ast", 18234), Source.atLine("cam.xml", 10, 3)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NdjsonWriter w = new NdjsonWriter(out)) {
      w.write(inc);
    }
    String line = out.toString(StandardCharsets.UTF_8);
    assertThat(line).contains("\"track\":[[19.33,42.07,\"2026-11-27T23:14:05.250Z\"]]", "\"side\":\"ALB→MNE\"");
    try (var p = Json.FACTORY.createParser(line.trim())) {
      assertThat(IncidentJson.read(p)).isEqualTo(inc);
    }
  }

  @Test
  void isoTimeFastPathAgreesWithJavaTime() {
    java.util.Random rnd = new java.util.Random(42);
    for (int i = 0; i < 100_000; i++) {
      long ms = (long) (rnd.nextDouble() * 8_000_000_000_000L) - 1_000_000_000_000L;
      String s = IsoTime.format(ms);
      assertThat(s).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC).format(Instant.ofEpochMilli(ms)));
      assertThat(IsoTime.parse(s).toEpochMilli()).isEqualTo(ms);
    }
  }

  private static List<Observation> readAll(String text, List<Reject> rejects) throws IOException {
    NdjsonObservationReader r = new NdjsonObservationReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "mem", rejects::add);
    List<Observation> out = new ArrayList<>();
    for (Observation o; (o = r.next()) != null; ) out.add(o);
    assertThat(rejects).isEmpty();
    return out;
  }
}
