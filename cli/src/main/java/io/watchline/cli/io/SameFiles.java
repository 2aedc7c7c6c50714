package io.watchline.cli.io;

import io.watchline.cli.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses a command line whose output would overwrite one of its inputs or another of its outputs
 * ({@code ingest p.nmea -o p.nmea}, {@code --rejects} equal to {@code -o}): exit 2 before anything
 * is read or written. Two names are the same file when they are the same path once symbolic links
 * are followed, or the same device and inode ({@link Files#isSameFile}, hard links). Standard
 * input and output count too when they are redirected from or to a regular file. Devices and
 * FIFOs may be shared: writing one destroys nothing.
 */
public final class SameFiles {
  private SameFiles() {}

  /** The outputs by option, in order, for {@link #check}: {@code outputs("-o", out, "--rejects", rejects)}. */
  public static Map<String, String> outputs(String... optionThenFile) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < optionThenFile.length; i += 2) {
      m.put(optionThenFile[i], optionThenFile[i + 1]);
    }
    return m;
  }

  /**
   * @param inputs every file the command reads (nulls are skipped; {@code -} is standard input)
   * @param outputs every output by the option that names it (nulls are skipped; {@code -} is stdout)
   */
  public static void check(Collection<?> inputs, Map<String, String> outputs) throws IOException {
    List<Map.Entry<String, Path>> seen = new ArrayList<>();
    for (Map.Entry<String, String> o : outputs.entrySet()) {
      if (o.getValue() == null) {
        continue;
      }
      Path out = regularFileBehind(o.getValue(), true);
      if (out == null) {
        continue;
      }
      for (Object in : inputs) {
        Path p = in == null ? null : regularFileBehind(in.toString(), false);
        if (p != null && same(out, p)) {
          String what = OutputTarget.isStdout(o.getValue()) ? "standard output is redirected to"
              : o.getKey() + " " + o.getValue() + " is";
          throw new UserException(what + " the input " + in + ": writing it would destroy the input; choose another output file");
        }
      }
      for (Map.Entry<String, Path> earlier : seen) {
        if (same(out, earlier.getValue())) {
          throw new UserException(earlier.getKey() + " and " + o.getKey() + " name the same file ("
              + o.getValue() + "): one would overwrite the other; give them different names");
        }
      }
      seen.add(Map.entry(o.getKey(), out));
    }
  }

  /**
   * The regular file (existing or to be created) a name stands for, or null for devices, FIFOs,
   * and standard streams that are not redirected from or to a file.
   */
  private static Path regularFileBehind(String name, boolean output) throws IOException {
    if (output ? OutputTarget.isStdout(name) : "-".equals(name)) {
      Path fd = Path.of(output ? "/proc/self/fd/1" : "/proc/self/fd/0");
      return Files.isRegularFile(fd) ? fd.toRealPath() : null;
    }
    Path p = OutputTarget.resolve(name);
    if (p.startsWith("/proc") || p.startsWith("/dev/fd")) {
      return Files.isRegularFile(p) ? p.toRealPath() : null;
    }
    return Files.exists(p) && !Files.isRegularFile(p) ? null : p;
  }

  private static boolean same(Path a, Path b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
