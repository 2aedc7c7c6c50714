package io.watchline.flink;

import io.watchline.fusion.partition.RegionPartitioner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Keeps an incident only in the region owning its event point, and a track only in the region
 * owning its first point: the other regions that fused the same target through their halo drop
 * their copy.
 */
final class Owned extends RichFilterFunction<Out> {
  private static final long serialVersionUID = 1L;
  private final FuseSettings settings;
  private transient RegionPartitioner partitioner;

  Owned(FuseSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    partitioner = settings.partitioner();
  }

  @Override
  public boolean filter(Out o) {
    if (o.kind() != Out.Kind.INCIDENT && o.kind() != Out.Kind.TRACK) {
      return true;
    }
    return partitioner.ownerOf(o.lat(), o.lon()) == o.region();
  }
}
