package io.watchline.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    if ("-".equals(name)) {
      return new AtomicOutput(null, null, new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      });
    }
    Path target = Path.of(name).toAbsolutePath();
    Path dir = target.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    // Temp files default to owner-only; outputs should be readable like any other file.
    Path temp = dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix")
        ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".part",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")))
        : Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    return new AtomicOutput(target, temp, new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
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
