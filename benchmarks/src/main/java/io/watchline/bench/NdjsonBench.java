package io.watchline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchline.feed.RejectSink;
import io.watchline.fixtures.DemoScenario;
import io.watchline.fixtures.sim.ObservationSource;
import io.watchline.fixtures.sim.ScenarioConfig;
import io.watchline.fixtures.sim.SimulationWriter;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Canonical observation NDJSON read and write throughput: the project's streaming codec
 * ({@link NdjsonObservationReader}, {@link NdjsonWriter}) against plain Jackson databind, in the
 * same run. Every invocation handles the same {@value #RECORDS} simulated observations (radar,
 * thermal and patrol mixed as a night produces them, each with its {@code src}), so scores are
 * records per second; {@link Report} turns them into MB/s and ratios. See benchmarks/README.md.
 *
 * <ul>
 *   <li>{@code readCodec}: lines to {@link Observation}s, validated, provenance attached.
 *   <li>{@code readTree}: baseline, {@code BufferedReader.readLine} + {@code ObjectMapper.readTree}
 *       per line, nothing more (no validation, no record).
 *   <li>{@code readTreeToObservation}: the same plus mapping the tree into an {@link Observation}
 *       (what a databind-based reader would really have to do).
 *   <li>{@code writeCodec}: {@link Observation}s to NDJSON.
 *   <li>{@code writeTree}: baseline, {@code writeValueAsString} of a prebuilt tree per line.
 *   <li>{@code writeMap}: baseline, {@code writeValueAsString} of a Map built from each record.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NdjsonBench {
  static final int RECORDS = 20_000;

  final ObjectMapper mapper = new ObjectMapper();
  byte[] ndjson;
  List<Observation> observations;
  List<ObjectNode> trees;
  final Sink sink = new Sink();

  /** The data set: the first {@value #RECORDS} observations of a simulated night, as written. */
  public static byte[] dataset() {
    ScenarioConfig cfg = ScenarioConfig.night(7, java.time.LocalDate.of(2026, 11, 27));
    ObservationSource all = DemoScenario.simulation(cfg).observations(EnumSet.allOf(Kind.class));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NdjsonWriter w = new NdjsonWriter(out)) {
      for (int i = 0; i < RECORDS; i++) {
        Observation o = all.next();
        String file = SimulationWriter.feedFile(o.kind());
        w.write(new Observation(o.t(), o.kind(), o.sensor(), o.seq(), o.lat(), o.lon(), o.rangeM(), o.bearingDeg(),
            o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(), Source.atLine(file, 200L * i, i + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Setup
  public void setup() throws IOException {
    ndjson = dataset();
    observations = new ArrayList<>(RECORDS);
    trees = new ArrayList<>(RECORDS);
    try (NdjsonObservationReader r = new NdjsonObservationReader(new ByteArrayInputStream(ndjson), "bench", RejectSink.DISCARD)) {
      for (Observation o; (o = r.next()) != null; ) {
        observations.add(o);
      }
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(ndjson), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        trees.add((ObjectNode) mapper.readTree(line));
      }
    }
    if (observations.size() != RECORDS || trees.size() != RECORDS) {
      throw new IllegalStateException("data set has " + observations.size() + " records, not " + RECORDS);
    }
    System.err.printf("NdjsonBench: %d records, %d bytes, %.1f bytes/record%n", RECORDS, ndjson.length,
        ndjson.length / (double) RECORDS);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void readCodec(Blackhole bh) throws IOException {
    try (NdjsonObservationReader r = new NdjsonObservationReader(new ByteArrayInputStream(ndjson), "bench", RejectSink.DISCARD)) {
      for (Observation o; (o = r.next()) != null; ) {
        bh.consume(o);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void readTree(Blackhole bh) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(ndjson), StandardCharsets.UTF_8), 1 << 16)) {
      for (String line; (line = r.readLine()) != null; ) {
        bh.consume(mapper.readTree(line));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void readTreeToObservation(Blackhole bh) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(ndjson), StandardCharsets.UTF_8), 1 << 16)) {
      long line = 0;
      for (String text; (text = r.readLine()) != null; ) {
        line++;
        bh.consume(fromTree(mapper.readTree(text), line));
      }
    }
  }

  static Observation fromTree(JsonNode n, long line) {
    Observation.Builder b = Observation.builder(Instant.parse(n.get("t").asText()), Kind.fromWire(n.get("kind").asText()));
    if (n.has("sensor")) b.sensor(n.get("sensor").asText());
    if (n.has("seq")) b.seq(n.get("seq").asLong());
    if (n.has("lat")) b.position(n.get("lat").asDouble(), n.get("lon").asDouble());
    b.polar(n.path("range_m").asDouble(Double.NaN), n.path("bearing_deg").asDouble(Double.NaN));
    if (n.has("track")) b.track(n.get("track").asText());
    b.velocity(n.path("speed_mps").asDouble(Double.NaN), n.path("course_deg").asDouble(Double.NaN));
    if (n.has("cls")) b.cls(n.get("cls").asText());
    b.conf(n.path("conf").asDouble(Double.NaN));
    if (n.has("unit")) b.unit(n.get("unit").asText());
    JsonNode src = n.get("src");
    b.src(src == null ? Source.atLine("bench", -1, line)
        : new Source(src.path("file").asText(null), src.path("offset").asLong(-1), src.path("line").asLong(-1)));
    return b.build();
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long writeCodec() throws IOException {
    sink.reset();
    try (NdjsonWriter w = new NdjsonWriter(sink)) {
      for (Observation o : observations) {
        w.write(o);
      }
    }
    return sink.count;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long writeTree() throws IOException {
    sink.reset();
    for (ObjectNode t : trees) {
      sink.write(mapper.writeValueAsString(t).getBytes(StandardCharsets.UTF_8));
      sink.write('\n');
    }
    return sink.count;
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public long writeMap() throws IOException {
    sink.reset();
    for (Observation o : observations) {
      sink.write(mapper.writeValueAsString(toMap(o)).getBytes(StandardCharsets.UTF_8));
      sink.write('\n');
    }
    return sink.count;
  }

  static Map<String, Object> toMap(Observation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", o.t().toString());
    m.put("kind", o.kind().wireName());
    m.put("sensor", o.sensor());
    if (o.seq() >= 0) m.put("seq", o.seq());
    put(m, "lat", o.lat());
    put(m, "lon", o.lon());
    put(m, "range_m", o.rangeM());
    put(m, "bearing_deg", o.bearingDeg());
    if (o.track() != null) m.put("track", o.track());
    put(m, "speed_mps", o.speedMps());
    put(m, "course_deg", o.courseDeg());
    if (o.cls() != null) m.put("cls", o.cls());
    put(m, "conf", o.conf());
    if (o.unit() != null) m.put("unit", o.unit());
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("file", o.src().file());
    src.put("offset", o.src().offset());
    src.put("line", o.src().line());
    m.put("src", src);
    return m;
  }

  private static void put(Map<String, Object> m, String k, double v) {
    if (!Double.isNaN(v)) {
      m.put(k, v);
    }
  }

  /** Counts bytes written and keeps none, so writers are measured, not memory copies. */
  static final class Sink extends OutputStream {
    long count;

    void reset() {
      count = 0;
    }

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
