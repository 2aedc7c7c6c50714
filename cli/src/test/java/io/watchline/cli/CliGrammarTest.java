package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The one option grammar of docs/cli.md, its converters, and the old spellings kept for a release. */
class CliGrammarTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    java.io.PrintStream old = System.out;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      int code = cl.execute(args);
      return new Run(code, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  Path night() throws Exception {
    FuseCommandTest f = new FuseCommandTest();
    f.dir = dir;
    return f.night(true);
  }

  String[] fuse(String... more) {
    String[] base = {"fuse", "-q", dir.resolve("radar.ndjson").toString(), dir.resolve("patrol.ndjson").toString(),
        "--border", dir.resolve("border.geojson").toString(), "--sites", dir.resolve("sites.yaml").toString()};
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void anOldSpellingWorksAsTheNewOneWithADeprecationNote() throws Exception {
    night();
    Run now = run(fuse("-f", "geojson", "-o", dir.resolve("new.geojson").toString()));
    Run old = run(fuse("--to", "geojson", "--output", dir.resolve("old.geojson").toString()));
    assertThat(now.code()).as(now.err()).isZero();
    assertThat(old.code()).as(old.err()).isZero();
    assertThat(Files.readString(dir.resolve("old.geojson"))).isEqualTo(Files.readString(dir.resolve("new.geojson")))
        .contains("FeatureCollection");
    assertThat(now.err()).doesNotContain("deprecated");
    assertThat(old.err()).contains("watchline fuse: --to is deprecated and will be removed in the next release; use --format");
  }

  @Test
  void oldSpellingsKeepTheirAttachedValueFormAndRequiredOptions() throws Exception {
    Path obs = dir.resolve("obs.ndjson");
    Files.writeString(obs, FuseCommandTest.line(1_795_000_000_000L, "patrol", "GPS-1", 42.0, 19.1, "P-1") + "\n");
    Run old = run("ingest", "-q", "--format=ndjson", "--out=" + dir.resolve("a.ndjson"), obs.toString());
    Run now = run("ingest", "-q", "--input-format", "ndjson", "--output", dir.resolve("b.ndjson").toString(), obs.toString());
    assertThat(old.code()).as(old.err()).isZero();
    assertThat(now.code()).as(now.err()).isZero();
    assertThat(dir.resolve("a.ndjson")).hasSameTextualContentAs(dir.resolve("b.ndjson"));
    assertThat(old.err()).contains("--format is deprecated", "use --input-format", "--out is deprecated", "use --output");
    // a required folder option given by its old name satisfies the requirement (no 'missing option')
    Run sim = run("simulate", "-q", "--seed", "5", "--nights", "1", "--crossings", "1", "--vehicles", "0",
        "--approaches", "0", "--loiterers", "0", "--animals", "0", "--from", "23:00", "--to", "23:10",
        "-o", dir.resolve("night").toString());
    assertThat(sim.code()).as(sim.err()).isZero();
    assertThat(sim.err()).contains("simulate: -o is deprecated", "use --output-dir");
    assertThat(dir.resolve("night/truth.ndjson")).exists();
  }

  @Test
  void oldSpellingsAreHiddenFromHelpAndEveryAliasStandsForAnOption() {
    CommandLine root = Main.commandLine();
    for (DeprecatedOptions.Alias a : DeprecatedOptions.ALIASES) {
      CommandLine cmd = root.getSubcommands().get(a.command());
      OptionSpec alias = cmd.getCommandSpec().findOption(a.old());
      assertThat(alias.hidden()).as(a.toString()).isTrue();
      assertThat(cmd.getCommandSpec().findOption(a.current()).hidden()).as(a.toString()).isFalse();
      String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertThat(help).as(a.toString()).contains(a.current()).doesNotContainPattern("(^|[ ,])" + a.old() + "[ =,]");
    }
  }

  @Test
  void everyFileOutputIsDashOOutputAndEveryFolderIsOutputDir() {
    CommandLine root = Main.commandLine();
    for (CommandLine cmd : root.getSubcommands().values()) {
      for (OptionSpec o : cmd.getCommandSpec().options()) {
        if (o.hidden()) {
          continue;
        }
        if ("DIR".equals(o.paramLabel()) && o.longestName().contains("out")) {
          assertThat(o.names()).as(cmd.getCommandName()).containsExactly("--output-dir");
        }
        if (o.names().length > 0 && java.util.Arrays.asList(o.names()).contains("-o")) {
          assertThat(o.names()).as(cmd.getCommandName()).containsExactly("-o", "--output");
        }
      }
    }
  }

  @Test
  void reorderWindowTakesADurationAndStillAMillisecondCount() throws Exception {
    night();
    ObjectMapper json = new ObjectMapper();
    for (String given : new String[] {"2s", "2000", "PT2S"}) {
      Path out = dir.resolve("i-" + given + ".ndjson");
      Run r = run(fuse("--reorder-window", given, "-o", out.toString(), "--manifest", dir.resolve("m-" + given + ".json").toString()));
      assertThat(r.code()).as(r.err()).isZero();
      String manifest = Files.readString(dir.resolve("m-" + given + ".json"));
      assertThat(json.readTree(manifest).findValue("fusion.reorder_window_ms").asLong()).as(given).isEqualTo(2000);
    }
    Run bad = run(fuse("--reorder-window", "2 weeks"));
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("'2 weeks' is not a duration (examples: 2s, 500ms, 90min, 4h, 1d, PT5M)");
  }

  @Test
  void durationsInEveryForm() {
    assertThat(TimeSpan.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TimeSpan.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(TimeSpan.parse("90min")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeSpan.parse("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeSpan.parse(" 1.5 h ")).isEqualTo(Duration.ofMinutes(90));
    assertThat(TimeSpan.parse("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(TimeSpan.parse("P7D")).isEqualTo(Duration.ofDays(7));
    assertThat(TimeSpan.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(TimeSpan.parse("30000")).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> TimeSpan.parse("-PT5M")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> TimeSpan.parse("PT")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> TimeSpan.parse("4 hours")).hasMessageContaining("is not a duration");
    assertThat(CoverageCommand.parseDuration("4h")).isEqualTo(4 * 3_600_000L);
    assertThatThrownBy(() -> CoverageCommand.parseDuration("4")).hasMessageContaining("not a duration: '4'");
  }

  @Test
  void windowsAreStartSlashEndInUtc() {
    TimeWindow night = TimeWindow.parse("2026-11-20T18:00Z/2026-11-21T06:00:30Z");
    assertThat(night.startMs()).isEqualTo(java.time.Instant.parse("2026-11-20T18:00:00Z").toEpochMilli());
    assertThat(night.endMs() - night.startMs()).isEqualTo(12 * 3_600_000L + 30_000L);
    assertThat(night).hasToString("2026-11-20T18:00:00Z/2026-11-21T06:00:30Z");
    TimeWindow week = TimeWindow.parse("2026-11-20/2026-11-27");
    assertThat(week.endMs() - week.startMs()).isEqualTo(7 * 86_400_000L);
    assertThatThrownBy(() -> TimeWindow.parse("2026-11-21/2026-11-20")).hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> TimeWindow.parse("2026-11-20")).hasMessageContaining("must be START/END");
    Run bad = run("coverage", "--sites", "s.yaml", "--border", "b.geojson", "--window", "yesterday/today",
        "--output-dir", dir.resolve("gaps").toString());
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("Invalid value for option '--window': not a UTC time: 'yesterday'");
  }

  @CommandLine.Command(name = "boom")
  static final class Boom implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Option(names = "--user") boolean user;

    @Override
    public Integer call() {
      if (user) {
        throw new io.watchline.geo.InvalidValueException("cell 1 m is below 5 m");
      }
      throw new IllegalArgumentException("index -1 out of bounds");
    }
  }

  @Test
  void anIllegalArgumentFromABugIsAnInternalErrorAndABadValueAUsageError() {
    for (boolean user : new boolean[] {false, true}) {
      CommandLine cl = Main.commandLine().addSubcommand("boom", new Boom());
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err, true));
      int code = user ? cl.execute("boom", "--user") : cl.execute("boom");
      if (user) {
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("watchline: cell 1 m is below 5 m" + System.lineSeparator());
      } else {
        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("watchline: internal error: java.lang.IllegalArgumentException: index -1 out of bounds")
            .contains("--debug");
      }
    }
  }

  @Test
  void theBorderOptionsAreOneMixinRequiredWhereTheCommandNeedsABorder() throws Exception {
    night();
    Run missing = run("fuse", dir.resolve("radar.ndjson").toString(), "--sites", dir.resolve("sites.yaml").toString());
    assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("Missing required option: '--border=FILE'", "Try 'watchline fuse --help'");
    Run sectors = run("sectors", "--every", "5km");
    assertThat(sectors.code()).isEqualTo(ExitCode.USAGE);
    assertThat(sectors.err()).contains("Missing required option: '--border=FILE'");
    // the same four options, spelt the same, in every command that takes a border
    for (String cmd : new String[] {"fuse", "evaluate", "coverage", "sectors"}) {
      CommandLine.Model.CommandSpec spec = Main.commandLine().getSubcommands().get(cmd).getCommandSpec();
      for (String name : new String[] {"--border", "--borders", "--sectors", "--every", "--sector-every", "--band"}) {
        assertThat(spec.findOption(name)).as(cmd + " " + name).isNotNull();
      }
    }
    // cut with --every 5km: the sector ids in the output follow the shorter length
    Path out = dir.resolve("sectors.geojson");
    Run cut = run("sectors", "-q", "--border", dir.resolve("border.geojson").toString(), "--sector-every", "5km",
        "-o", out.toString());
    assertThat(cut.code()).as(cut.err()).isZero();
    assertThat(new ObjectMapper().readTree(out.toFile()).get("features").size()).isEqualTo(4);
  }

  @Test
  void everyCommandWritingOneFileFromRecordsItMayRejectTakesTheOutputOptionsMixin() {
    CommandLine root = Main.commandLine();
    String rejects = root.getSubcommands().get("export").getCommandSpec().findOption("--rejects").description()[0];
    for (String cmd : new String[] {"ingest", "fuse", "export", "merge", "share"}) {
      CommandLine.Model.CommandSpec spec = root.getSubcommands().get(cmd).getCommandSpec();
      assertThat(spec.mixins().values()).as(cmd).anyMatch(m -> m.userObject() instanceof OutputOptions);
      assertThat(spec.findOption("-o").names()).as(cmd).containsExactly("-o", "--output");
      assertThat(spec.findOption("--rejects").description()[0]).as(cmd).isEqualTo(rejects);
    }
  }

  /** The command object of {@code args[0]} after parsing (not running) the command line; notes go to {@code err}. */
  static Object parsed(StringWriter err, String... args) {
    CommandLine root = Main.commandLine();
    root.setErr(new PrintWriter(err, true));
    root.parseArgs(args);
    return root.getSubcommands().get(args[0]).getCommand();
  }

  @Test
  void liveDurationsAreTimeSpansLikeEveryOtherDuration() {
    StringWriter err = new StringWriter();
    for (String given : new String[] {"5s", "5000ms", "PT5S", "5000"}) {
      FuseCommand fuse = (FuseCommand) parsed(err, "fuse", "--border", "b.geojson", "--sites", "s.yaml", "--follow",
          "--max-delay", given, "-");
      assertThat(fuse.maxDelayMs).as(given).isEqualTo(5000);
      IngestCommand ingest = (IngestCommand) parsed(err, "ingest", "--listen", "udp://127.0.0.1:4000", "--stop-after-idle", given);
      assertThat(ingest.live.idleMs).as(given).isEqualTo(5000);
    }
    assertThat(((FuseCommand) parsed(err, "fuse", "--border", "b", "--sites", "s", "-")).maxDelayMs).isEqualTo(5000);
    assertThatThrownBy(() -> parsed(err, "fuse", "--border", "b", "--sites", "s", "--max-delay", "5 weeks", "-"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("'5 weeks' is not a duration (examples: 2s, 500ms, 90min, 4h, 1d, PT5M)");
  }

  @Test
  void toIsOnlyTheEndOfARangeAndReplaySendsLikeExport() {
    CommandLine root = Main.commandLine();
    for (CommandLine cmd : root.getSubcommands().values()) {
      OptionSpec to = cmd.getCommandSpec().findOption("--to");
      if (to != null && !to.hidden()) {
        assertThat(cmd.getCommandSpec().findOption("--from")).as(cmd.getCommandName()).isNotNull();
      }
    }
    assertThat(root.getSubcommands().get("replay").getCommandSpec().findOption("--send").paramLabel())
        .isEqualTo(root.getSubcommands().get("export").getCommandSpec().findOption("--send").paramLabel());
    StringWriter err = new StringWriter();
    ReplayCommand replay = (ReplayCommand) parsed(err, "replay", "--to", "udp://127.0.0.1:4000", "--to=tcp://127.0.0.1:4001",
        "radar.ast");
    assertThat(replay.destinations).containsExactly("udp://127.0.0.1:4000", "tcp://127.0.0.1:4001");
    assertThat(err.toString()).contains("watchline replay: --to is deprecated", "use --send");
  }
}
