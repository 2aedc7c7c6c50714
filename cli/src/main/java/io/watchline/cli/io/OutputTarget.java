package io.watchline.cli.io;

import io.watchline.cli.UserException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One output of a command, and the one place that decides how it is written:
 *
 * <ul>
 *   <li>{@code -}, {@code /dev/stdout} and {@code /dev/fd/1}: standard output, written as it comes;
 *       a reader that went away (EPIPE, {@code | head -1}) is a {@link BrokenPipeException};
 *   <li>character devices, FIFOs, sockets and other {@code /dev/fd/N} (bash's {@code >(...)}):
 *       written directly, never replaced by a regular file;
 *   <li>regular files: built in a hidden temporary sibling ({@link TempFiles}), fsynced and renamed
 *       into place on {@link #commit()}, so a failed or killed run never leaves half a file;
 *       symbolic links (even dangling) are followed, so the link stays and its target gets the
 *       content; a new file honours the umask, a replaced one keeps its permissions; a read-only
 *       file is refused.
 * </ul>
 *
 * Whether an output is also an input is checked before anything is opened: {@link SameFiles}.
 */
public final class OutputTarget implements AutoCloseable {
  private static volatile boolean rawStdout;

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final java.io.Closeable resource;
  private final OutputStream out;
  private boolean committed;

  private OutputTarget(Path target, Path temp, FileChannel channel, java.io.Closeable resource, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.resource = resource;
    this.out = out;
  }

  /**
   * Called by the real {@code main}: {@code -} then writes to file descriptor 1 itself, where a
   * closed pipe is told apart from a full disk (tests capture {@code System.out} instead).
   */
  public static void useRawStdout() {
    rawStdout = true;
  }

  /** Opens the output named on the command line ({@code -} is standard output). */
  public static OutputTarget open(String name) throws IOException {
    return open(name, UnaryOperator.identity());
  }

  /**
   * As {@link #open(String)}, with {@code device} wrapped around the file stream: tests put a
   * stream there that fails after N bytes, as a full disk does.
   */
  public static OutputTarget open(String name, UnaryOperator<OutputStream> device) throws IOException {
    if (isStdout(name)) {
      return new OutputTarget(null, null, null, null, rawStdout ? rawStdout() : systemOut());
    }
    Path target = resolve(name);
    if (isSpecial(target)) {
      OutputStream direct;
      try {
        direct = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new WriteFailedException("cannot open " + name + ": " + IoErrors.reason(e), e);
      }
      return new OutputTarget(null, null, null, direct, guard(name, new BufferedOutputStream(device.apply(direct), 1 << 16)));
    }
    OutputTarget t = temporary(name, target, "");
    OutputStream file = Channels.newOutputStream(t.channel);
    return new OutputTarget(target, t.temp, t.channel, t.channel,
        guard(name, new BufferedOutputStream(device.apply(file), 1 << 16)));
  }

  /**
   * A regular-file output for a writer that needs a path of its own (SQLite/GeoPackage): write to
   * {@link #tempPath()}, which ends in {@code suffix}, then {@link #commit()}.
   */
  public static OutputTarget openPath(String name, String suffix) throws IOException {
    if (isStdout(name) || isSpecial(resolve(name))) {
      throw new UserException(name + " is not a regular file; this format needs one (a database file)");
    }
    OutputTarget t = temporary(name, resolve(name), suffix);
    t.channel.close();
    Files.delete(t.temp); // the writer creates its own file under this name
    return new OutputTarget(t.target, t.temp, null, null, null);
  }

  /**
   * Exit 2 now, before any input is read, for an output that {@link #open} would refuse: a
   * folder, or a read-only file. For outputs opened only later (a rejects file on the first reject).
   */
  public static void checkWritable(String name) throws IOException {
    if (name == null || isStdout(name)) {
      return;
    }
    Path target = resolve(name);
    if (isSpecial(target)) {
      return;
    }
    if (Files.isDirectory(target)) {
      throw new UserException(name + " is a directory; give a file name for the output");
    }
    Set<PosixFilePermission> perms = Files.exists(target) ? permissions(target) : null;
    if (perms != null && !perms.contains(PosixFilePermission.OWNER_WRITE)) {
      // Root may write anything, so the mode bits are read rather than asking the OS.
      throw new UserException(name + " is read-only; not replacing it (chmod u+w it, or choose another name)");
    }
  }

  private static OutputTarget temporary(String name, Path target, String suffix) throws IOException {
    checkWritable(name);
    Set<PosixFilePermission> keep = Files.exists(target) ? permissions(target) : null;
    Path temp = TempFiles.nameFor(target, suffix);
    FileChannel ch;
    try {
      Files.createDirectories(target.getParent());
      TempFiles.sweep(target.getParent());
      TempFiles.register(temp);
      // CREATE_NEW with default permissions: 0666 minus the umask, as the shell's '>' would give.
      ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (keep != null) {
        Files.setPosixFilePermissions(temp, keep);
      }
    } catch (IOException e) {
      TempFiles.done(temp);
      throw new WriteFailedException("cannot create " + name + ": " + IoErrors.reason(e), e);
    }
    return new OutputTarget(target, temp, ch, ch, null);
  }

  private static Set<PosixFilePermission> permissions(Path p) {
    try {
      return Files.getPosixFilePermissions(p);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Whether a name means standard output: {@code -}, {@code /dev/stdout}, {@code /dev/fd/1}. */
  public static boolean isStdout(String name) {
    return "-".equals(name) || "/dev/stdout".equals(name) || "/dev/fd/1".equals(name) || "/proc/self/fd/1".equals(name);
  }

  /** Not a place for a regular file: a device, a FIFO, a socket, or a descriptor under /proc. */
  static boolean isSpecial(Path resolved) {
    if (resolved.startsWith("/proc") || resolved.startsWith("/dev/fd")) {
      return true;
    }
    return Files.exists(resolved) && !Files.isRegularFile(resolved) && !Files.isDirectory(resolved);
  }

  /**
   * The absolute path the bytes should reach: symbolic links followed one by one (a dangling
   * link gives the path it points to), stopping at descriptors under /proc and /dev/fd, whose
   * links name pipes rather than paths.
   */
  static Path resolve(String name) throws IOException {
    Path p = Path.of(name).toAbsolutePath().normalize();
    for (int hops = 0; Files.isSymbolicLink(p); hops++) {
      if (p.startsWith("/proc") || p.startsWith("/dev/fd")) {
        return p;
      }
      if (hops == 40) {
        throw new UserException(name + ": too many levels of symbolic links");
      }
      p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
    }
    return p;
  }

  private static OutputStream rawStdout() {
    OutputStream fd1 = new FileOutputStream(FileDescriptor.out) {
      @Override
      public void close() throws IOException {
        // descriptor 1 stays open for the process
      }
    };
    return guard("standard output", new BufferedOutputStream(fd1, 1 << 16));
  }

  private static OutputStream systemOut() {
    PrintStream stdout = System.out;
    return new FilterOutputStream(stdout) {
      // PrintStream swallows write errors: without this check a full disk or a closed pipe
      // would lose every record and still exit 0.
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        stdout.write(b, off, len);
        check();
      }

      @Override
      public void write(int b) throws IOException {
        stdout.write(b);
        check();
      }

      @Override
      public void flush() throws IOException {
        stdout.flush();
        check();
      }

      @Override
      public void close() throws IOException {
        flush();
      }

      private void check() throws WriteFailedException {
        if (stdout.checkError()) {
          throw new WriteFailedException("cannot write to standard output (disk full or pipe closed?)", null);
        }
      }
    };
  }

  /**
   * Every write error becomes a {@link WriteFailedException} naming the output and the reason.
   * Closing it only flushes: the file is closed by {@link #commit()} or {@link #close()}.
   */
  private static OutputStream guard(String name, OutputStream inner) {
    return new FilterOutputStream(inner) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (IOException e) {
          throw failed(name, e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (IOException e) {
          throw failed(name, e);
        }
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private static WriteFailedException failed(String name, IOException e) {
    if (e instanceof WriteFailedException w) {
      return w;
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("Broken pipe")) {
      return new BrokenPipeException(name, e);
    }
    return new WriteFailedException("cannot write " + name + ": " + IoErrors.reason(e), e);
  }

  public OutputStream stream() {
    return out;
  }

  /** For {@link #openPath}: where the writer creates its file. */
  public Path tempPath() {
    return temp;
  }

  /** Flushes, syncs to disk and moves the file into place (for devices and stdout: flushes). */
  public void commit() throws IOException {
    if (out != null) {
      out.flush();
      try {
        if (channel != null) {
          channel.force(true);
        }
        if (resource != null) {
          resource.close();
        }
      } catch (IOException e) {
        throw failed(target == null ? "the output" : target.getFileName().toString(), e);
      }
    }
    if (temp != null) {
      try {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new WriteFailedException("cannot move the finished output into place as " + target + ": "
            + IoErrors.reason(e), e);
      }
      TempFiles.done(temp);
      syncFolder(target.getParent());
    }
    committed = true;
  }

  /** Makes the rename itself durable (Linux); where a folder cannot be opened it is skipped. */
  static void syncFolder(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // not supported here: the rename is still atomic, only perhaps not yet on disk
    }
  }

  /** Without a prior {@link #commit()}, discards the temporary file. */
  @Override
  public void close() throws IOException {
    if (committed) {
      return;
    }
    try {
      if (out != null && temp == null) {
        out.flush(); // stdout or a device: what was written so far goes out; a temporary file goes away
      }
    } catch (IOException e) {
      // the run already failed; its first error is the one to report
    }
    try {
      if (resource != null) {
        resource.close();
      }
    } catch (IOException e) {
      // the run already failed; its first error is the one to report
    } finally {
      if (temp != null) {
        TempFiles.deleteQuietly(temp);
        TempFiles.done(temp);
      }
    }
  }

  /**
   * Writing an output failed (disk full, permission, closed pipe). Distinct from reading errors,
   * so that a command never blames an input for a full disk.
   */
  public static class WriteFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    public WriteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The reader of our output went away ({@code | head -1}): not an error worth a message. */
  public static final class BrokenPipeException extends WriteFailedException {
    private static final long serialVersionUID = 1L;
    /** The exit code then: what a shell reports for a process killed by SIGPIPE (128 + 13). */
    public static final int EXIT_CODE = 141;

    BrokenPipeException(String name, Throwable cause) {
      super(name + ": the reading end of the pipe was closed", cause);
    }
  }
}
