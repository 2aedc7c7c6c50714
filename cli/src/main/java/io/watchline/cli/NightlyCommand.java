package io.watchline.cli;

import io.watchline.cli.evidence.Manifests;
import io.watchline.cli.nightly.FeedQuality;
import io.watchline.cli.nightly.NightlyConfig;
import io.watchline.cli.nightly.NightlyPipeline;
import io.watchline.cli.nightly.NightlyRun;
import io.watchline.cli.nightly.NightlyStep;
import io.watchline.cli.nightly.Window;
import io.watchline.evidence.RunManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchline nightly}: the cron job: one dated report folder per night, atomically. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Build the nightly incident report folder for a window.",
    description = {
      "Reads every feed of the config for the window (default: yesterday 18:00 to today 08:00 in",
      "the config's timezone), finds the incident candidates and writes <output_root>/<date>/ with",
      "incidents.ndjson/.geojson/.csv, gaps.geojson, sectors.csv, map.png, report.html, report.md",
      "and rejects.ndjson. The folder is built under a temporary name and renamed when complete;",
      "rerunning the same window gives byte-identical files. Only one run per output root at a time.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline nightly --config /etc/watchline/nightly.yaml                 # last night",
      "  watchline nightly --config nightly.yaml --date 2026-11-28              # the night before 28 Nov",
      "  watchline nightly --config nightly.yaml --window 2026-11-27T20:00/2026-11-28T02:00",
      "  crontab: 15 8 * * *  watchline nightly -q --config /etc/watchline/nightly.yaml",
      "",
      "Exit codes: 0 ok, 1 a step failed (nothing published), a feed gave nothing readable, or a",
      "silent sensor / empty feed with fail_on_silent_sensor / fail_on_empty_feed set (the folder",
      "is published in these three cases), 2 config error,",
      "3 more rejected records than max_bad, 4 another run holds the output root's lock.",
      "The config format is in docs/cli.md."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The nightly.yaml.")
  Path config;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Report the night before this date (default: today in the config's timezone).")
  String date;

  @Option(names = "--window", paramLabel = "START/END",
      description = "Explicit window, ISO-8601 local times (config timezone) or instants with an offset; overrides --date.")
  String window;

  @Mixin Verbosity log;

  @Option(names = "--sign", paramLabel = "KEY",
      description = "Sign the night's manifest.json with this Ed25519 key (PKCS#8 PEM, see 'watchline evidence keygen').")
  Path signKey;

  /** Tests replace the pipeline's steps (to inject a failure or a slow step). */
  List<NightlyStep> steps = NightlyPipeline.standard();

  @Override
  public Integer call() throws IOException {
    NightlyConfig c;
    Window w;
    try {
      c = NightlyConfig.load(config);
      w = window(c);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    log.info("nightly " + w.date() + ": window " + w.local() + " -> " + c.outputRoot().resolve(w.date().toString()));
    NightlyRun run;
    try {
      java.security.PrivateKey key = Manifests.signingKey(signKey);
      RunManifest.Builder manifest = Manifests.start(spec).inputFile("config", config);
      run = NightlyPipeline.run(c, w, steps, log::detail, manifest, key);
    } catch (NightlyPipeline.LockedException e) {
      throw new UserException(e.getMessage(), ExitCode.LOCKED);
    } catch (NightlyConfig.ConfigException e) {
      throw new UserException(e.getMessage());
    } catch (NightlyPipeline.StepFailedException e) {
      throw new UserException(e.getMessage() + " (run again with --debug for details)", ExitCode.FAILURE);
    }
    for (FeedQuality q : run.feeds()) {
      if (q.unusable()) log.warn(q.unusableReason());
      else if (q.empty()) log.warn("feed " + q.name() + " has no records in the window");
    }
    if (!run.silentSensors().isEmpty()) log.warn("silent sensors: " + String.join(", ", run.silentSensors()));
    run.notes().forEach(n -> log.detail(n));
    log.detail(io.watchline.cli.nightly.ArchiveNight.append(c.outputRoot(), run.dir(), log::warn));
    log.info("nightly " + w.date() + ": " + run.incidents().size() + " incident candidates, "
        + run.rejectedTotal() + " rejected records; report " + run.dir().resolve("report.html"));
    if (c.maxBad() >= 0 && run.rejectedTotal() > c.maxBad()) {
      log.warn(run.rejectedTotal() + " rejected records exceed max_bad " + c.maxBad() + "; see " + run.dir().resolve("rejects.ndjson"));
      return ExitCode.TOO_MANY_BAD;
    }
    if (run.feeds().stream().anyMatch(FeedQuality::unusable)) {
      log.warn("failing because a feed gave nothing readable (the report is published)");
      return ExitCode.FAILURE;
    }
    if (c.failOnSilentSensor() && !run.silentSensors().isEmpty()) {
      log.warn("failing because fail_on_silent_sensor is set");
      return ExitCode.FAILURE;
    }
    if (c.failOnEmptyFeed() && run.feeds().stream().anyMatch(FeedQuality::empty)) {
      log.warn("failing because fail_on_empty_feed is set");
      return ExitCode.FAILURE;
    }
    return ExitCode.OK;
  }

  private Window window(NightlyConfig c) {
    if (window != null) {
      return Window.parse(window, c.timezone());
    }
    LocalDate d;
    try {
      d = date == null ? LocalDate.now(c.timezone()) : LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--date must be YYYY-MM-DD, not '" + date + "'");
    }
    return Window.night(d, c.windowStart(), c.windowEnd(), c.timezone());
  }
}
