package io.watchline.cli;

import io.watchline.feed.FeedException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.observation.Observation;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code watchline validate}: reads feeds like ingest, reports on them, writes no observations. */
@Command(
    name = "validate",
    header = "Check raw feeds: format, counts, time span, bad records.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks raw sensor feeds without writing observations: per input the detected format, the",
      "record counts (read = accepted + rejected, with skip reasons), the time span of the good",
      "records, and the first bad records with reason, position and an excerpt.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline validate radar.pcap patrol/*.nmea",
      "  watchline validate --date 2026-11-27 --show 50 radar.ff",
      "",
      "Exit codes: 0 ok, 1 an input could not be read, 2 usage error,",
      "3 more rejected records than --max-bad (default: no limit)."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FEED", arity = "1..*", description = "Feed files; '-' reads stdin.")
  List<String> feeds;

  @Option(names = "--show", paramLabel = "N", defaultValue = "10",
      description = "Bad records to list per input (default: ${DEFAULT-VALUE}).")
  int show;

  @Option(names = "--max-bad", paramLabel = "N",
      description = "Exit 3 when more than N records in total were rejected.")
  Long maxBad;

  @Mixin FeedInputOptions input = new FeedInputOptions();

  /** The report is this command's data (stdout); -q/-v only concern stderr. */
  @Mixin Verbosity log;

  @Spec CommandSpec spec;

  /** Keeps the first few rejects for the report. */
  private static final class FirstRejects implements RejectSink {
    final int limit;
    final List<Reject> kept = new ArrayList<>();

    FirstRejects(int limit) {
      this.limit = limit;
    }

    @Override
    public void reject(Reject r) {
      if (kept.size() < limit) {
        kept.add(r);
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    if (show < 0) {
      throw new UserException("--show must be 0 or more");
    }
    FeedInputOptions.checkStdinOnce(feeds);
    var feedOptions = input.feedOptions();
    SiteRegistry sites = input.siteRegistry();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long rejected = 0;
    int unreadable = 0;
    for (String feed : feeds) {
      FirstRejects firsts = new FirstRejects(show);
      try (FeedReader r = IngestCommand.open(feed, feedOptions, sites, firsts, input.format())) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Observation o; (o = r.next()) != null; ) {
          long t = o.t().toEpochMilli();
          min = Math.min(min, t);
          max = Math.max(max, t);
        }
        ReadStats s = r.stats();
        rejected += s.rejectedCount();
        out.println(s.summary());
        if (min <= max) {
          out.println("  time span " + io.watchline.ndjson.IsoTime.format(min) + " .. "
              + io.watchline.ndjson.IsoTime.format(max));
        } else {
          out.println("  no observations");
        }
        if (!firsts.kept.isEmpty()) {
          out.println("  first bad records" + (s.rejectedCount() > firsts.kept.size()
              ? " (" + firsts.kept.size() + " of " + s.rejectedCount() + ")" : "") + ":");
          for (Reject rj : firsts.kept) {
            out.println("    " + rj.src() + ": " + rj.reason()
                + (rj.excerpt() == null ? "" : " | " + oneLine(rj.excerpt())));
          }
        }
      } catch (FeedException | NoSuchFileException e) {
        unreadable++;
        err.println("watchline: " + (e instanceof NoSuchFileException ? "no such file: " + feed : e.getMessage()));
      } catch (IOException e) {
        unreadable++;
        err.println("watchline: " + feed + ": cannot read: " + e.getMessage());
      }
      out.flush();
      err.flush();
    }
    if (maxBad != null && rejected > maxBad) {
      return ExitCode.TOO_MANY_BAD;
    }
    return unreadable > 0 ? ExitCode.FAILURE : ExitCode.OK;
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ');
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }
}
