package io.watchline.cli.live;

import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.feed.FeedException;
import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.live.Endpoint;
import io.watchline.live.LiveIngest;
import io.watchline.live.UdpCapture;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ingest --listen/--follow}: builds the {@link LiveIngest} from the options, writes NDJSON
 * flushed per batch, stops on a signal or when idle, and prints what every source received.
 */
public final class LiveIngestRun {
  /** Totals for the exit code. */
  public record Totals(long accepted, long rejected, int unreadable) {}

  private LiveIngestRun() {}

  /**
   * @param out '-' (stdout), a device or FIFO, or a regular file appended to as records arrive (so
   *     {@code fuse --follow FILE} can read it while it grows)
   * @throws IllegalArgumentException for a bad address (a usage error)
   */
  public static Totals run(List<String> listen, List<Path> follow, long idleMs, String out, RejectReport rejects,
      FeedOptions options, SiteRegistry sites, FeedFormat format, PrintWriter err, boolean quiet) throws IOException {
    List<Endpoint> udp = new ArrayList<>();
    List<Endpoint> tcp = new ArrayList<>();
    for (String l : listen) {
      Endpoint e = Endpoint.parse(l);
      switch (e.scheme()) {
        case UDP -> udp.add(e);
        case TCP -> tcp.add(e);
        case TLS -> throw new IllegalArgumentException("--listen takes udp:// or tcp://, not tls://");
      }
    }
    if (options.date() == null && options.near() == null) {
      // no date in a feed (GGA before RMC, raw ASTERIX on TCP): the day of arrival
      options = options.withDate(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }
    LiveIngest live = new LiveIngest(options, sites, rejects, format);
    // Listen before the output is open (a pipe's reader may come later): what arrives meanwhile
    // waits in the queues. UDP first, so a sender that got its TCP connection finds UDP bound too.
    try {
      if (!udp.isEmpty()) live.listenUdp(udp);
      for (Endpoint e : tcp) live.listenTcp(e);
      for (Path f : follow) live.follow(f);
    } catch (IOException | RuntimeException e) {
      live.close();
      throw e;
    }
    try (live; Target target = Target.open(out); Shutdown signals = new Shutdown(live::stop)) {
      NdjsonWriter w = new NdjsonWriter(target.stream);
      if (!quiet) {
        err.println("ingest: listening on " + String.join(", ", listen)
            + (follow.isEmpty() ? "" : (listen.isEmpty() ? "" : "; ") + "following " + follow));
        err.flush();
      }
      live.run(new LiveIngest.Output() {
        @Override
        public void write(Observation o) throws IOException {
          w.write(o);
        }

        @Override
        public void flush() throws IOException {
          w.flush();
        }
      }, idleMs);
      w.flush();
      target.commit();
      rejects.commit();
      return summarize(live, err, quiet, rejects);
    }
  }

  private static Totals summarize(LiveIngest live, PrintWriter err, boolean quiet, RejectReport rejects) {
    long accepted = 0;
    long rejected = 0;
    int unreadable = 0;
    for (LiveIngest.SourceResult r : live.results()) {
      if (r.failure() != null && r.stats() == null) {
        unreadable++;
        err.println("watchline: " + (r.failure() instanceof FeedException ? r.failure().getMessage()
            : r.name() + ": cannot read: " + r.failure().getMessage()));
        continue;
      }
      accepted += r.stats().accepted();
      rejected += r.stats().rejectedCount();
      if (r.failure() != null) {
        unreadable++;
        err.println("watchline: " + r.name() + ": stopped: " + r.failure().getMessage());
      }
      if (!quiet || r.stats().rejectedCount() > 0) err.println(r.stats().summary());
    }
    UdpCapture u = live.udp();
    if (u != null && (!quiet || u.dropped() > 0)) {
      err.println("ingest: " + u.name() + ": received " + u.datagrams() + " datagrams (" + u.bytes() + " bytes)"
          + (u.dropped() > 0 ? ", " + u.dropped() + " DROPPED: the reader fell behind" : ""));
    }
    if (!quiet) {
      err.println("ingest: " + live.connections() + " TCP connections; wrote " + live.written() + " observations");
    }
    rejects.printCounts();
    err.flush();
    return new Totals(accepted, rejected, unreadable);
  }

  /** A live output: standard output, a device or FIFO through OutputTarget, a regular file appended to. */
  private static final class Target implements AutoCloseable {
    final OutputStream stream;
    final OutputTarget target;

    private Target(OutputStream stream, OutputTarget target) {
      this.stream = stream;
      this.target = target;
    }

    static Target open(String out) throws IOException {
      Path p = OutputTarget.isStdout(out) ? null : Path.of(out);
      if (p != null && (Files.isRegularFile(p) || !Files.exists(p))) {
        return new Target(new java.io.BufferedOutputStream(Files.newOutputStream(p, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND), 1 << 16), null);
      }
      OutputTarget t = OutputTarget.open(out);
      return new Target(t.stream(), t);
    }

    void commit() throws IOException {
      stream.flush();
      if (target != null) target.commit();
    }

    @Override
    public void close() throws IOException {
      if (target != null) {
        target.close();
      } else {
        stream.close();
      }
    }
  }
}
