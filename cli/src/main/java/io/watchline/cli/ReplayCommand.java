package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.feed.FeedException;
import io.watchline.feed.FeedOptions;
import io.watchline.live.Endpoint;
import io.watchline.live.ReplayFeed;
import io.watchline.live.Replayer;
import io.watchline.live.Sender;
import io.watchline.live.Senders;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchline replay}: recorded feeds sent as live traffic. */
@Command(
    name = "replay",
    header = "Send recorded feeds as live traffic (UDP or TCP), keeping their recorded timing.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Sends recorded feeds to the network as the sensors would: an ASTERIX recording (raw blocks,",
      "pcap with both multicast copies, FINAL, GPS) one datagram per block or captured payload, a",
      "text feed (NMEA, CoT, ONVIF, NDJSON, CSV) one line at a time. The feeds are merged by their",
      "recorded times and sent with the recorded gaps divided by --speed. Each FILE goes to the one",
      "--send address, to its own when --send is given once per FILE, or, with one udp:// and one tcp://",
      "address, ASTERIX recordings over UDP and text feeds over TCP. Over TCP every FILE gets its own",
      "connection (a listener reads each connection as one feed).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline replay radar.ast --date 2026-11-27 --speed 10 --send udp://239.1.2.3:4000",
      "  watchline replay radar-*.ast patrol-*.nmea cam-*.xml --date 2026-11-27 --speed 20 \\",
      "      --send udp://239.1.2.3:4000 --send tcp://127.0.0.1:4001   # ASTERIX over UDP, the rest over TCP",
      "  watchline replay patrol-*.nmea --speed 0 --send tcp://127.0.0.1:4001   # as fast as possible",
      "",
      "Exit codes: 0 all sent, 1 a send failed, 2 usage error (unreadable file, bad address)."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Recorded feed files.")
  List<Path> files;

  @Option(names = "--send", required = true, paramLabel = "URL",
      description = "udp://HOST:PORT[?iface=NAME] or tcp://HOST:PORT: once for all files, once per file, or one udp://"
          + " (ASTERIX) and one tcp:// (text feeds).")
  List<String> destinations;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
      description = "Times faster than recorded (default ${DEFAULT-VALUE}; 0 sends without waiting).")
  double speed;

  @Mixin FeedInputOptions input = new FeedInputOptions();

  @Mixin Verbosity log;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!(speed >= 0) || Double.isInfinite(speed)) {
      throw new UserException("--speed must be 0 (no waiting) or a positive factor, not " + speed);
    }
    List<Endpoint> targets = new ArrayList<>();
    for (String t : destinations) {
      try {
        Endpoint e = Endpoint.parse(t);
        if (e.scheme() == Endpoint.Scheme.TLS) {
          throw new UserException("replay sends over udp:// or tcp://, not tls://");
        }
        targets.add(e);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    boolean byKind = targets.size() == 2 && targets.get(0).scheme() != targets.get(1).scheme();
    if (targets.size() != 1 && !byKind && targets.size() != files.size()) {
      throw new UserException("give --to once for all files, once per file, or a udp:// and a tcp:// address ("
          + files.size() + " files, " + targets.size() + " --to)");
    }
    FeedOptions options = input.feedOptions();
    if (options.date() == null) {
      options = options.withDateNear(java.time.Instant.now()); // only the gaps between records matter here
    }
    PrintWriter err = spec.commandLine().getErr();
    List<ReplayFeed> feeds = new ArrayList<>();
    List<Sender> senders = new ArrayList<>();
    Map<Endpoint, Sender> udp = new HashMap<>();
    try {
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        String problem = InputFiles.problem(f.toString());
        if (problem != null) {
          throw new UserException(problem);
        }
        try {
          feeds.add(ReplayFeed.open(f, options, input.siteRegistry()));
        } catch (FeedException e) {
          throw new UserException(e.getMessage());
        }
        ReplayFeed feed = feeds.get(feeds.size() - 1);
        Endpoint e = byKind ? targets.get(targets.get(0).scheme() == Endpoint.Scheme.UDP == feed.binary() ? 0 : 1)
            : targets.get(targets.size() == 1 ? 0 : i);
        if (e.scheme() == Endpoint.Scheme.UDP) {
          senders.add(udp.computeIfAbsent(e, k -> openUdp(k)));
        } else {
          senders.add(Senders.open(e, Senders.Tls.NONE, 10_000));
        }
      }
      Replayer replayer = new Replayer(feeds, senders, speed);
      Thread hook = new Thread(replayer::stop);
      Runtime.getRuntime().addShutdownHook(hook);
      Replayer.Result r;
      try {
        r = replayer.run();
      } catch (Replayer.UntimedFeedException e) {
        throw new UserException(e.getMessage());
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook already ran: the replay was stopped
        }
      }
      for (ReplayFeed f : feeds) {
        log.info("replay: " + f.name() + ": sent " + f.units() + (f.binary() ? " datagrams, " : " lines, ") + f.bytes()
            + " bytes");
      }
      if (r.t0() != null) {
        log.info("replay: record time " + r.t0() + " was sent at " + java.time.Instant.ofEpochMilli(r.startedMs()));
      }
      log.info("replay: " + r.units() + " units in " + r.wallMs() / 1000.0 + " s at speed " + speed
          + (speed > 0 ? "; at most " + r.maxLagMs() + " ms behind the recorded timing" : ""));
      err.flush();
      return ExitCode.OK;
    } finally {
      for (ReplayFeed f : feeds) f.close();
      for (Sender s : new java.util.LinkedHashSet<>(senders)) s.close();
    }
  }

  private static Sender openUdp(Endpoint e) {
    try {
      return Senders.open(e, Senders.Tls.NONE, 0);
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    } catch (IllegalArgumentException x) {
      throw new UserException(x.getMessage());
    }
  }
}
