package io.watchline.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/**
 * The shared {@code -q}/{@code -v} options (a picocli mixin): what a command says on stderr.
 * Quiet keeps only errors and warnings; verbose adds details. Data never goes through here.
 */
public final class Verbosity {
  @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings on stderr; no progress.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Print more detail on stderr (each step, each file).")
  boolean verbose;

  private PrintStream err = System.err;

  /** For tests: where messages go. */
  public Verbosity to(PrintStream stream) {
    this.err = stream;
    return this;
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean verbose() {
    return verbose && !quiet;
  }

  /** A normal message (summaries), hidden by {@code -q}. */
  public void info(String message) {
    if (!quiet) err.println("watchline: " + message);
  }

  /** Detail shown only with {@code -v}. */
  public void detail(String message) {
    if (verbose()) err.println("watchline: " + message);
  }

  /** Always shown: something the user should look at, though the run goes on. */
  public void warn(String message) {
    err.println("watchline: warning: " + message);
  }

  /** A progress indicator on stderr: live only on a terminal and without {@code -q}. */
  public Progress progress(String label, long total) {
    return Progress.create(label, total, !quiet && Progress.stderrIsTerminal(), err);
  }
}
