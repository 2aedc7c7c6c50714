package io.watchline.cli;

import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import io.watchline.cli.live.LiveIngestRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code ingest}'s live inputs: listeners and followed files (docs/live.md). */
public final class LiveInputOptions {
  @Option(names = "--listen", paramLabel = "URL",
      description = "Listen on udp://GROUP:PORT[?iface=NAME] (ASTERIX, one block per datagram; give the A and B groups"
          + " to de-duplicate them) or tcp://HOST:PORT (each connection one NMEA, CoT, ONVIF or NDJSON feed). Repeatable.")
  List<String> listen = new ArrayList<>();

  @Option(names = "--follow", paramLabel = "FILE",
      description = "Read FILE as it grows, like tail -F (survives rotation; waits for it to appear). Repeatable.")
  List<Path> follow = new ArrayList<>();

  @Option(names = "--stop-after-idle", paramLabel = "DURATION", converter = TimeSpan.Millis.class,
      description = "Stop when no record arrived for this long after the first one (e.g. 30s, 5m; default: run until SIGINT/SIGTERM).")
  Long idleMs;

  boolean active() {
    return !listen.isEmpty() || !follow.isEmpty();
  }

  int run(IngestCommand c, List<String> feeds, String out, String rejectsFile, Long maxBad, PrintWriter err,
      boolean quiet) throws IOException {
    if (feeds != null && !feeds.isEmpty()) {
      throw new UserException("give FEED files or --listen/--follow, not both (files are read whole, live inputs never end)");
    }
    String rj = RejectReport.fileFor(rejectsFile, out);
    List<Object> inputs = new ArrayList<>(follow);
    inputs.add(c.input.sites);
    SameFiles.check(inputs, SameFiles.outputs("-o", out, "--rejects", rj));
    LiveIngestRun.Totals t;
    try (RejectReport rejects = RejectReport.open(rj, "ingest", err)) {
      t = LiveIngestRun.run(listen, follow, idleMs == null ? 0 : idleMs, out, rejects, c.input.feedOptions(),
          c.input.siteRegistry(), c.input.format(), err, quiet);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    if (maxBad != null && t.rejected() > maxBad) {
      err.println("watchline: " + t.rejected() + " records rejected, more than --max-bad " + maxBad);
      return ExitCode.TOO_MANY_BAD;
    }
    if (t.unreadable() > 0) {
      return ExitCode.FAILURE;
    }
    if (t.accepted() == 0) {
      err.println("watchline: nothing usable was received");
      return ExitCode.NOTHING_USABLE;
    }
    return ExitCode.OK;
  }
}
