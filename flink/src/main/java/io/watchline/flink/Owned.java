package io.watchline.flink;

import io.watchline.fusion.partition.RegionPartitioner;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;

/**
 * Keeps an incident only in the region owning its event point, and a track only in the region
 * owning its first point: the other regions that fused the same target through their halo drop
 * their copy. Counts what it keeps, for runs whose outputs go straight to Kafka.
 */
final class Owned extends RichFilterFunction<Out> {
  private static final long serialVersionUID = 1L;
  private final FuseSettings settings;
  static final String INCIDENTS = "owned-incidents";
  static final String TRACKS = "owned-tracks";
  private transient RegionPartitioner partitioner;
  private transient LongCounter incidents;
  private transient LongCounter tracks;

  Owned(FuseSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    partitioner = settings.partitioner();
    incidents = getRuntimeContext().getLongCounter(INCIDENTS);
    tracks = getRuntimeContext().getLongCounter(TRACKS);
  }

  @Override
  public boolean filter(Out o) {
    if (o.kind() != Out.Kind.INCIDENT && o.kind() != Out.Kind.TRACK) {
      return true;
    }
    boolean owned = partitioner.ownerOf(o.lat(), o.lon()) == o.region();
    if (owned) {
      (o.kind() == Out.Kind.INCIDENT ? incidents : tracks).add(1);
    }
    return owned;
  }
}
