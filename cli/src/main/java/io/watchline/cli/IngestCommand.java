package io.watchline.cli;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.Feeds;
import io.watchline.feed.ReadStats;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads raw sensor feeds (ASTERIX, ONVIF, NMEA, GPX, CoT, CSV, NDJSON; format detected from",
      "the content) and writes canonical observations as NDJSON, one input after the other in the",
      "order given. Every rejected record goes with its reason and source offset to the rejects",
      "file; one summary line per input goes to stderr (read = accepted + rejected).",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline ingest radar.pcap thermal.xml patrol.nmea --sites sites.yaml > obs.ndjson",
      "  watchline ingest --date 2026-11-27 radar.ff --out obs.ndjson   # rejects: obs.ndjson.rejects.ndjson",
      "  cat patrol.gpx | watchline ingest - --max-bad 0",
      "",
      "Rejects go to --rejects FILE; by default <out>.rejects.ndjson next to --out, or",
      "./watchline-rejects.ndjson when observations go to stdout.",
      "Exit codes: 0 ok, 1 an input could not be read (the others are still processed unless",
      "--fail-fast) or an output could not be written (no partial file is left), 2 usage error,",
      "3 more rejected records than --max-bad (outputs are still written)."
    })
public final class IngestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FEED", arity = "1..*", description = "Feed files; '-' reads stdin.")
  List<String> feeds;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "-",
      description = "Observations NDJSON (default: stdout).")
  String out;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Rejected records NDJSON (default: <out>.rejects.ndjson, or ./watchline-rejects.ndjson with stdout).")
  String rejectsFile;

  @Option(names = "--max-bad", paramLabel = "N",
      description = "Exit 3 when more than N records in total were rejected (default: no limit).")
  Long maxBad;

  @Option(names = "--fail-fast",
      description = "Stop at the first input that cannot be read, exit 1 and write no output file"
          + " (default: report it, process the others, exit 1 at the end).")
  boolean failFast;

  @Mixin FeedInputOptions input = new FeedInputOptions();

  @Mixin Verbosity log;

  @Spec CommandSpec spec;

  static String defaultRejects(String out) {
    return "-".equals(out) ? "watchline-rejects.ndjson" : out + ".rejects.ndjson";
  }

  @Override
  public Integer call() throws IOException {
    if (maxBad != null && maxBad < 0) {
      throw new UserException("--max-bad must be 0 or more");
    }
    String rj = rejectsFile != null ? rejectsFile : defaultRejects(out);
    if ("-".equals(rj) && "-".equals(out)) {
      throw new UserException("observations and rejects cannot both go to stdout");
    }
    var feedOptions = input.feedOptions();
    SiteRegistry sites = input.siteRegistry();
    PrintWriter err = spec.commandLine().getErr();
    long rejected = 0;
    int unreadable = 0;
    try (AtomicOutput obsOut = AtomicOutput.open(out); AtomicOutput rejOut = AtomicOutput.open(rj)) {
      NdjsonWriter obs = new NdjsonWriter(obsOut.stream());
      NdjsonWriter rejects = new NdjsonWriter(rejOut.stream());
      for (String feed : feeds) {
        try (FeedReader r = open(feed, feedOptions, sites, rejects)) {
          for (Observation o; (o = r.next()) != null; ) {
            obs.write(o);
          }
          ReadStats s = r.stats();
          rejected += s.rejectedCount();
          if (!log.quiet() || s.rejectedCount() > 0) { // rejects are a warning: -q keeps them
            err.println(s.summary());
          }
        } catch (AtomicOutput.WriteFailedException e) {
          throw e; // the output failed, not this input: stop, leave no partial file
        } catch (java.io.UncheckedIOException e) {
          // Rejects are written from inside the reader, through the RejectSink.
          if (e.getCause() instanceof AtomicOutput.WriteFailedException w) {
            throw w;
          }
          throw e;
        } catch (FeedException | NoSuchFileException e) {
          unreadable++;
          err.println("watchline: " + (e instanceof NoSuchFileException ? "no such file: " + feed : e.getMessage()));
        } catch (IOException e) {
          unreadable++;
          err.println("watchline: " + feed + ": cannot read: " + e.getMessage());
        }
        err.flush();
        if (unreadable > 0 && failFast) {
          err.println("watchline: stopped at the first unreadable input (--fail-fast); no output file written");
          return ExitCode.FAILURE; // closing the outputs uncommitted discards them
        }
      }
      obs.close();
      rejects.close();
      obsOut.commit();
      rejOut.commit();
    }
    if (maxBad != null && rejected > maxBad) {
      err.println("watchline: " + rejected + " records rejected, more than --max-bad " + maxBad + " (see " + rj + ")");
      return ExitCode.TOO_MANY_BAD;
    }
    return unreadable > 0 ? ExitCode.FAILURE : ExitCode.OK;
  }

  static FeedReader open(String feed, io.watchline.feed.FeedOptions o, SiteRegistry sites,
      io.watchline.feed.RejectSink rejects, io.watchline.feed.FeedFormat format) throws IOException {
    if ("-".equals(feed)) {
      InputStream stdin = new java.io.FilterInputStream(System.in) {
        @Override
        public void close() {
          // stdin stays open for the process
        }
      };
      return Feeds.open(stdin, "-", format, o, sites, rejects);
    }
    Path p = Path.of(feed);
    if (Files.isDirectory(p)) {
      throw new FeedException(feed + ": is a directory");
    }
    return Feeds.open(p, format, o, sites, rejects);
  }

  private FeedReader open(String feed, io.watchline.feed.FeedOptions o, SiteRegistry sites,
      io.watchline.feed.RejectSink rejects) throws IOException {
    return open(feed, o, sites, rejects, input.format());
  }
}
