package io.watchline.cli.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** Turns I/O exceptions into the few words a user needs: NIO exceptions carry only the path. */
public final class IoErrors {
  private IoErrors() {}

  /** What went wrong, e.g. "permission denied", "no space left on device", "is a directory". */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException) {
      return "a path component is not a directory";
    }
    if (noSpace(e)) {
      return "no space left on device";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Whether a failure anywhere in the cause chain is a full disk: the OS says "No space left on
   * device", SQLite (GeoPackage) says SQLITE_FULL / "database or disk is full".
   */
  public static boolean noSpace(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("no space left") || m.contains("sqlite_full") || m.contains("disk is full")) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
