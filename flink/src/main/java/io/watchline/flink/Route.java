package io.watchline.flink;

import io.watchline.fusion.partition.RegionPartitioner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends each observation to every region that must see it ({@link RegionPartitioner#regionsOf})
 * and the input's rejects to {@link #REJECTS}. Counts observations and the copies made, so that
 * the halo's duplication is measured on every run, and the rejects.
 */
final class Route extends ProcessFunction<Sourced, Routed> {
  private static final long serialVersionUID = 1L;
  static final OutputTag<Out> REJECTS = new OutputTag<Out>("rejects") {};
  static final String OBSERVATIONS = "observations";
  static final String COPIES = "routed-copies";
  static final String REJECTED = "rejected-records";

  private final FuseSettings settings;
  private transient RegionPartitioner partitioner;
  private transient LongCounter observations;
  private transient LongCounter copies;
  private transient LongCounter rejected;

  Route(FuseSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    partitioner = settings.partitioner();
    observations = getRuntimeContext().getLongCounter(OBSERVATIONS);
    copies = getRuntimeContext().getLongCounter(COPIES);
    rejected = getRuntimeContext().getLongCounter(REJECTED);
  }

  @Override
  public void processElement(Sourced s, Context ctx, Collector<Routed> out) {
    if (s.reject() != null) {
      rejected.add(1);
      ctx.output(REJECTS, new Out(Out.Kind.REJECT, -1, RegionFusion.Lines.of(w -> w.write(s.reject())), Double.NaN, Double.NaN));
      return;
    }
    int[] regions = partitioner.regionsOf(s.observation());
    observations.add(1);
    copies.add(regions.length);
    for (int i = 0; i < regions.length; i++) {
      out.collect(new Routed(regions[i], s.seq(), i == 0, s.observation()));
    }
  }
}
