package io.watchline.bench;

import io.watchline.feed.FeedReader;
import io.watchline.feed.RejectSink;
import io.watchline.fusion.border.BorderView;
import io.watchline.fusion.partition.RegionPartitioner;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the region partitioning predicts for more slots, from one pass over real input: for each
 * slot count P, the border cut into P regions (as the Flink job does by default), the
 * observations each region's engine would fuse, the halo's duplication (copies per observation)
 * and the speed-up fusion could reach if each slot ran one region: all observations over the
 * busiest region's. Fusion cost per observation is taken as constant (it is within a few per cent
 * over a night: benchmarks/README.md).
 *
 * <pre>
 * java -cp benchmarks.jar io.watchline.bench.RegionLoad BORDER SITES SECTOR_EVERY_M HALO_M SLOTS,SLOTS,... OBS.ndjson...
 * </pre>
 */
public final class RegionLoad {
  private RegionLoad() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 6) {
      System.err.println("usage: RegionLoad BORDER SITES SECTOR_EVERY_M HALO_M SLOTS[,SLOTS...] OBS.ndjson...");
      System.exit(2);
    }
    BorderView border = BorderView.load(Path.of(args[0]), null, Double.parseDouble(args[2]), 5_000);
    SiteRegistry sites = SiteRegistry.load(Path.of(args[1]));
    double halo = Double.parseDouble(args[3]);
    int[] slots = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
    List<RegionPartitioner> parts = new ArrayList<>();
    long[][] load = new long[slots.length][];
    for (int k = 0; k < slots.length; k++) {
      parts.add(RegionPartitioner.of(border, sites, slots[k], halo));
      load[k] = new long[parts.get(k).regionCount()];
    }
    List<FeedReader> readers = new ArrayList<>();
    for (int i = 5; i < args.length; i++) {
      readers.add(new NdjsonObservationReader(Files.newInputStream(Path.of(args[i])), args[i], RejectSink.DISCARD));
    }
    long n = 0;
    try (TimeMerge merge = new TimeMerge(readers, RejectSink.DISCARD, 30_000, 1_000_000)) {
      for (Observation o; (o = merge.next()) != null; n++) {
        for (int k = 0; k < slots.length; k++) {
          for (int r : parts.get(k).regionsOf(o)) {
            load[k][r]++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "observations %d, border %.1f km, %d sectors, halo %.0f m%n", n,
        border.context().borderLengthM() / 1000, border.context().sectors().size(), halo);
    System.out.println("slots\tregions\tduplication\tbusiest_region_share\tpredicted_speedup");
    for (int k = 0; k < slots.length; k++) {
      long copies = Arrays.stream(load[k]).sum();
      long max = Arrays.stream(load[k]).max().orElse(0);
      System.out.printf(Locale.ROOT, "%d\t%d\t%.3f\t%.3f\t%.2f%n", slots[k], load[k].length, (double) copies / n,
          (double) max / n, (double) n / max);
    }
  }
}
