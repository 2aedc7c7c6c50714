package io.watchline.cli;

import io.watchline.analytics.archive.NightArchive;
import io.watchline.analytics.plan.PlanWriter;
import io.watchline.analytics.plan.Planner;
import io.watchline.analytics.plan.RiskModel;
import io.watchline.analytics.plan.Roster;
import io.watchline.cli.io.StagedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchline plan}: where tonight's teams should go. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Assign tonight's patrol teams to sectors to catch the most of what sensors will not see.",
    description = {
      "Risk per sector and hour = crossings per night in that hour over the recent weeks of the archive,",
      "times the share of the sector's border the sensors did not watch. Each team goes to one sector for",
      "its shift, arriving after travelling from its base along the border (foot 4 km/h, vehicle 40 km/h).",
      "Method: exact search over every assignment when there are at most 1,000,000, else greedy, which",
      "reaches at least half the optimum (the plan states the bound). Writes plan.html (printable table",
      "and map), plan.svg, plan.csv, sectors.csv (undermanned sectors first) and plan.txt. See docs/trends.md.",
      ""
    },
    footer = {"", "Roster (CSV, UTC clock times, base = a sector id):",
      "  team,start,end,base,mobility", "  A1,19:00,03:00,S-04,vehicle", "  F2,22:00,06:00,S-07,foot",
      "", "Examples:", "  watchline plan --roster roster.csv --archive nightly/archive.duckdb --night 2026-12-03 --output-dir plan/"})
public final class PlanCommand implements Callable<Integer> {
  @Option(names = "--roster", required = true, paramLabel = "CSV", description = "Tonight's teams.")
  Path roster;

  @Option(names = "--archive", required = true, paramLabel = "DB", description = "The night archive.")
  Path archive;

  @Option(names = "--night", required = true, paramLabel = "YYYY-MM-DD", converter = SimulateCommand.DateConverter.class,
      description = "The night to plan (named, as nightly names it, by the date it ends).")
  LocalDate night;

  @Option(names = "--weeks", paramLabel = "N", defaultValue = "8", description = "Weeks of history the risk is taken from (default: ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--method", paramLabel = "auto|greedy|exact", defaultValue = "auto",
      description = "auto (default): exact when it has at most 1,000,000 assignments to try, else greedy.")
  String method;

  @Option(names = "--output-dir", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Mixin Verbosity log;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(roster)) throw new UserException("--roster " + roster + ": no such file");
    if (!Files.isRegularFile(archive)) throw new UserException("--archive " + archive + ": no such file (build it with 'watchline archive add')");
    if (weeks < 1) throw new UserException("--weeks must be at least 1");
    if (!Set.of("auto", "greedy", "exact").contains(method)) throw new UserException("--method must be auto, greedy or exact");
    Set<String> files = Set.copyOf(PlanWriter.FILES);
    StagedFolder.check(out, files);
    Planner p;
    try (NightArchive db = NightArchive.openExisting(archive)) {
      p = new Planner(RiskModel.load(db, night, weeks, Roster.read(roster)));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    double combos = Math.pow(p.instance().sectors().size() + 1, p.instance().teams().size());
    boolean exact = method.equals("exact") || (method.equals("auto") && combos <= 1e6);
    if (exact && combos > 5e6) throw new UserException("--method exact: " + (long) combos + " assignments are too many; use greedy");
    Planner.Plan plan = exact ? p.exact() : p.greedy();
    try (StagedFolder staged = StagedFolder.create(out, files)) {
      PlanWriter.write(p, plan, night, staged.dir());
      staged.publish();
    }
    log.info(Files.readString(out.resolve("plan.txt")).trim() + "\n-> " + out.resolve("plan.html"));
    return ExitCode.OK;
  }
}
