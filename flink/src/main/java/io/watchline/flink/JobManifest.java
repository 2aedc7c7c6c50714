package io.watchline.flink;

import io.watchline.evidence.FileHash;
import io.watchline.evidence.RunManifest;
import io.watchline.evidence.SourceHashes;
import io.watchline.fusion.FusionConfig;
import io.watchline.sites.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run manifest of a file run (docs/evidence.md), as {@code fuse} writes it: the observation
 * files hashed before the job and checked again after it (the job's tasks read them on their own,
 * so a file that changed meanwhile cannot be tied to one version), border, sectors and sites, the
 * files the incidents' evidence names, the settings including the engine's, and the outputs.
 */
final class JobManifest {
  /** An observation file that changed while the job ran. */
  static final class ChangedInput extends IOException {
    private static final long serialVersionUID = 1L;

    ChangedInput(String message) {
      super(message);
    }
  }

  private final RunManifest.Builder manifest;
  private final Map<String, FileHash> inputs = new LinkedHashMap<>();

  private JobManifest(List<String> arguments, List<String> files) throws IOException {
    manifest = RunManifest.builder("fuse", arguments);
    for (String f : files) {
      inputs.put(f, FileHash.of(Path.of(f)));
    }
  }

  /** Starts the manifest before the job runs: the observation files are hashed now. */
  static JobManifest start(JobArgs a) throws IOException {
    return new JobManifest(a.arguments, a.inputs);
  }

  /** Finishes it after the outputs are in place; {@code rejects} is null when none were written. */
  void write(Path file, JobArgs a, FuseSettings s, SourceHashes sources, Path incidents, Path tracks, Path rejects)
      throws IOException {
    for (Map.Entry<String, FileHash> e : inputs.entrySet()) {
      FileHash now = FileHash.of(Path.of(e.getKey()));
      if (!now.equals(e.getValue())) {
        throw new ChangedInput(e.getKey() + " changed while the job read it (sha256 " + e.getValue().sha256() + " before, "
            + now.sha256() + " after); the incidents cannot be tied to one version of it");
      }
      manifest.input("observations", e.getKey(), e.getValue());
    }
    manifest.inputFile("border", Path.of(s.border())).inputFile("sectors", s.sectors() == null ? null : Path.of(s.sectors()))
        .inputFile("sites", Path.of(s.sites()));
    sources.resolvedFiles().forEach((name, h) -> {
      if (!inputs.containsKey(name) && h != null) manifest.input("source", name, sources.pathOf(name), h);
    });
    for (Site site : s.loadSites().all()) {
      manifest.clockOffset(site.id(), site.clockOffsetMs());
    }
    manifest.parameter("engine", "flink").parameter("flink.parallelism", a.parallelism).parameter("flink.regions", s.regions())
        .parameter("flink.halo_m", s.haloM())
        .parameter("fusion.sector_every_m", s.sectorEveryM()).parameter("fusion.band_m", s.bandM())
        .parameter("fusion.min_score", s.minScore()).parameter("fusion.reorder_window_ms", s.reorderWindowMs())
        .parameters("fusion.config", FusionConfig.defaults());
    if (incidents != null) manifest.output("geojson".equals(a.to) ? "incidents-geojson" : "incidents", incidents);
    if (tracks != null && Files.isRegularFile(tracks)) manifest.output("tracks", tracks);
    if (rejects != null && Files.isRegularFile(rejects)) manifest.output("rejects", rejects);
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    manifest.write(file);
  }
}
