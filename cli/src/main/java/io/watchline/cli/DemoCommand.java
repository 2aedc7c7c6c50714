package io.watchline.cli;

import io.watchline.fixtures.FixtureData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code watchline demo}: the whole pipeline, as far as it exists, on the bundled demo data.
 *
 * <p>To add a stage, append one {@link Step} to {@link #STEPS}; it usually runs a command the way a
 * user would, on files earlier steps wrote, for example:
 *
 * <pre>{@code
 * new Step("fuse", "incident candidates from the night's feeds", ctx -> ctx.watchline(
 *     "fuse", "--border", ctx.input("mne-alb.geojson"), "--sites", ctx.input("sites.yaml"),
 *     "--out", ctx.out("incidents.ndjson"), ctx.night("radar.ndjson"), ctx.night("thermal.ndjson"),
 *     ctx.night("patrol.ndjson")))
 * }</pre>
 *
 * Steps write only below the demo folder, never to stdout; keep each one to a few seconds.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the pipeline on the bundled demo data and writes the outputs under ./out/demo/.",
      "",
      "The demo data: the real Montenegro-Albania border, 4 radars, 12 thermal cameras, 4 patrol units",
      "and a simulated night. Prints where the outputs are. Works from any directory; takes seconds.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline demo",
      "  watchline demo --out /tmp/demo"
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "out/demo",
      description = "Output folder (default: ${DEFAULT-VALUE}, relative to the current directory).")
  Path out;

  /** One stage of the demo. */
  record Step(String name, String what, Action action) {}

  @FunctionalInterface
  interface Action {
    void run(Context ctx) throws Exception;
  }

  /** The pipeline, in order. Add later stages at the end (see the class comment). */
  static final List<Step> STEPS = List.of(
      new Step("inputs", "demo border, sensor sites and patrol plan", Context::copyInputs),
      new Step("night", "simulated night: radar, thermal and patrol feeds with ground truth", ctx -> ctx.watchline(
          "simulate", "--demo", "--out", ctx.dir("night"))));

  /** What steps can use: the folders and a way to run other commands in-process. */
  static final class Context {
    final Path root;
    final PrintWriter err;

    Context(Path root, PrintWriter err) {
      this.root = root;
      this.err = err;
    }

    /** A bundled input copied by the first step (e.g. "sites.yaml"). */
    String input(String name) {
      return root.resolve("inputs").resolve(name).toString();
    }

    /** A file of the simulated night (e.g. "radar.ndjson"). */
    String night(String name) {
      return root.resolve("night").resolve(name).toString();
    }

    /** An output path directly under the demo folder. */
    String out(String name) {
      return root.resolve(name).toString();
    }

    String dir(String name) {
      return root.resolve(name).toString();
    }

    void copyInputs() throws IOException {
      FixtureData.copy(FixtureData.BORDER_MNE_ALB, root.resolve("inputs/mne-alb.geojson"));
      FixtureData.copy("borders/PROVENANCE.md", root.resolve("inputs/PROVENANCE.md"));
      FixtureData.copy(FixtureData.DEMO_SITES, root.resolve("inputs/sites.yaml"));
      FixtureData.copy(FixtureData.DEMO_PATROLS, root.resolve("inputs/patrols.yaml"));
    }

    /** Runs a watchline command in this process; a non-zero exit fails the demo. */
    void watchline(String... args) {
      CommandLine cl = Main.commandLine();
      cl.setErr(err);
      int code = cl.execute(args);
      if (code != ExitCode.OK) {
        throw new UserException("demo step 'watchline " + String.join(" ", args) + "' failed with exit code " + code,
            ExitCode.FAILURE);
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path root = out.toAbsolutePath().normalize();
    Files.createDirectories(root);
    Context ctx = new Context(root, err);
    long started = System.nanoTime();
    for (Step step : STEPS) {
      long t0 = System.nanoTime();
      err.printf(Locale.ROOT, "demo: %-8s %s%n", step.name(), step.what());
      err.flush();
      step.action().run(ctx);
      err.printf(Locale.ROOT, "demo: %-8s done in %.1f s%n", step.name(), (System.nanoTime() - t0) / 1e9);
    }
    stdout.printf(Locale.ROOT, "Demo outputs (%.1f s) in %s:%n", (System.nanoTime() - started) / 1e9, root);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        stdout.printf(Locale.ROOT, "  %-36s %,12d bytes%n", root.relativize(f), Files.size(f));
      }
    }
    stdout.flush();
    return ExitCode.OK;
  }
}
