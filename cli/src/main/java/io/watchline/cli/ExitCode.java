package io.watchline.cli;

/** Exit codes shared by every command (see the README). */
public final class ExitCode {
  private ExitCode() {}

  public static final int OK = 0;
  /** Runtime failure: I/O error, internal error. */
  public static final int FAILURE = 1;
  /** Usage or configuration error: the user can fix the command line or a config file. */
  public static final int USAGE = 2;
  /** The input had more bad records than {@code --max-bad} allows. */
  public static final int TOO_MANY_BAD = 3;
  /** Bad input too: nothing usable was read ({@code ingest}, {@code fuse}, {@code export}); every record rejected, or none. */
  public static final int NOTHING_USABLE = 3;
  /** {@code nightly}: another run holds the lock on the same output root; try again later. */
  public static final int LOCKED = 4;
  /** The reader of standard output went away ({@code | head -1}); as a shell reports SIGPIPE. */
  public static final int BROKEN_PIPE = io.watchline.cli.io.OutputTarget.BrokenPipeException.EXIT_CODE;
}
