package io.watchline.flink;

import io.watchline.evidence.SourceHashes;
import io.watchline.export.CanonicalRecord;
import io.watchline.export.GeoJsonRecordWriter;
import io.watchline.ndjson.NdjsonWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * {@code watchline fuse} as a Flink job: observations → keyed by fusion region → the existing
 * {@link io.watchline.fusion.FusionEngine} per region in event time → ownership filter →
 * incidents (+ tracks), written by this process exactly as {@code fuse} writes them (incidents
 * renumbered over all regions in order of start). Run it with {@code flink run} on a cluster, or
 * with {@code java -cp watchline-flink-job.jar io.watchline.flink.FuseJob} in a local environment
 * ({@code watchline fuse --engine flink} does that). See docs/scale.md.
 */
public final class FuseJob {
  /** Largest parallelism the job's key groups allow; fixed so that region keys map to slots the same way everywhere. */
  static final int MAX_PARALLELISM = 128;
  private FuseJob() {}

  /** What a run produced. */
  record Result(long incidents, long tracks, long rejects, long late, long observations, long copies) {
    /** Observations fused per observation read: the halo's duplication. */
    double duplication() {
      return observations == 0 ? 0 : (double) copies / observations;
    }
  }

  public static void main(String[] args) throws Exception {
    JobArgs a;
    try {
      a = JobArgs.parse(args);
    } catch (JobArgs.UsageException e) {
      System.err.println("watchline fuse (flink): " + e.getMessage());
      System.err.println(JobArgs.USAGE);
      System.exit(2);
      return;
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(a.parallelism);
    if (a.kafka != null) {
      System.exit(runKafka(env, a, System.err));
      return;
    }
    for (String f : a.inputs) {
      if (!Files.isRegularFile(Path.of(f))) {
        System.err.println("watchline fuse (flink): input file not found: " + f);
        System.exit(2);
      }
    }
    System.exit(run(env, a, System.err));
  }

  /** Runs the job in {@code env} and writes its outputs as the arguments say; returns the exit code. */
  static int run(StreamExecutionEnvironment env, JobArgs a, PrintStream err) throws Exception {
    FuseSettings s = a.settings();
    Path out = "-".equals(a.output) ? null : Path.of(a.output);
    String rejectsFile = a.rejects != null ? a.rejects : out == null ? null : a.output + ".rejects.ndjson";
    Path tmpOut = out == null ? null : temp(out);
    Path tmpTracks = a.tracks == null ? null : temp(Path.of(a.tracks));
    Path tmpRejects = rejectsFile == null ? null : temp(Path.of(rejectsFile));
    JobManifest manifest = a.manifest == null ? null : JobManifest.start(a);
    SourceHashes hashes = new SourceHashes(Path.of(""));
    Result r;
    try (IncidentSpool spool = new IncidentSpool()) {
      try (OutputStream tracks = tmpTracks == null ? OutputStream.nullOutputStream() : stream(tmpTracks);
          OutputStream rejects = tmpRejects == null ? OutputStream.nullOutputStream() : stream(tmpRejects)) {
        r = execute(env, s, spool, tracks, rejects);
      }
      for (String f : s.inputs()) {
        hashes.known(f, Path.of(f));
      }
      try (OutputStream o = tmpOut == null ? new BufferedOutputStream(System.out) : stream(tmpOut)) {
        if ("geojson".equals(a.to)) {
          GeoJsonRecordWriter w = new GeoJsonRecordWriter(o, false, true);
          spool.drain(i -> w.write(new CanonicalRecord.Inc(i)));
          w.finish();
        } else {
          NdjsonWriter w = new NdjsonWriter(o);
          spool.drain(i -> w.write(i, hashes.of(i)));
          w.flush();
        }
      }
    }
    commit(tmpOut, out);
    commit(tmpTracks, a.tracks == null ? null : Path.of(a.tracks));
    if (r.rejects() + r.late() > 0) {
      commit(tmpRejects, rejectsFile == null ? null : Path.of(rejectsFile));
    } else if (tmpRejects != null) {
      Files.deleteIfExists(tmpRejects);
    }
    if (r.rejects() + r.late() > 0) {
      err.println("fuse: rejected " + r.rejects() + " input records and " + r.late() + " late records (behind the watermark)"
          + (rejectsFile == null ? "" : ", written to " + rejectsFile));
    }
    if (!a.quiet) {
      err.printf(Locale.ROOT, "fuse: flink, parallelism %d, %d regions, halo %.0f m: %d observations, %d fused copies"
          + " (duplication %.3f), %d tracks%n", env.getParallelism(), s.regions(), s.haloM(), r.observations(), r.copies(),
          r.duplication(), r.tracks());
      err.println("fuse: " + r.incidents() + " incidents at --min-score " + s.minScore());
    }
    err.flush();
    if (r.observations() == 0) {
      err.println("watchline: nothing usable was read: no observation was accepted from " + String.join(", ", s.inputs()));
      return 3;
    }
    if (manifest != null) {
      try {
        manifest.write(Path.of(a.manifest), a, s, hashes, out, a.tracks == null ? null : Path.of(a.tracks),
            r.rejects() + r.late() > 0 && rejectsFile != null ? Path.of(rejectsFile) : null);
      } catch (JobManifest.ChangedInput e) {
        err.println("watchline: " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }

  /**
   * Runs the job on Kafka topics (observations in; incidents and rejects out) and reports what it
   * counted when a bounded run ends; returns the exit code. An unbounded run ends only when cancelled.
   */
  static int runKafka(StreamExecutionEnvironment env, JobArgs a, PrintStream err) throws Exception {
    FuseSettings s = a.settings();
    KafkaSettings k = a.kafkaSettings();
    Result r = executeKafka(env, s, k);
    err.printf(Locale.ROOT, "fuse: flink on kafka %s, parallelism %d, %d regions: %d observations from %s, %d fused copies"
        + " (duplication %.3f)%n", k.bootstrap(), env.getParallelism(), s.regions(), r.observations(), k.observationsTopic(),
        r.copies(), r.duplication());
    err.println("fuse: " + r.incidents() + " incidents to " + k.incidentsTopic() + "; " + r.rejects() + " rejected and "
        + r.late() + " late records (behind the watermark) to " + k.rejectsTopic());
    if (r.observations() == 0) {
      err.println("watchline: nothing usable was read: no observation was accepted from topic " + k.observationsTopic());
      return 3;
    }
    return 0;
  }

  /** The job on Kafka topics; its counts come from the job's accumulators. */
  static Result executeKafka(StreamExecutionEnvironment env, FuseSettings s, KafkaSettings k) throws Exception {
    prepare(env);
    DataStream<Sourced> in = env.fromSource(KafkaObservations.source(k),
        KafkaObservations.watermarks(s.reorderWindowMs(), k.idleMs()), "observations topic");
    pipeline(in, s).filter(o -> o.kind() != Out.Kind.TRACK).name("incidents and rejects")
        .sinkTo(KafkaIncidents.sink(k)).name("incidents and rejects topics");
    JobExecutionResult done = env.execute("watchline fuse (kafka)");
    return new Result(count(done, Owned.INCIDENTS), count(done, Owned.TRACKS), count(done, Route.REJECTED),
        count(done, RegionFusion.LATE_RECORDS), count(done, Route.OBSERVATIONS), count(done, Route.COPIES));
  }

  private static long count(JobExecutionResult done, String accumulator) {
    Long n = done.getAccumulatorResult(accumulator);
    return n == null ? 0 : n;
  }

  /**
   * Runs the job: incidents wait in the spool to be numbered in fuse's order; track and reject lines
   * go to the given streams as they arrive.
   */
  static Result execute(StreamExecutionEnvironment env, FuseSettings s, IncidentSpool incidents, OutputStream tracks,
      OutputStream rejects) throws Exception {
    prepare(env);
    return collect(env, pipeline(fileInput(env, s), s), incidents, tracks, rejects);
  }

  /** Event time in streaming mode (the engines finish on the final watermark), fixed key groups. */
  static void prepare(StreamExecutionEnvironment env) {
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    env.setMaxParallelism(MAX_PARALLELISM);
  }

  /** Runs the job and gathers its outputs (see {@link #execute}). */
  static Result collect(StreamExecutionEnvironment env, DataStream<Out> outputs, IncidentSpool incidents,
      OutputStream tracks, OutputStream rejects) throws Exception {
    long trackCount = 0, rejectCount = 0, lateCount = 0;
    JobClient job;
    try (CloseableIterator<Out> it = outputs.collectAsync()) {
      job = env.executeAsync("watchline fuse");
      while (it.hasNext()) {
        Out o = it.next();
        switch (o.kind()) {
          case INCIDENT -> incidents.add(o.json());
          case TRACK -> {
            tracks.write(o.json().getBytes(StandardCharsets.UTF_8));
            trackCount++;
          }
          case REJECT, LATE -> {
            rejects.write(o.json().getBytes(StandardCharsets.UTF_8));
            if (o.kind() == Out.Kind.LATE) lateCount++; else rejectCount++;
          }
        }
      }
    }
    JobExecutionResult done = job.getJobExecutionResult().get();
    return new Result(incidents.size(), trackCount, rejectCount, lateCount, count(done, Route.OBSERVATIONS),
        count(done, Route.COPIES));
  }

  /** The merged observation files with event-time watermarks lagging the newest record by the lateness. */
  static DataStream<Sourced> fileInput(StreamExecutionEnvironment env, FuseSettings s) {
    WatermarkStrategy<Sourced> watermarks = WatermarkStrategy
        .<Sourced>forBoundedOutOfOrderness(Duration.ofMillis(s.reorderWindowMs()))
        .withTimestampAssigner((x, ts) -> eventTime(x));
    return env.fromSource(new MergedFileSource(s.inputs(), s.reorderWindowMs()), watermarks, "observations")
        .setParallelism(1);
  }

  /** An observation's time; rejects carry none and never move the watermark. */
  static long eventTime(Sourced x) {
    return x.observation() != null ? x.observation().t().toEpochMilli() : Long.MIN_VALUE;
  }

  /** The job graph: input → route → keyed fusion per region → owned, with the rejects and late records. */
  static DataStream<Out> pipeline(DataStream<Sourced> in, FuseSettings s) {
    SingleOutputStreamOperator<Routed> routed = in.rebalance().process(new Route(s)).name("route to regions");
    int[] keys = balancedKeys(s.regions(), in.getExecutionEnvironment().getParallelism());
    SingleOutputStreamOperator<Out> fused = routed
        .keyBy((KeySelector<Routed, Integer>) r -> keys[r.region()], Types.INT)
        .process(new RegionFusion(s)).name("fusion per region");
    DataStream<Out> owned = fused.filter(new Owned(s)).name("owned by region");
    return owned.union(routed.getSideOutput(Route.REJECTS), fused.getSideOutput(RegionFusion.LATE));
  }

  /**
   * A key per region such that region r runs on slot r mod parallelism: hashing the region
   * numbers themselves can put two regions on one slot and leave another idle.
   */
  static int[] balancedKeys(int regions, int parallelism) {
    int[] keys = new int[regions];
    int candidate = 0;
    for (int r = 0; r < regions; r++) {
      int want = r % parallelism;
      while (KeyGroupRangeAssignment.assignKeyToParallelOperator(candidate, MAX_PARALLELISM, parallelism) != want) {
        candidate++;
      }
      keys[r] = candidate++;
    }
    return keys;
  }

  private static Path temp(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
  }

  private static OutputStream stream(Path p) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(p), 1 << 16);
  }

  private static void commit(Path tmp, Path target) throws IOException {
    if (tmp != null && target != null) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
