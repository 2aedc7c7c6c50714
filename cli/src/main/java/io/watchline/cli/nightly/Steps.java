package io.watchline.cli.nightly;

import io.watchline.export.CanonicalRecord;
import io.watchline.export.CanonicalRecordReader;
import io.watchline.evidence.FileHash;
import io.watchline.evidence.HashingInputStream;
import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.ReadStats;
import io.watchline.geo.context.BorderContext;
import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The stages a nightly run is made of (see {@link NightlyPipeline#standard()}). */
final class Steps {
  private Steps() {}

  /** Border line and sectors, and the sensor registry. */
  static final class LoadContext implements NightlyStep {
    @Override
    public String name() {
      return "context";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      NightlyConfig c = run.config;
      requireFile(c.border(), "border");
      if (c.sectors() != null) requireFile(c.sectors(), "sectors");
      run.border = BorderContext.load(c.border(), c.sectors(), c.sectorEveryKm() * 1000, c.sectorBandKm() * 1000);
      if (c.sites() != null) {
        requireFile(c.sites(), "sites");
        run.sites = SiteRegistry.load(c.sites());
        run.sites.requireNear(run.border.borderLonLat(), c.border().toString(), c.sites().toString());
      }
    }
  }

  /**
   * Reads every feed's files (format detected from content), keeps the observations inside the
   * window in one NDJSON file, writes every rejected record to rejects.ndjson, and fills the
   * data-quality rows. A file that cannot be read at all is reported, not fatal.
   */
  static final class Ingest implements NightlyStep {
    @Override
    public String name() {
      return "ingest";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      Files.createDirectories(run.scratch);
      run.statusFile = run.scratch.resolve("status.ndjson");
      try (io.watchline.cli.io.StatusOutput status = io.watchline.cli.io.StatusOutput.open(run.statusFile.toString())) {
        readFeeds(run, status);
        status.commit();
      }
    }

    private void readFeeds(NightlyRun run, io.watchline.cli.io.StatusOutput status) throws IOException {
      Set<String> seenSensors = new TreeSet<>();
      for (Map.Entry<String, FeedSpec> feed : run.config.feeds().entrySet()) {
        FeedQuality q = new FeedQuality(feed.getKey());
        run.feeds.add(q);
        FeedSpec spec = feed.getValue();
        // signs of life that are not observations (CAT034, empty ONVIF frames) keep quiet sensors up
        FeedOptions options = spec.options(run.window).withStatus(st -> {
          if (run.window.contains(st.t())) {
            status.alive(st);
            q.sensors.add(st.sensor()); // heard, so not silent
          }
        });
        SiteRegistry sites = spec.sites() == null ? run.sites : loadSites(spec.sites(), run);
        for (String glob : spec.files()) {
          for (Path file : Globs.expand(run.config.base(), glob)) {
            q.files.add(display(run, file));
            // one canonical file per input: each input is time-ordered on its own, and fusion
            // merges them by time
            Path out = run.scratch.resolve(String.format(java.util.Locale.ROOT, "obs-%05d.ndjson", run.observationFiles.size()));
            run.observationFiles.add(out);
            try (OutputStream obsOut = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
              NdjsonWriter obs = new NdjsonWriter(obsOut);
              read(run, q, file, spec.format(), options, sites, obs);
              obs.close();
            }
          }
        }
        if (q.files.isEmpty()) {
          run.log.accept("feed " + q.name + ": no file matches " + spec.files());
        }
        seenSensors.addAll(q.sensors);
      }
      for (Site s : run.sites.all()) {
        if (!seenSensors.contains(s.id())) run.silentSensors.add(s.id());
      }
    }

    private static SiteRegistry loadSites(Path file, NightlyRun run) throws IOException {
      requireFile(file, "sites");
      SiteRegistry sites = SiteRegistry.load(file);
      sites.requireNear(run.border.borderLonLat(), run.config.border().toString(), file.toString());
      return sites;
    }

    private static void read(NightlyRun run, FeedQuality q, Path file, FeedFormat format, FeedOptions options,
        SiteRegistry sites, NdjsonWriter obs) throws IOException {
      String name = display(run, file);
      run.sources.known(name, file);
      // hashed while read: the manifest names the exact bytes this night was made from
      try (HashingInputStream hashed = new HashingInputStream(Files.newInputStream(file))) {
        try (FeedReader r = Feeds.open(keepOpen(hashed), name, format, options, sites, run.rejects)) {
          for (Observation o; (o = r.next()) != null; ) {
            if (run.window.contains(o.t())) {
              q.saw(o.t(), o.sensor());
              obs.write(o);
              run.observationCount++;
            } else {
              q.outsideWindow++;
            }
          }
          ReadStats s = r.stats();
          q.read += s.read();
          q.accepted += s.accepted();
          q.rejected += s.rejectedCount();
          if (s.format() != null) q.formats.add(s.format());
        } catch (FeedException e) {
          q.unreadable.add(name + ": " + e.getMessage());
        }
        run.manifest.input("feed", name, file, FileHash.drain(hashed));
      }
    }

    private static InputStream keepOpen(InputStream in) {
      return new java.io.FilterInputStream(in) {
        @Override
        public void close() {}
      };
    }
  }

  /**
   * Incident candidates from incident NDJSON files named in the config ({@code incidents:}),
   * kept when they overlap the window. This is how a night is re-reported from a separate
   * {@code watchline fuse} run; the fusion stage adds its own incidents to the same list.
   */
  static final class LoadIncidents implements NightlyStep {
    @Override
    public String name() {
      return "incidents";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      Map<String, Incident> byId = new LinkedHashMap<>();
      for (Incident i : run.incidents) byId.put(i.id(), i);
      for (String glob : run.config.incidents()) {
        for (Path file : Globs.expand(run.config.base(), glob)) {
          FeedQuality q = new FeedQuality("incidents:" + display(run, file));
          q.files.add(display(run, file));
          q.formats.add("ndjson");
          run.feeds.add(q);
          run.manifest.inputFile("incidents", file);
          try (InputStream in = Files.newInputStream(file)) {
            CanonicalRecordReader reader = new CanonicalRecordReader(in, display(run, file), run.rejects);
            for (CanonicalRecord r; (r = reader.next()) != null; ) {
              if (r instanceof CanonicalRecord.Inc inc) {
                Incident i = inc.incident();
                if (i.start().isBefore(run.window.end()) && !i.end().isBefore(run.window.start())) {
                  byId.putIfAbsent(i.id(), i);
                  q.saw(i.start(), null);
                } else {
                  q.outsideWindow++;
                }
              }
            }
            q.read = reader.stats().read();
            q.accepted = reader.stats().accepted();
            q.rejected = reader.stats().rejectedCount();
          }
        }
      }
      List<Incident> sorted = new ArrayList<>(byId.values());
      sorted.sort(Comparator.comparing(Incident::start).thenComparing(Incident::id));
      run.incidents = sorted;
    }
  }

  /**
   * The fusion stage ({@code io.watchline.fusion}): the window's observations, merged by time, go
   * through the tracker and the border logic; incidents scoring at least {@code min_score} join
   * the run's list.
   */
  static final class Fuse implements NightlyStep {
    /** As {@code watchline fuse}: how far a feed may be out of time order. */
    static final long REORDER_WINDOW_MS = io.watchline.fusion.FusionPipeline.DEFAULT_REORDER_WINDOW_MS;

    @Override
    public String name() {
      return "fuse";
    }

    @Override
    public void run(NightlyRun run) throws IOException {
      List<io.watchline.feed.FeedReader> readers = new ArrayList<>();
      for (Path f : run.observationFiles) {
        readers.add(new io.watchline.ndjson.NdjsonObservationReader(Files.newInputStream(f), f.getFileName().toString(), run.rejects));
      }
      io.watchline.fusion.FusionPipeline.Result result =
          new io.watchline.fusion.FusionPipeline(new io.watchline.fusion.border.BorderView(run.border), run.sites)
              .minScore(run.config.minScore()).reorderWindowMs(REORDER_WINDOW_MS)
              .run(readers, run.rejects, run.incidents::add);
      if (result.late() > 0) {
        run.notes.add(result.late() + " observations arrived later than the fusion reorder window allows and were"
            + " rejected (see rejects.ndjson)");
        run.lateRejects += result.late();
      }
      run.log.accept("fuse: " + result.stats().summary() + "; " + result.stats().incidents + " incidents");
    }
  }

  static void requireFile(Path p, String key) {
    if (!Files.isRegularFile(p)) {
      throw new NightlyConfig.ConfigException("'" + key + "' file not found: " + p + " (paths are relative to the config file)");
    }
  }

  /** File names as the config gave them (relative to its folder), so outputs do not depend on where the run happens. */
  static String display(NightlyRun run, Path file) {
    Path base = run.config.base();
    return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
  }
}
