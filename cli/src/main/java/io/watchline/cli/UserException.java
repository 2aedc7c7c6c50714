package io.watchline.cli;

/**
 * An error the user can fix. Printed as one line, {@code watchline: <message>}, without a stack
 * trace (unless {@code --debug}); the message should say what to do.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserException(String message) {
    this(message, ExitCode.USAGE);
  }

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
