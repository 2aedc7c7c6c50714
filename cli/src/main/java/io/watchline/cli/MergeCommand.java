package io.watchline.cli;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.RejectReport;
import io.watchline.cli.io.SameFiles;
import java.io.PrintWriter;

import io.watchline.merge.IncidentMerger;
import io.watchline.merge.JointIncident;
import io.watchline.merge.SharedIncident;
import io.watchline.merge.SharedIncidentReader;
import io.watchline.ndjson.NdjsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchline merge}: our incident list and our neighbours', as one. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Merge our incident list with neighbours' into one joint list.",
    description = {
      "Reads incident lists of several countries (fuse output, or 'share' output at the internal or",
      "neighbour level) and writes one list. Reports of different countries of the same kind and",
      "direction within --max-distance and --max-time are one event: a joint incident with the better",
      "position (exact before coarse, a crossing seen before one inferred, then more hits, higher",
      "score), the 'origins' of every report and factor origins=ALB,MNE. Reports there that disagree",
      "on kind or direction are kept apart and flagged in 'conflicts'. A direction such as ALB→MNE is",
      "the same for the side it leaves and the side it enters.",
      "The output depends only on the reports, not on the order of the files (merge A B = merge B A).",
      "Each list's originator is its records' marking; unmarked lists are named after their file.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline merge MNE/incidents.ndjson from-alb.ndjson -o joint.ndjson",
      "  watchline merge ours.ndjson theirs-*.ndjson --max-distance 300m | watchline export - -f geojson > joint.geojson"
    })
public final class MergeCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "LIST", description = "Incident NDJSON lists: ours, then theirs (any order).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--max-distance", paramLabel = "DIST", defaultValue = "500m", converter = Distance.class,
      description = "Farthest apart two reports of one event may be (default ${DEFAULT-VALUE}).")
  double maxDistanceM;

  @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "PT5M", converter = TimeSpan.class,
      description = "Farthest apart in event time, e.g. 5min or PT5M (default ${DEFAULT-VALUE}).")
  Duration maxTime;

  @Mixin OutputOptions outputs = new OutputOptions();

  @Mixin Verbosity log;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!(maxDistanceM > 0) || maxTime.isNegative() || maxTime.isZero()) {
      throw new UserException("--max-distance and --max-time must be more than zero");
    }
    String rejectsPath = outputs.rejectsPath();
    PrintWriter err = spec.commandLine().getErr();
    SameFiles.check(new ArrayList<Object>(inputs), SameFiles.outputs("-o", outputs.output, "--rejects", rejectsPath));
    Set<Path> seen = new HashSet<>();
    for (Path p : inputs) {
      String problem = InputFiles.problem(p.toString());
      if (problem != null) {
        throw new UserException(problem);
      }
      if (!seen.add(p.toAbsolutePath().normalize())) {
        throw new UserException(p + " is given twice: its incidents would be counted twice");
      }
    }
    List<SharedIncident> reports = new ArrayList<>();
    long rejected = 0;
    try (RejectReport rejects = RejectReport.open(rejectsPath, "merge", err)) {
      for (Path p : inputs) {
        String name = p.getFileName().toString();
        String fallback = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        try (InputStream in = Files.newInputStream(p);
            SharedIncidentReader r = new SharedIncidentReader(in, p.toString(), fallback, rejects)) {
          SharedIncident s;
          while ((s = r.next()) != null) {
            reports.add(s);
          }
          log.detail("merge: " + r.stats().summary());
          rejected += r.stats().rejectedCount();
        }
      }
      rejects.commit();
      rejects.printCounts();
    }
    if (reports.isEmpty()) {
      err.println("watchline: nothing usable was read: no incident could be read from " + inputs);
      err.flush();
      return ExitCode.NOTHING_USABLE;
    }
    List<JointIncident> joint = IncidentMerger.merge(reports, new IncidentMerger.Gates(maxDistanceM, maxTime.toMillis()));
    long joined = joint.stream().filter(j -> j.origins().size() > 1).count();
    long conflicts = joint.stream().filter(j -> !j.conflicts().isEmpty()).count();
    try (OutputTarget out = OutputTarget.open(outputs.output)) {
      NdjsonWriter w = new NdjsonWriter(out.stream());
      for (JointIncident j : joint) {
        w.write(j.incident(), j::writeExtra);
      }
      w.flush();
      out.commit();
    }
    log.info("merge: " + reports.size() + " reports (" + rejected + " lines rejected) -> " + joint.size()
        + " incidents, " + joined + " seen by more than one country, " + conflicts + " with conflicts");
    return ExitCode.OK;
  }
}
