package io.watchline.cli.nightly;

import io.watchline.cli.evidence.Manifests;
import io.watchline.evidence.NightChain;
import io.watchline.evidence.RunManifest;
import io.watchline.fusion.FusionConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;

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
    // feeds are already inputs under the names their records carry, so evidence resolves to them
    Manifests.clockOffsets(m, run.sites);
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
    Manifests.writeForFolder(m, run.dir, key);
  }
}
