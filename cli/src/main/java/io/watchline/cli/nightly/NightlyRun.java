package io.watchline.cli.nightly;

import io.watchline.geo.context.BorderContext;
import io.watchline.geo.io.GeoFeature;
import io.watchline.incident.Incident;
import io.watchline.sites.SiteRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The state a nightly run's steps share: inputs, what each step produced, and the findings. */
public final class NightlyRun {
  final NightlyConfig config;
  final Window window;
  /** The folder being built; renamed into place when every step succeeded. */
  final Path dir;
  /** Intermediate files, removed before the folder is published. */
  final Path scratch;
  final Consumer<String> log;

  /** Every rejected record of every input: rejects.ndjson in the output folder. */
  io.watchline.ndjson.NdjsonWriter rejects;
  BorderContext border;
  SiteRegistry sites = SiteRegistry.empty();
  final List<FeedQuality> feeds = new ArrayList<>();
  /** Canonical observations of the window, one file per input file, each in its input order. */
  final List<Path> observationFiles = new ArrayList<>();
  /** The feeds' signs of life that are not observations, written by the ingest step (status NDJSON). */
  Path statusFile;
  long observationCount;
  /** Observations fusion refused as too late for its reorder window (also in rejects.ndjson). */
  long lateRejects;
  /** Sorted by start, then id. */
  List<Incident> incidents = new ArrayList<>();
  /** Gap lines from coverage (lon/lat); null when no coverage stage ran. */
  List<GeoFeature> gaps;
  /** True once the coverage stage wrote gaps.geojson itself. */
  boolean gapsWritten;
  /** Extra per-sector columns a coverage stage adds to sectors.csv, by sector id. */
  final Map<String, Map<String, String>> sectorColumns = new LinkedHashMap<>();
  final TreeSet<String> silentSensors = new TreeSet<>();
  /** The coverage stage's result (sensor availability, sites for the map); null when it did not run. */
  io.watchline.geo.coverage.CoverageResult coverage;
  /** The run manifest being built (docs/evidence.md); written last, before the folder is published. */
  io.watchline.evidence.RunManifest.Builder manifest;
  /** The feed files by the name their records carry, so incidents can name them by hash. */
  io.watchline.evidence.SourceHashes sources;
  /** Things the duty officer should know about the run itself (stages not available, …). */
  final List<String> notes = new ArrayList<>();
  /** How the night was computed (e.g. the line-of-sight algorithm): printed after the tables. */
  final List<String> methodNotes = new ArrayList<>();

  NightlyRun(NightlyConfig config, Window window, Path dir, Consumer<String> log) {
    this.config = config;
    this.window = window;
    this.dir = dir;
    this.scratch = dir.resolve(".work");
    this.log = log;
    this.sources = new io.watchline.evidence.SourceHashes(config.base());
  }

  /** The same findings, pointing at the published folder. */
  NightlyRun copyResultsFrom(NightlyRun done) {
    border = done.border;
    sites = done.sites;
    feeds.addAll(done.feeds);
    observationCount = done.observationCount;
    lateRejects = done.lateRejects;
    incidents = done.incidents;
    gaps = done.gaps;
    gapsWritten = done.gapsWritten;
    sectorColumns.putAll(done.sectorColumns);
    silentSensors.addAll(done.silentSensors);
    coverage = done.coverage;
    notes.addAll(done.notes);
    return this;
  }

  public java.util.Set<String> silentSensors() {
    return silentSensors;
  }

  public List<String> notes() {
    return notes;
  }

  public Window window() {
    return window;
  }

  public Path dir() {
    return dir;
  }

  public List<Incident> incidents() {
    return incidents;
  }

  public List<FeedQuality> feeds() {
    return feeds;
  }

  public long rejectedTotal() {
    return feeds.stream().mapToLong(FeedQuality::rejected).sum() + lateRejects;
  }
}
