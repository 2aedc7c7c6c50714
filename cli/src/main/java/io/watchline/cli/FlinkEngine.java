package io.watchline.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fuse --engine flink}: runs the Flink job jar ({@code flink/target/watchline-flink-job.jar},
 * docs/scale.md) in a child JVM with fuse's arguments. The command line never loads Flink itself,
 * so the embedded path stays small and starts fast.
 */
final class FlinkEngine {
  /** Overrides where the job jar is (also the environment variable {@code WATCHLINE_FLINK_JAR}). */
  static final String JAR_PROPERTY = "watchline.flink.jar";
  static final String BUILD = "mvn -B -q package -DskipTests -pl flink -am";
  private static final String MAIN = "io.watchline.flink.FuseJob";

  private FlinkEngine() {}

  /**
   * Runs the job and waits; its incidents go to the same output, its messages to stderr.
   *
   * @param args fuse's arguments in the job's spelling (see the job's {@code JobArgs})
   * @return the job's exit code
   */
  static int run(List<String> args) throws IOException {
    Path jar = jar();
    if (!Files.isRegularFile(jar)) {
      throw new UserException("--engine flink needs the job jar " + jar + ", which is not built: run '" + BUILD
          + "' in the repository (or set " + JAR_PROPERTY + ")");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String opts = System.getenv("WATCHLINE_FLINK_JAVA_OPTS");
    if (opts != null && !opts.isBlank()) {
      cmd.addAll(List.of(opts.trim().split("\\s+")));
    }
    cmd.addAll(List.of("-cp", jar.toString(), MAIN));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new UserException("interrupted while the flink job ran", ExitCode.FAILURE);
    }
  }

  /** The job jar: the property, the environment, else beside this build in the repository. */
  static Path jar() {
    String set = System.getProperty(JAR_PROPERTY, System.getenv("WATCHLINE_FLINK_JAR"));
    if (set != null && !set.isBlank()) {
      return Path.of(set);
    }
    try {
      // .../cli/target/watchline-app.jar or .../cli/target/classes: the repository is three up
      Path here = Path.of(FlinkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = here.getParent() == null || here.getParent().getParent() == null ? null : here.getParent().getParent().getParent();
      return (root == null ? Path.of("") : root).resolve("flink/target/watchline-flink-job.jar");
    } catch (URISyntaxException | SecurityException e) {
      return Path.of("flink/target/watchline-flink-job.jar");
    }
  }
}
