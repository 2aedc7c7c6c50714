package io.watchline.flink;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One MiniCluster (1 task manager, 2 slots) for every test class of the module: started by the
 * first class that asks, stopped when the test run ends. Each class gets it as the context of
 * {@code StreamExecutionEnvironment.getExecutionEnvironment()} with parallelism 2; starting a
 * cluster per class cost a few seconds each.
 */
final class SharedMiniCluster implements BeforeAllCallback, AfterAllCallback {
  static final int SLOTS = 2;
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedMiniCluster.class);

  /** The running cluster, closed with the root context. */
  private record Running(MiniCluster cluster) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      cluster.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext ctx) {
    Running running = ctx.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    TestStreamEnvironment.setAsContext(running.cluster(), SLOTS);
  }

  @Override
  public void afterAll(ExtensionContext ctx) {
    TestStreamEnvironment.unsetAsContext();
  }

  private static Running start() {
    try {
      // Any free port for the REST endpoint: a fixed 8081 fails when another program holds it.
      Configuration conf = new Configuration();
      conf.set(RestOptions.BIND_PORT, "0");
      MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
          .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(SLOTS).build());
      cluster.start();
      return new Running(cluster);
    } catch (Exception e) {
      throw new IllegalStateException("MiniCluster did not start", e);
    }
  }
}
