package io.watchline.flink;

import io.watchline.export.TrackRecord;
import io.watchline.feed.Reject;
import io.watchline.fusion.FusionConfig;
import io.watchline.fusion.FusionEngine;
import io.watchline.fusion.TrackSummary;
import io.watchline.fusion.border.BorderView;
import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.sites.SiteRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One {@link FusionEngine} per region key, fed in event time: observations wait in a small queue
 * until the watermark passes them, then go to the engine in time order (ties in input order, as
 * {@code fuse} merges them). An observation at or behind the watermark when it arrives can no
 * longer be fused in order: it goes to {@link #LATE} with its reason (counted once, by its first
 * region), never dropped silently. The end of a bounded input (the final watermark) finishes every
 * engine.
 *
 * <p>The engines live on the task's heap, not in Flink's checkpointed state: the engine's tracks,
 * filters and spilled evidence are not serialisable today. A failed task reruns the job from its
 * input (docs/scale.md).
 */
final class RegionFusion extends KeyedProcessFunction<Integer, Routed, Out> {
  private static final long serialVersionUID = 1L;
  /** Records that arrived behind the watermark, as reject lines. */
  static final OutputTag<Out> LATE = new OutputTag<Out>("late") {};
  /** Accumulator counting the late records: the job's result carries it even where no one reads the side output. */
  static final String LATE_RECORDS = "late-records";
  private static final Comparator<Routed> IN_ORDER =
      Comparator.comparing((Routed r) -> r.observation().t()).thenComparingLong(Routed::seq);
  private static final long FINISH = Long.MAX_VALUE;

  private final FuseSettings settings;
  private final long lateness;
  private transient BorderView border;
  private transient SiteRegistry sites;
  private transient Map<Integer, Region> regions;
  private transient LongCounter lateRecords;

  /** A region's engine, its waiting observations and where its output goes just now. */
  private static final class Region {
    final PriorityQueue<Routed> waiting = new PriorityQueue<>(IN_ORDER);
    FusionEngine engine;
    Collector<Out> out;
  }

  RegionFusion(FuseSettings settings) {
    this.settings = settings;
    this.lateness = settings.reorderWindowMs();
  }

  @Override
  public void open(OpenContext ctx) throws IOException {
    border = settings.loadBorder();
    sites = settings.loadSites();
    regions = new HashMap<>();
    lateRecords = getRuntimeContext().getLongCounter(LATE_RECORDS);
  }

  @Override
  public void processElement(Routed r, Context ctx, Collector<Out> out) throws Exception {
    long t = r.observation().t().toEpochMilli();
    long watermark = ctx.timerService().currentWatermark();
    if (t <= watermark) {
      if (r.primary()) {
        lateRecords.add(1);
        Reject late = new Reject(r.observation().src(),
            "late record: " + (watermark - t) + " ms behind the watermark (lateness " + lateness + " ms)", null);
        ctx.output(LATE, new Out(Out.Kind.LATE, r.region(), Lines.of(w -> w.write(late)), Double.NaN, Double.NaN));
      }
      return;
    }
    Region region = regions.computeIfAbsent(ctx.getCurrentKey(), k -> new Region());
    if (region.engine == null) {
      int key = r.region();
      region.engine = new FusionEngine(border, sites, FusionConfig.defaults(),
          track -> region.out.collect(trackOut(key, track)), settings.minScore(),
          incident -> region.out.collect(incidentOut(key, incident)));
      ctx.timerService().registerEventTimeTimer(FINISH);
    }
    region.waiting.add(r);
    // One timer per second of data per region is enough: each firing releases all up to the watermark.
    ctx.timerService().registerEventTimeTimer(Math.min(FINISH - 1, (t / 1000 + 1) * 1000));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Out> out) throws Exception {
    Region region = regions.get(ctx.getCurrentKey());
    if (region == null) {
      return;
    }
    region.out = out;
    long upTo = timestamp == FINISH ? Long.MAX_VALUE : ctx.timerService().currentWatermark();
    while (!region.waiting.isEmpty() && region.waiting.peek().observation().t().toEpochMilli() <= upTo) {
      region.engine.accept(region.waiting.poll().observation());
    }
    if (timestamp == FINISH) {
      region.engine.finish();
      regions.remove(ctx.getCurrentKey());
    }
  }

  @Override
  public void close() throws Exception {
    if (regions != null) {
      for (Region r : regions.values()) {
        if (r.engine != null) {
          r.engine.close(); // deletes the spilled evidence of an abandoned run
        }
      }
    }
  }

  private static Out incidentOut(int region, Incident i) {
    return new Out(Out.Kind.INCIDENT, region, Lines.of(w -> w.write(i)), i.lat(), i.lon());
  }

  private static Out trackOut(int region, TrackSummary t) {
    double lat = t.points().isEmpty() ? Double.NaN : t.points().get(0).lat();
    double lon = t.points().isEmpty() ? Double.NaN : t.points().get(0).lon();
    return new Out(Out.Kind.TRACK, region, Lines.of(w -> {
      TrackRecord.write(t, w.generator());
      w.endLine();
    }), lat, lon);
  }

  /** One NDJSON line written by the project's own writer, as text. */
  static final class Lines {
    interface Body {
      void write(NdjsonWriter w) throws IOException;
    }

    static String of(Body body) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
      try {
        NdjsonWriter w = new NdjsonWriter(bytes);
        body.write(w);
        w.flush();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
