package io.watchline.fusion;

import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.incident.Incident;
import io.watchline.incident.TrackPoint;
import io.watchline.observation.Observation;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One fusion region's engine on its own thread ({@link RegionalFusion}). It takes chunks of routed
 * items through a bounded queue: the region's observations, and the whole stream's clock (ticks,
 * scan starts) so that its engine does, for the tracks of its area, exactly what one engine over
 * everything does. What the region owns goes to two temporary files in output order: incidents
 * (binary, {@link IncidentSpool}, renumbered when merged) and tracks (binary, keyed by the stream position at which they
 * closed). Memory: the engine's own plus a few chunks.
 */
final class RegionWorker implements Runnable {
  /** Items per chunk. */
  static final int CHUNK = 1024;
  /** Chunks waiting per region: bounds memory when a region falls behind. */
  static final int QUEUE = 8;

  /** Routed items, array-of-fields: obs == null is a clock tick. */
  static final class Chunk {
    final Observation[] obs = new Observation[CHUNK];
    final long[] t = new long[CHUNK];
    final long[] seq = new long[CHUNK];
    /** Radar: the start of the scan the plot belongs to ({@link Long#MIN_VALUE}: none). */
    final long[] scanT0 = new long[CHUNK];
    /** The copy that counts the observation in the run's counters (halo copies do not). */
    final boolean[] primary = new boolean[CHUNK];
    int n;
    final boolean end;

    Chunk(boolean end) {
      this.end = end;
    }

    boolean full() {
      return n == CHUNK;
    }
  }

  private final int region;
  private final FusionEngine engine;
  private final RegionPartitioner partitioner;
  final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE);
  final Path incidentFile;
  final Path trackFile;
  private final IncidentSpool.Writer incidents;
  private final DataOutputStream tracks;
  private final boolean keepTracks;
  /** Stream position of the item being fused: the key of the tracks it closes. */
  private long seq;
  long ownedTargets, ownedPatrols, ownedWelfare;
  volatile Throwable failure;

  /**
   * @param engineFactory makes this region's engine with the given sinks
   * @param keepTracks whether closed tracks are written (fuse --tracks)
   */
  RegionWorker(int region, RegionPartitioner partitioner, boolean keepTracks, EngineFactory engineFactory)
      throws IOException {
    this.region = region;
    this.partitioner = partitioner;
    this.keepTracks = keepTracks;
    this.incidentFile = Files.createTempFile("watchline-region" + region + "-", ".incidents.bin");
    this.trackFile = Files.createTempFile("watchline-region" + region + "-", ".tracks.bin");
    this.incidents = new IncidentSpool.Writer(incidentFile);
    this.tracks = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(trackFile), 1 << 16));
    this.engine = engineFactory.make(this::track, this::incident);
  }

  /** Builds an engine writing to the given sinks. */
  interface EngineFactory {
    FusionEngine make(TrackSink tracks, io.watchline.incident.IncidentSink incidents);
  }

  FusionEngine engine() {
    return engine;
  }

  @Override
  public void run() {
    try {
      for (Chunk c; !(c = queue.take()).end; ) {
        if (failure == null) {
          fuse(c);
        }
      }
      if (failure == null) {
        seq = Long.MAX_VALUE;
        engine.finish();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      failure = e;
      // keep taking chunks so the router never blocks on a dead region
      try {
        while (!queue.take().end) {
          // drop
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
      }
    } finally {
      try {
        incidents.close();
        tracks.close();
        engine.close();
      } catch (IOException | RuntimeException e) {
        if (failure == null) failure = e;
      }
    }
  }

  private void fuse(Chunk c) {
    FusionStats s = engine.stats();
    for (int i = 0; i < c.n; i++) {
      seq = c.seq[i];
      Observation o = c.obs[i];
      long t = c.t[i];
      if (o == null) {
        engine.advanceTo(t);
        continue;
      }
      if (c.scanT0[i] != Long.MIN_VALUE && c.scanT0[i] != t) {
        engine.advanceTo(t);
        engine.scanBegan(o.sensor(), c.scanT0[i]);
      }
      if (c.primary[i]) {
        engine.accept(o);
      } else {
        // a halo copy: fused, but counted by its primary region only
        long radar = s.radar, thermal = s.thermal, patrol = s.patrol, unplaced = s.unplaced;
        engine.accept(o);
        s.radar = radar;
        s.thermal = thermal;
        s.patrol = patrol;
        s.unplaced = unplaced;
      }
    }
  }

  private void incident(Incident i) throws IOException {
    if (partitioner.owns(region, i)) {
      if (i.kind() == io.watchline.incident.IncidentKind.WELFARE) ownedWelfare++;
      Object tracks = i.factors().get("tracks");
      if (tracks != null) {
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>(i.factors());
        StringBuilder ids = new StringBuilder();
        for (String id : tracks.toString().split(",")) {
          if (ids.length() > 0) ids.append(',');
          ids.append(globalId(Long.parseLong(id)));
        }
        f.put("tracks", ids.toString());
        i = new Incident(i.id(), i.start(), i.end(), i.lat(), i.lon(), i.sector(), i.side(), i.kind(), i.score(), f, i.track(),
            i.evidence());
      }
      incidents.write(i);
    }
  }

  private void track(TrackSummary t) throws IOException {
    TrackPoint first = t.points().isEmpty() ? null : t.points().get(0);
    int owner = first == null ? 0 : partitioner.ownerOf(first.lat(), first.lon());
    if (owner != region) {
      return;
    }
    if ("patrol".equals(t.label())) ownedPatrols++; else ownedTargets++;
    if (keepTracks) {
      tracks.writeLong(seq);
      TrackSpool.write(new TrackSummary(globalId(t.id()), t.label(), t.patrolUnit(), t.patrolDistanceM(), t.patrolShare(),
          t.cls(), t.radarHits(), t.thermalHits(), t.speedMps(), t.points(), t.evidence()), tracks);
    }
  }

  /** A track id unique over all regions: this region's k-th id of n regions is k·n + region. */
  private long globalId(long local) {
    return local * partitioner.regionCount() + region;
  }

  /** Hands a chunk to the region (blocks while its queue is full). */
  void put(Chunk c) {
    try {
      queue.put(c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted while fusing"));
    }
  }
}
