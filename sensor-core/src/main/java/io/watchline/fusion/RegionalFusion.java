package io.watchline.fusion;

import io.watchline.fusion.incident.IncidentAssembler;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentSink;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Fusion on several threads, one {@link FusionEngine} per fusion region of the shared {@link
 * RegionPartitioner} (docs/scale.md), with the same result as one engine over everything:
 *
 * <ul>
 *   <li>The calling thread merges the inputs by time and routes each observation to every region
 *       that must see it (halo rule), patrol fixes to every region (the distance to the nearest
 *       patrol is a factor however far it is); each region fuses on its own thread ({@link
 *       RegionWorker}), fed through a bounded queue.
 *   <li>Every region also gets the whole stream's clock: a tick when one engine over everything
 *       would run housekeeping or release incidents, and for each radar plot the start of the scan
 *       it belongs to. So each region's tracks are scanned, expired and folded at the same moments
 *       as in one engine.
 *   <li>An incident is kept by the region owning its event point, a track by the region owning its
 *       first point. The regions' incidents are merged in output order (start, end, position) and
 *       numbered again per day; tracks in the order they closed in the stream.
 * </ul>
 *
 * <p>What differs from one engine: track ids (each region numbers its own tracks; region r of n
 * writes its track k as k·n + r, so ids stay unique), the run's counters of tracks started, bearings
 * on tracks, crossed bearings and candidates (summed over the regions, halo copies included), and a
 * track that roams further along the border than the halo is cut where it leaves its region's reach.
 */
final class RegionalFusion {
  private static final Comparator<Incident> BY_OUTPUT = Comparator.comparing(Incident::start)
      .thenComparing(Incident::end).thenComparingDouble(Incident::lat).thenComparingDouble(Incident::lon);

  private final RegionPartitioner partitioner;
  private final SiteRegistry sites;
  private final FusionConfig config;
  private final RegionWorker.EngineFactory engines;

  RegionalFusion(RegionPartitioner partitioner, SiteRegistry sites, FusionConfig config, RegionWorker.EngineFactory engines) {
    this.partitioner = partitioner;
    this.sites = sites;
    this.config = config;
    this.engines = engines;
  }

  /** As {@link FusionPipeline#run}, with the tracks sink given. */
  FusionPipeline.Result run(Supplier<TimeMerge> mergeOf, TrackSink trackSink,
      IncidentSink incidents) throws IOException {
    int n = partitioner.regionCount();
    List<RegionWorker> workers = new ArrayList<>(n);
    List<Thread> threads = new ArrayList<>(n);
    FusionStats total = new FusionStats();
    long late;
    try {
      for (int r = 0; r < n; r++) {
        workers.add(new RegionWorker(r, partitioner, trackSink != TrackSink.NONE, engines));
      }
      for (int r = 0; r < n; r++) {
        Thread th = new Thread(workers.get(r), "fusion region " + r);
        th.setDaemon(true);
        threads.add(th);
        th.start();
      }
      try (TimeMerge merge = mergeOf.get()) {
        route(merge, workers, total);
        late = merge.late();
      } finally {
        for (RegionWorker w : workers) {
          w.put(new RegionWorker.Chunk(true));
        }
        for (Thread th : threads) {
          join(th);
        }
      }
      for (RegionWorker w : workers) {
        if (w.failure != null) {
          throw failure(w.failure);
        }
      }
      for (RegionWorker w : workers) {
        FusionStats s = w.engine().stats();
        total.unplaced += s.unplaced;
        total.corroborations += s.corroborations;
        total.triangulated += s.triangulated;
        total.tracksCreated += s.tracksCreated;
        total.tentativeDropped += s.tentativeDropped;
        total.candidates += s.candidates;
        total.targetTracks += w.ownedTargets;
        total.patrolTracks += w.ownedPatrols;
        total.welfare += w.ownedWelfare;
      }
      total.incidents = mergeIncidents(workers, incidents);
      mergeTracks(workers, trackSink);
      return new FusionPipeline.Result(total, late);
    } finally {
      for (RegionWorker w : workers) {
        Files.deleteIfExists(w.incidentFile);
        Files.deleteIfExists(w.trackFile);
      }
    }
  }

  /** Reads the merged stream and hands each observation, and the clock, to the regions. */
  private void route(TimeMerge merge, List<RegionWorker> workers, FusionStats total)
      throws IOException {
    int n = workers.size();
    RegionWorker.Chunk[] open = new RegionWorker.Chunk[n];
    for (int r = 0; r < n; r++) {
      open[r] = new RegionWorker.Chunk(false);
    }
    Map<String, long[]> scans = new HashMap<>();
    int[] everywhere = java.util.stream.IntStream.range(0, n).toArray();
    long lastHousekeeping = Long.MIN_VALUE, lastRelease = Long.MIN_VALUE, seq = 0;
    for (Observation o; (o = merge.next()) != null; seq++) {
      long t = o.t().toEpochMilli();
      switch (o.kind()) {
        case RADAR -> total.radar++;
        case THERMAL -> total.thermal++;
        case PATROL -> total.patrol++;
      }
      // the moments at which one engine over everything runs housekeeping or releases incidents
      boolean tick = false;
      if (lastHousekeeping == Long.MIN_VALUE || t - lastHousekeeping >= config.housekeepingEveryMs()) {
        lastHousekeeping = t;
        tick = true;
      }
      if (lastRelease == Long.MIN_VALUE || t - lastRelease >= config.releaseEveryMs()) {
        lastRelease = t;
        tick = true;
      }
      if (tick) {
        for (int r = 0; r < n; r++) {
          open[r] = add(workers.get(r), open[r], null, t, seq, Long.MIN_VALUE, false);
        }
      }
      long scanT0 = Long.MIN_VALUE;
      if (o.kind() == Kind.RADAR && placed(o)) {
        // one engine's scan of this radar: plots up to the scan window after the first one
        long[] start = scans.computeIfAbsent(o.sensor() == null ? "" : o.sensor(), k -> new long[] {Long.MIN_VALUE});
        if (start[0] == Long.MIN_VALUE || t - start[0] > config.scanWindowMs()) {
          start[0] = t;
        }
        scanT0 = start[0];
      }
      // patrol fixes go everywhere: a patrol's distance to an event counts however far it is
      int[] regions = o.kind() == Kind.PATROL ? everywhere : partitioner.regionsOf(o);
      for (int i = 0; i < regions.length; i++) {
        int r = regions[i];
        open[r] = add(workers.get(r), open[r], o, t, seq, scanT0, i == 0);
      }
    }
    for (int r = 0; r < n; r++) {
      if (open[r].n > 0) {
        workers.get(r).put(open[r]);
      }
    }
  }

  private static RegionWorker.Chunk add(RegionWorker w, RegionWorker.Chunk c, Observation o, long t, long seq, long scanT0,
      boolean primary) {
    int i = c.n++;
    c.obs[i] = o;
    c.t[i] = t;
    c.seq[i] = seq;
    c.scanT0[i] = scanT0;
    c.primary[i] = primary;
    if (c.full()) {
      w.put(c);
      return new RegionWorker.Chunk(false);
    }
    return c;
  }

  /** Whether the engine can place this radar plot (MeasurementModels#radar): only placed plots open a scan. */
  private boolean placed(Observation o) {
    return o.hasPosition() || (o.hasPolar() && !Double.isNaN(o.rangeM()) && o.sensor() != null && sites.byId(o.sensor()) != null);
  }

  /** The regions' incidents in output order, numbered per day as one engine numbers them. */
  private static long mergeIncidents(List<RegionWorker> workers, IncidentSink out) throws IOException {
    record Head(Incident incident, int region, IncidentSpool.Reader in) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(
        Comparator.comparing(Head::incident, BY_OUTPUT).thenComparingInt(Head::region));
    List<IncidentSpool.Reader> readers = new ArrayList<>();
    long count = 0;
    try {
      for (int r = 0; r < workers.size(); r++) {
        IncidentSpool.Reader in = new IncidentSpool.Reader(workers.get(r).incidentFile);
        readers.add(in);
        Incident i = in.next();
        if (i != null) heads.add(new Head(i, r, in));
      }
      // the assembler's own numbering: fed in output order, it hands each on with its id
      IncidentAssembler numbering = new IncidentAssembler(0, 0, 0, 0, out);
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        numbering.advance(h.incident().start().toEpochMilli());
        numbering.addScored(h.incident());
        count++;
        Incident next = h.in().next();
        if (next != null) heads.add(new Head(next, h.region(), h.in()));
      }
      numbering.finish();
    } finally {
      for (IncidentSpool.Reader in : readers) in.close();
    }
    return count;
  }

  /** The regions' tracks in the order they closed in the stream (ties: by region). */
  private static void mergeTracks(List<RegionWorker> workers, TrackSink out) throws IOException {
    if (out == TrackSink.NONE) return;
    PriorityQueue<TrackHead> heads =
        new PriorityQueue<>(Comparator.comparingLong(TrackHead::seq).thenComparingInt(TrackHead::region));
    List<DataInputStream> inputs = new ArrayList<>();
    try {
      for (int r = 0; r < workers.size(); r++) {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(workers.get(r).trackFile), 1 << 16));
        inputs.add(in);
        TrackHead h = nextTrack(r, in);
        if (h != null) heads.add(h);
      }
      while (!heads.isEmpty()) {
        TrackHead h = heads.poll();
        out.accept(h.track());
        TrackHead next = nextTrack(h.region(), h.in());
        if (next != null) heads.add(next);
      }
    } finally {
      for (DataInputStream in : inputs) in.close();
    }
  }

  private record TrackHead(long seq, int region, TrackSummary track, DataInputStream in) {}

  private static TrackHead nextTrack(int region, DataInputStream in) throws IOException {
    long seq;
    try {
      seq = in.readLong();
    } catch (EOFException end) {
      return null;
    }
    return new TrackHead(seq, region, TrackSpool.read(in), in);
  }

  private static void join(Thread th) throws IOException {
    try {
      th.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for a fusion region");
    }
  }

  private static IOException failure(Throwable e) {
    if (e instanceof UncheckedIOException u) return u.getCause();
    if (e instanceof IOException io) return io;
    if (e instanceof RuntimeException re) throw re;
    if (e instanceof Error err) throw err;
    return new IOException(e);
  }
}
