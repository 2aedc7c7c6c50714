package io.watchline.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared {@code -q}/{@code -v} options (a picocli mixin): what a command says on stderr.
 * Quiet keeps only errors and warnings; verbose adds details. Data never goes through here.
 * Messages go to the command's error stream (picocli's {@code getErr()}, which tests capture), so a
 * command needs no {@code System.err} of its own: {@link #err()} is that stream.
 */
public final class Verbosity {
  @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings on stderr; no progress.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Print more detail on stderr (each step, each file).")
  boolean verbose;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private PrintWriter override;

  /** For tests: where messages go. */
  public Verbosity to(PrintStream stream) {
    this.override = new PrintWriter(stream, true);
    return this;
  }

  /** The command's error stream: for summaries and tables a command prints itself (mind {@link #quiet()}). */
  public PrintWriter err() {
    if (override != null) {
      return override;
    }
    if (command != null && command.commandLine() != null) {
      return command.commandLine().getErr();
    }
    return override = new PrintWriter(System.err, true); // outside picocli (a library-style call)
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean verbose() {
    return verbose && !quiet;
  }

  /** A normal message (summaries), hidden by {@code -q}. */
  public void info(String message) {
    if (!quiet) err().println("watchline: " + message);
  }

  /** Detail shown only with {@code -v}. */
  public void detail(String message) {
    if (verbose()) err().println("watchline: " + message);
  }

  /** Always shown: something the user should look at, though the run goes on. */
  public void warn(String message) {
    err().println("watchline: warning: " + message);
  }

  /** A progress indicator on stderr: live only on a terminal and without {@code -q}. */
  public Progress progress(String label, long total) {
    return Progress.create(label, total, !quiet && Progress.stderrIsTerminal(), err());
  }
}
