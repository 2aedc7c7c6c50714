package io.watchline.cli.live;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGINT/SIGTERM for a live command: the signal asks the run to stop, and the JVM waits (up to
 * {@link #GRACE_S} s) until the command has flushed and closed its outputs and printed its counts,
 * so nothing received is lost to the signal. Use in try-with-resources around the run.
 */
public final class Shutdown implements AutoCloseable {
  static final long GRACE_S = 20;

  private final CountDownLatch done = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean signalled;

  public Shutdown(Runnable stop) {
    hook = new Thread(() -> {
      signalled = true;
      stop.run();
      try {
        done.await(GRACE_S, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "live-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** True when a signal ended the run. */
  public boolean signalled() {
    return signalled;
  }

  /** The outputs are closed: a pending signal may end the JVM now. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running; it returns now that done is counted down
    }
  }
}
