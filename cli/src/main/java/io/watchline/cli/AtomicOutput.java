package io.watchline.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * An output file written to a temporary sibling and renamed into place on {@link #commit()}, so a
 * killed or failed run never leaves half a file. {@code "-"} means standard output.
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicOutput(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  public static AtomicOutput open(String name) throws IOException {
    return open(name, UnaryOperator.identity());
  }

  /**
   * As {@link #open(String)}, with {@code device} wrapped around the file stream: tests put a
   * stream there that fails after N bytes, as a full disk does.
   */
  static AtomicOutput open(String name, UnaryOperator<OutputStream> device) throws IOException {
    if ("-".equals(name)) {
      PrintStream stdout = System.out;
      return new AtomicOutput(null, null, new FilterOutputStream(stdout) {
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
          check();
        }

        @Override
        public void close() throws IOException {
          check();
        }

        private void check() throws WriteFailedException {
          if (stdout.checkError()) {
            throw new WriteFailedException("cannot write to standard output (disk full or pipe closed?)", null);
          }
        }
      });
    }
    Path target = Path.of(name).toAbsolutePath();
    Path dir = target.getParent();
    Path temp;
    OutputStream file;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
      file = Files.newOutputStream(temp);
    } catch (IOException e) {
      throw new WriteFailedException("cannot create " + name + ": " + reason(e), e);
    }
    OutputStream guarded = new FilterOutputStream(new BufferedOutputStream(device.apply(file), 1 << 16)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          out.write(b, off, len);
        } catch (WriteFailedException e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailedException("cannot write " + name + ": " + reason(e), e);
        }
      }

      @Override
      public void flush() throws IOException {
        try {
          out.flush();
        } catch (WriteFailedException e) {
          throw e;
        } catch (IOException e) {
          throw new WriteFailedException("cannot write " + name + ": " + reason(e), e);
        }
      }
    };
    return new AtomicOutput(target, temp, guarded);
  }

  /** What went wrong, in words: NIO exceptions carry only the path as their message. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a path component is not a directory";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * Writing an output failed (disk full, permission, closed pipe). Distinct from reading errors,
   * so that a command never blames an input for a full disk.
   */
  public static final class WriteFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    WriteFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public OutputStream stream() {
    return out;
  }

  /** Flushes, closes and moves the file into place. */
  public void commit() throws IOException {
    out.close();
    if (temp != null) {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new WriteFailedException("cannot move the finished output into place as " + target + ": " + reason(e), e);
      }
    }
    committed = true;
  }

  /** Without a prior {@link #commit()}, discards the temporary file. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        out.close();
      } finally {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      }
    }
  }
}
