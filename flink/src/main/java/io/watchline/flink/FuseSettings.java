package io.watchline.flink;

import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * What every task of the job needs to rebuild fusion where it runs: the same arguments as {@code
 * watchline fuse}, plus the partitioning. Paths are read by each task, so on a cluster they must
 * name files every task manager can read (docs/scale.md).
 *
 * @param inputs canonical observation NDJSON files, merged by time as {@code fuse} does
 * @param border border line file
 * @param sectors sectors file, or null to cut them every {@code sectorEveryM}
 * @param sectorEveryM sector length when cutting, m
 * @param bandM sector band width each side, m
 * @param sites sensor registry file
 * @param minScore incidents scoring less are dropped
 * @param reorderWindowMs how far back in time a record may come and still be fused, ms: the
 *     reorder window of the file merge and the watermark's bounded lateness
 * @param regions how many fusion regions to cut the border into
 * @param haloM the partitioner's halo, m
 */
public record FuseSettings(
    List<String> inputs,
    String border,
    String sectors,
    double sectorEveryM,
    double bandM,
    String sites,
    double minScore,
    long reorderWindowMs,
    int regions,
    double haloM)
    implements Serializable {

  public FuseSettings {
    inputs = List.copyOf(inputs);
  }

  BorderView loadBorder() throws IOException {
    return BorderView.load(Path.of(border), sectors == null ? null : Path.of(sectors), sectorEveryM, bandM);
  }

  SiteRegistry loadSites() throws IOException {
    return SiteRegistry.load(Path.of(sites));
  }

  RegionPartitioner partitioner() throws IOException {
    return RegionPartitioner.of(loadBorder(), loadSites(), regions, haloM);
  }
}
