package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.IoErrors;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import io.watchline.cli.io.StatusOutput;
import io.watchline.feed.FeedException;
import io.watchline.feed.RejectSink;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.ReadStats;
import io.watchline.fusion.stream.TimeMerge;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchline ingest}: raw feeds to canonical observations. */
@Command(
    name = "ingest",
    header = "Read raw feeds into canonical observations (NDJSON).",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads raw sensor feeds (ASTERIX, ONVIF, NMEA, GPX, CoT, CSV, NDJSON; format detected from",
      "the content) and writes canonical observations as NDJSON, merged by time over all inputs",
      "(each input is taken as roughly time-ordered; ties go to the input given first), so the",
      "output can be piped straight into 'watchline fuse -'. Every rejected record is counted by",
      "reason; with an output file (or --rejects) it is written with its reason and source offset",
      "to the rejects file. One summary line per input goes to stderr (read = accepted + rejected).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline ingest radar.pcap thermal.xml patrol.nmea --sites sites.yaml > obs.ndjson",
      "  watchline ingest --date 2026-11-27 radar.ff -o obs.ndjson     # rejects: obs.ndjson.rejects.ndjson",
      "  cat patrol.gpx | watchline ingest - --max-bad 0",
      "  watchline ingest radar.ast thermal.xml patrol.nmea --date 2026-11-27 | watchline fuse - ...",
      "  watchline ingest --order input a.nmea b.nmea > both.ndjson   # a's records, then b's",
      "  watchline ingest --listen udp://239.1.2.3:4000?iface=eth1 --listen udp://239.1.2.4:4000 --sites sites.yaml",
      "  watchline ingest --listen tcp://0.0.0.0:4001 --follow /var/log/cam.xml | watchline fuse --follow - ...",
      "",
      "Rejects go to --rejects FILE, by default to <out>.rejects.ndjson next to --output, and only",
      "when there are any. With observations on stdout and no --rejects, the first 10 rejects and",
      "the counts by reason go to stderr.",
      "Exit codes: 0 ok, 1 an input could not be read (the others are still processed unless",
      "--fail-fast) or an output could not be written (no partial file is left), 2 usage error",
      "(an output that is also an input, a missing or unreadable input, closed stdin), 3 more",
      "rejected records than --max-bad, or nothing usable read (outputs are still written)."
    })
public final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FEED", arity = "0..*", description = "Feed files; '-' reads stdin.")
  List<String> feeds;

  @Mixin OutputOptions outputs = new OutputOptions();

  @Option(names = "--status", paramLabel = "FILE",
      description = "Write the sensors' signs of life that are not observations (ASTERIX CAT034 north markers and"
          + " sector crossings, ONVIF frames without objects) as status NDJSON, for coverage --status.")
  String statusFile;

  @Option(names = "--max-bad", paramLabel = "N",
      description = "Exit 3 when more than N records in total were rejected (default: no limit).")
  Long maxBad;

  @Option(names = "--fail-fast",
      description = "Stop at the first input that cannot be read, exit 1 and write no output file"
          + " (default: report it, process the others, exit 1 at the end).")
  boolean failFast;

  /** Output order over several inputs. */
  enum Order { TIME, INPUT }

  @Option(names = "--order", paramLabel = "time|input", defaultValue = "time",
      description = "time (default): merge the inputs by time, always writing the earliest next record of any"
          + " input (memory: one record per input; an input's own out-of-order records are written where they"
          + " stand, never dropped). input: each input whole, one after the other in the order given.")
  Order order;

  @Option(names = "--one-thread",
      description = "With --order time, decode every input on the main thread (default: each input on its own"
          + " thread, handing over through a bounded queue; the output is the same byte for byte).")
  boolean oneThread;

  @Mixin FeedInputOptions input = new FeedInputOptions();

  @picocli.CommandLine.ArgGroup(exclusive = false, heading = "%nLive input (docs/live.md):%n")
  LiveInputOptions live = new LiveInputOptions();

  @Mixin Verbosity log;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (maxBad != null && maxBad < 0) {
      throw new UserException("--max-bad must be 0 or more");
    }
    if (live.active()) {
      return live.run(this, feeds, outputs.output, outputs.rejectsFile, maxBad, spec.commandLine().getErr(), log.quiet());
    }
    if (feeds == null || feeds.isEmpty()) {
      throw new UserException("give at least one FEED file (or '-'), or --listen / --follow");
    }
    FeedInputOptions.checkStdinOnce(feeds);
    String rj = RejectReport.fileFor(outputs.rejectsFile, outputs.output);
    if (rj != null && OutputTarget.isStdout(rj) && OutputTarget.isStdout(outputs.output)) {
      throw new UserException("observations and rejects cannot both go to stdout");
    }
    List<Object> inputs = new java.util.ArrayList<>(feeds);
    inputs.add(input.sites);
    SameFiles.check(inputs, SameFiles.outputs("-o", outputs.output, "--rejects", rj, "--status", statusFile));
    if (statusFile != null && OutputTarget.isStdout(statusFile) && OutputTarget.isStdout(outputs.output)) {
      throw new UserException("observations and status lines cannot both go to stdout");
    }
    if (feeds.contains("-")) {
      InputFiles.check("-");
    }
    var feedOptions = input.feedOptions();
    SiteRegistry sites = input.siteRegistry();
    PrintWriter err = spec.commandLine().getErr();
    Counts counts = new Counts();
    try (OutputTarget obsOut = OutputTarget.open(outputs.output); RejectReport rejects = RejectReport.open(rj, "ingest", err);
        StatusOutput status = StatusOutput.open(statusFile)) {
      NdjsonWriter obs = new NdjsonWriter(obsOut.stream());
      feedOptions = feedOptions.withStatus(status);
      boolean stopped;
      try {
        stopped = order == Order.INPUT
            ? !writeOneAfterAnother(obs, rejects, feedOptions, sites, err, counts)
            : !writeMergedByTime(obs, rejects, feedOptions, sites, err, counts);
      } catch (java.io.UncheckedIOException e) {
        // Rejects are written from inside the readers, through the RejectSink.
        if (e.getCause() instanceof OutputTarget.WriteFailedException w) {
          throw w; // the output failed, not an input: stop, leave no partial file
        }
        throw e;
      }
      if (stopped) {
        err.println("watchline: stopped at the first unreadable input (--fail-fast); no output file written");
        return ExitCode.FAILURE; // closing the outputs uncommitted discards them
      }
      obs.close();
      obsOut.commit();
      rejects.commit();
      rejects.printCounts();
      status.commit();
      if (status.count() > 0 && !log.quiet()) {
        err.println("watchline: " + status.count() + " status lines (signs of life without observations)"
            + (statusFile == null ? " not kept: --status FILE writes them for coverage" : " written to " + statusFile));
      }
    }
    long rejected = counts.rejected;
    if (maxBad != null && rejected > maxBad) {
      err.println("watchline: " + rejected + " records rejected, more than --max-bad " + maxBad
          + (rj == null ? "" : " (see " + rj + ")"));
      return ExitCode.TOO_MANY_BAD;
    }
    if (counts.unreadable > 0) {
      return ExitCode.FAILURE;
    }
    if (counts.accepted == 0) {
      err.println("watchline: nothing usable was read: " + (rejected == 0 ? "the input holds no records"
          : "all " + rejected + " records were rejected"));
      return ExitCode.NOTHING_USABLE;
    }
    return ExitCode.OK;
  }

  /** Totals over all inputs. */
  private static final class Counts {
    long accepted;
    long rejected;
    int unreadable;
  }

  /** The old order: each input whole, in the order given. False when --fail-fast stopped the run. */
  private boolean writeOneAfterAnother(NdjsonWriter obs, RejectSink rejects, io.watchline.feed.FeedOptions feedOptions,
      SiteRegistry sites, PrintWriter err, Counts counts) throws IOException {
    for (String feed : feeds) {
      try (FeedReader r = open(feed, feedOptions, sites, rejects)) {
        for (Observation o; (o = r.next()) != null; ) {
          obs.write(o);
        }
        summarize(r.stats(), err, counts);
      } catch (OutputTarget.WriteFailedException e) {
        throw e; // the output failed, not this input
      } catch (IOException e) {
        unreadable(feed, e, err, counts);
      }
      err.flush();
      if (counts.unreadable > 0 && failFast) {
        return false;
      }
    }
    return true;
  }

  /**
   * All inputs open at once, merged by time (k-way over one head record per input). An input that
   * fails part-way is reported and leaves the merge; what it gave until then is kept. Summaries
   * follow in the order the inputs were given. False when --fail-fast stopped the run.
   */
  private boolean writeMergedByTime(NdjsonWriter obs, RejectSink rejects, io.watchline.feed.FeedOptions feedOptions,
      SiteRegistry sites, PrintWriter err, Counts counts) throws IOException {
    List<GuardedInput> inputs = new java.util.ArrayList<>();
    try {
      for (String feed : feeds) {
        try {
          inputs.add(new GuardedInput(feed, oneThread ? open(feed, feedOptions, sites, rejects)
              : io.watchline.feed.PrefetchReader.start(feed, sink -> open(feed, feedOptions, sites, sink), rejects)));
        } catch (IOException e) {
          unreadable(feed, e, err, counts);
          err.flush();
          if (failFast) {
            return false;
          }
        }
      }
      TimeMerge merge = TimeMerge.heads(List.copyOf(inputs));
      for (Observation o; (o = merge.next()) != null; ) {
        obs.write(o);
        if (failFast && inputs.stream().anyMatch(i -> i.failure != null)) {
          break;
        }
      }
    } finally {
      closeAll(inputs);
    }
    for (GuardedInput i : inputs) {
      if (i.failure != null) {
        unreadable(i.feed, i.failure, err, counts);
      } else {
        summarize(i.stats(), err, counts);
      }
    }
    err.flush();
    return !(failFast && counts.unreadable > 0);
  }

  private static void closeAll(List<? extends FeedReader> readers) throws IOException {
    IOException first = null;
    for (FeedReader r : readers) {
      try {
        r.close();
      } catch (IOException e) {
        if (first == null) first = e;
      }
    }
    if (first != null) throw first;
  }

  private void summarize(ReadStats s, PrintWriter err, Counts counts) {
    counts.rejected += s.rejectedCount();
    counts.accepted += s.accepted();
    if (!log.quiet() || s.rejectedCount() > 0) { // rejects are a warning: -q keeps them
      err.println(s.summary());
    }
  }

  private static void unreadable(String feed, IOException e, PrintWriter err, Counts counts) {
    counts.unreadable++;
    if (e instanceof FeedException) {
      err.println("watchline: " + e.getMessage());
    } else {
      err.println("watchline: " + feed + ": cannot read: " + IoErrors.reason(e));
    }
  }

  /**
   * One input in the merge: a read failure ends this input only, and is kept to be reported,
   * while a failing output still stops the whole run.
   */
  private static final class GuardedInput implements FeedReader {
    final String feed;
    final FeedReader reader;
    IOException failure;

    GuardedInput(String feed, FeedReader reader) {
      this.feed = feed;
      this.reader = reader;
    }

    @Override
    public Observation next() throws IOException {
      if (failure != null) {
        return null;
      }
      try {
        return reader.next();
      } catch (OutputTarget.WriteFailedException e) {
        throw e;
      } catch (IOException e) {
        failure = e;
        return null;
      }
    }

    @Override
    public ReadStats stats() {
      return reader.stats();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  static FeedReader open(String feed, io.watchline.feed.FeedOptions o, SiteRegistry sites,
      io.watchline.feed.RejectSink rejects, io.watchline.feed.FeedFormat format) throws IOException {
    if ("-".equals(feed)) {
      return Feeds.open(InputFiles.stdin(), "-", format, o, sites, rejects);
    }
    String problem = InputFiles.problem(feed);
    if (problem != null) {
      throw new FeedException(problem);
    }
    return Feeds.open(Path.of(feed), format, o, sites, rejects);
  }

  private FeedReader open(String feed, io.watchline.feed.FeedOptions o, SiteRegistry sites,
      io.watchline.feed.RejectSink rejects) throws IOException {
    return open(feed, o, sites, rejects, input.format());
  }
}
