package io.watchline.cli.nightly;

import io.watchline.evidence.NightChain;
import io.watchline.evidence.RunManifest;
import io.watchline.evidence.Signatures;
import io.watchline.fusion.FusionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * The night's {@code manifest.json}: inputs (feeds hashed while ingested), the effective config,
 * the clock offsets, every file of the folder by SHA-256, and the link to the previous night's
 * manifest that makes the archive a chain ({@link NightChain}).
 */
final class NightManifest {
  private NightManifest() {}

  static void write(NightlyRun run, Path root, String date, PrivateKey key) throws IOException {
    RunManifest.Builder m = run.manifest;
    NightlyConfig c = run.config;
    m.inputFile("border", c.border()).inputFile("sectors", c.sectors()).inputFile("sites", c.sites()).inputFile("dem", c.dem());
    run.sources.resolvedFiles().forEach((name, h) -> m.input("source", name, run.sources.pathOf(name), h));
    run.sites.all().forEach(s -> m.clockOffset(s.id(), s.clockOffsetMs()));
    m.parameters("config", c)
        .parameter("window.start", run.window.start().toString())
        .parameter("window.end", run.window.end().toString())
        .parameter("fusion.sector_every_m", c.sectorEveryKm() * 1000)
        .parameter("fusion.band_m", c.sectorBandKm() * 1000)
        .parameter("fusion.min_score", c.minScore())
        .parameter("fusion.reorder_window_ms", Steps.Fuse.REORDER_WINDOW_MS)
        .parameters("fusion.config", FusionConfig.defaults());
    RunManifest.Previous previous = NightChain.previousOf(root, date);
    if (previous != null) m.previous(previous);
    List<Path> files;
    try (Stream<Path> s = Files.list(run.dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      m.output(role(f.getFileName().toString()), f);
    }
    Path manifest = run.dir.resolve(NightChain.MANIFEST);
    m.write(manifest);
    if (key != null) Signatures.sign(manifest, key);
  }

  /** The incident list evidence packages are cut from is "incidents"; every other file is its name. */
  private static String role(String name) {
    return name.equals("incidents.ndjson") ? "incidents" : name;
  }
}
