package io.watchline.fusion;

import io.watchline.geo.InvalidValueException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.RejectSink;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.fusion.track.Tracker;
import io.watchline.fusion.welfare.MapLayer;
import io.watchline.fusion.welfare.WelfareConfig;
import io.watchline.fusion.welfare.WelfareDetector;
import io.watchline.fusion.welfare.Weather;
import io.watchline.incident.IncidentSink;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.util.List;

/**
 * Fusion assembled once, for every caller ({@code watchline fuse}, the nightly job, the
 * benchmarks): observation streams merged by time ({@link TimeMerge}) into a {@link FusionEngine}
 * with the given parameters, run to the end. Configure by name, then {@link #run}:
 *
 * <pre>{@code
 * FusionPipeline.Result r = new FusionPipeline(border, sites).minScore(0.5).tracks(sink)
 *     .run(readers, rejects, incidents);
 * }</pre>
 *
 * <p>The setters return this object; it is not thread-safe, but one pipeline may run several
 * times (each run builds a new engine).
 */
public final class FusionPipeline {
  /** How far back in time a record may come in its file and still be merged, by default (ms). */
  public static final long DEFAULT_REORDER_WINDOW_MS = 30_000;
  /** Records the merge may hold back at most (bounds memory when one file runs far behind the others). */
  public static final int MAX_BUFFERED = 1_000_000;

  private final BorderView border;
  private final SiteRegistry sites;
  private FusionConfig config = FusionConfig.defaults();
  private double minScore = 0.5;
  private long reorderWindowMs = DEFAULT_REORDER_WINDOW_MS;
  private TrackSink tracks = TrackSink.NONE;
  private Tracker.Stages stages;
  private Welfare welfare = new Welfare(WelfareConfig.defaults(), null, null, null);

  /**
   * What the welfare stage knows beside the tracks (docs/welfare.md); each of weather, roads and
   * water may be null.
   */
  public record Welfare(WelfareConfig config, Weather weather, MapLayer roads, MapLayer water) {}

  private boolean releaseWhenFinal;
  private int threads = 1;
  private double haloM = RegionPartitioner.DEFAULT_HALO_M;

  /**
   * What a run did.
   *
   * @param stats the engine's counters
   * @param late records rejected by the merge as older than the reorder window allows
   */
  public record Result(FusionStats stats, long late) {}

  /**
   * @param border the border line, sectors and local plane
   * @param sites the sensor sites
   */
  public FusionPipeline(BorderView border, SiteRegistry sites) {
    this.border = border;
    this.sites = sites;
  }

  /** Fusion parameters (default {@link FusionConfig#defaults()}). */
  public FusionPipeline config(FusionConfig config) {
    this.config = config;
    return this;
  }

  /**
   * Incidents scoring less are dropped (default 0.5).
   *
   * @throws IllegalArgumentException when not within 0..1
   */
  public FusionPipeline minScore(double minScore) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new InvalidValueException("minimum score must be within 0..1: " + minScore);
    }
    this.minScore = minScore;
    return this;
  }

  /**
   * How far back in time a record may come in its file and still be merged, ms (default {@value
   * #DEFAULT_REORDER_WINDOW_MS}); older records are rejected with the reason.
   */
  public FusionPipeline reorderWindowMs(long reorderWindowMs) {
    this.reorderWindowMs = reorderWindowMs;
    return this;
  }

  /**
   * The tracker's stages: motion filter, gate, assignment, initiation, deletion (default {@link
   * Tracker.Stages#standard} of the configuration's tracker parameters). Stages may keep state, so
   * give new ones for each run.
   */
  public FusionPipeline trackerStages(Tracker.Stages stages) {
    this.stages = stages;
    return this;
  }

  /**
   * The welfare stage's rules and layers (default: the default rules, no weather, roads or water);
   * null turns it off (benchmarks comparing with older builds only).
   */
  public FusionPipeline welfare(Welfare welfare) {
    this.welfare = welfare;
    return this;
  }

  /**
   * Live: each incident is handed on as soon as it is final, numbered in that order, instead of
   * sorted by start (default false; see {@link FusionEngine#releaseWhenFinal}).
   */
  public FusionPipeline releaseWhenFinal(boolean live) {
    this.releaseWhenFinal = live;
    return this;
  }

  /**
   * Fusion threads (default 1: one engine on the calling thread). With more, the border is cut
   * into as many fusion regions ({@link RegionPartitioner}), each fused by its own engine on its
   * own thread while the calling thread reads and routes ({@link RegionalFusion}: the same
   * incidents, numbered the same; track ids differ). Live release ({@link #releaseWhenFinal}) and
   * custom tracker stages run on one thread.
   *
   * @throws IllegalArgumentException when less than 1
   */
  public FusionPipeline threads(int threads) {
    if (threads < 1) {
      throw new InvalidValueException("at least one fusion thread is needed: " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** With several {@link #threads}: how far beyond its area a region still fuses, m (default {@value RegionPartitioner#DEFAULT_HALO_M}). */
  public FusionPipeline haloM(double haloM) {
    this.haloM = haloM;
    return this;
  }

  /** Receives every confirmed track when it closes (default {@link TrackSink#NONE}). */
  public FusionPipeline tracks(TrackSink tracks) {
    this.tracks = tracks;
    return this;
  }

  /**
   * Fuses the streams to their end; closes the readers.
   *
   * @param readers one reader per input, each roughly in time order
   * @param rejects receives the records the merge rejects (too late), with their reason
   * @param incidents receives the incidents as they become final, sorted by start
   * @return the counters and the number of late records
   * @throws IOException when reading, the sinks or the temporary evidence file fail; the
   *     temporary file is deleted either way
   */
  public Result run(List<FeedReader> readers, RejectSink rejects, IncidentSink incidents) throws IOException {
    if (threads > 1 && !releaseWhenFinal && stages == null) {
      RegionPartitioner regions = RegionPartitioner.of(border, sites, threads, haloM);
      if (regions.regionCount() > 1) {
        return new RegionalFusion(regions, sites, config, this::engine)
            .run(() -> new TimeMerge(readers, rejects, reorderWindowMs, MAX_BUFFERED), tracks, incidents);
      }
    }
    Tracker.Stages s = stages != null ? stages : FusionEngine.standardStages(border, sites, config);
    try (FusionEngine engine = new FusionEngine(border, sites, config, s, tracks, minScore, incidents);
        TimeMerge merge = new TimeMerge(readers, rejects, reorderWindowMs, MAX_BUFFERED)) {
      withWelfare(engine);
      if (releaseWhenFinal) {
        engine.releaseWhenFinal();
      }
      for (Observation o; (o = merge.next()) != null; ) {
        engine.accept(o);
      }
      engine.finish();
      return new Result(engine.stats(), merge.late());
    }
  }

  /** One region's engine (standard stages, this pipeline's settings). */
  private FusionEngine engine(TrackSink trackSink, IncidentSink incidents) {
    return withWelfare(new FusionEngine(border, sites, config, FusionEngine.standardStages(border, sites, config), trackSink,
        minScore, incidents));
  }

  private FusionEngine withWelfare(FusionEngine engine) {
    if (welfare != null) {
      engine.welfare(new WelfareDetector(border, welfare.config(), welfare.weather(), welfare.roads(), welfare.water()));
    }
    return engine;
  }
}
