package io.watchline.cli.io;

import io.watchline.cli.UserException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Inputs named on the command line, checked before a command starts, with the message a user
 * needs: "no such file", "is a directory", "permission denied", "standard input is closed".
 */
public final class InputFiles {
  private InputFiles() {}

  /** Exit 2 unless {@code name} can be read: {@code -}, a readable file, a FIFO or a device. */
  public static void check(String name) {
    String problem = problem(name);
    if (problem != null) {
      throw new UserException(problem);
    }
  }

  /** What is wrong with an input, in words, or null when it can be read. */
  public static String problem(String name) {
    if ("-".equals(name)) {
      return stdinClosed() ? "standard input is closed ('-' was given, but the shell closed it, e.g. <&-)" : null;
    }
    Path p = Path.of(name);
    if (!Files.exists(p)) {
      return "no such file: " + name;
    }
    if (Files.isDirectory(p)) {
      return name + ": is a directory (give the files in it, e.g. " + p.resolve("*") + ")";
    }
    if (!Files.isReadable(p)) {
      return name + ": permission denied";
    }
    return null;
  }

  /** Standard input for {@code -}: checked for being closed; closing it leaves descriptor 0 open. */
  public static InputStream stdin() {
    check("-");
    return new FilterInputStream(System.in) {
      @Override
      public void close() {
        // stdin stays open for the process
      }
    };
  }

  /**
   * When the shell closed descriptor 0 ({@code <&-}), the JVM's first open file gets it: on Linux
   * that is the runtime's own {@code lib/modules} (or a jar of the class path), which {@code -}
   * would then read as data. Elsewhere (no /proc) this cannot be told and is taken as open.
   */
  static boolean stdinClosed() {
    return jvmOwnFile(Path.of("/proc/self/fd/0"));
  }

  static boolean jvmOwnFile(Path fd) {
    try {
      if (!Files.isRegularFile(fd)) {
        return false;
      }
      Path file = fd.toRealPath();
      if (file.startsWith(Path.of(System.getProperty("java.home")).toRealPath())) {
        return true;
      }
      for (String entry : List.of(System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))) {
        if (!entry.isEmpty() && Files.isRegularFile(Path.of(entry)) && Files.isSameFile(file, Path.of(entry))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
