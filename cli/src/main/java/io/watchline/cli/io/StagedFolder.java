package io.watchline.cli.io;

import io.watchline.cli.UserException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A multi-file output folder published all or nothing: the files are written into a hidden sibling
 * ({@code .<name>.<pid>.<random>.part}, see {@link TempFiles}), and {@link #publish()} swaps it
 * in: the old folder is renamed aside, the new one renamed in, the old one deleted. Until then
 * the old folder is untouched; a failed or killed run leaves it as it was. Because the old folder
 * goes away whole, an existing one may hold only files this command writes: anything else (a
 * user's own file, {@code --out .}) is refused before work starts.
 */
public final class StagedFolder implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private boolean published;

  private StagedFolder(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Checks {@code out} (exit 2 when it is a file, or a folder holding anything but {@code ours})
   * and creates the staging folder beside it.
   */
  public static StagedFolder create(Path out, Set<String> ours) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    check(out, target, ours);
    Path staging = TempFiles.nameFor(target, "");
    try {
      Files.createDirectories(target.getParent());
      TempFiles.sweep(target.getParent());
      TempFiles.register(staging);
      Files.createDirectory(staging);
    } catch (IOException e) {
      TempFiles.done(staging);
      throw new OutputTarget.WriteFailedException("cannot create a folder next to " + out + ": " + IoErrors.reason(e), e);
    }
    return new StagedFolder(target, staging);
  }

  /** The checks of {@link #create}, to run before a long computation. */
  public static void check(Path out, Set<String> ours) throws IOException {
    check(out, out.toAbsolutePath().normalize(), ours);
  }

  private static void check(Path out, Path target, Set<String> ours) throws IOException {
    if (target.getParent() == null) {
      throw new UserException(out + " is the root folder; give a folder of its own for the output");
    }
    for (Path p = target.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new UserException(out + ": " + p + " is a file, not a folder");
      }
    }
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new UserException(out + " is a file, not a folder; give a new or an earlier output folder");
    }
    try (Stream<Path> entries = Files.list(target)) {
      for (Path e : (Iterable<Path>) entries::iterator) {
        if (!ours.contains(e.getFileName().toString())) {
          throw new UserException(out + " holds " + e.getFileName() + ", which this command does not write; the folder is"
              + " replaced whole, so give a new folder (or an earlier output folder of this command)");
        }
      }
    }
  }

  /** Where the files are written before {@link #publish()}. */
  public Path dir() {
    return staging;
  }

  /** Whether {@code p} is inside the published folder (an input there would be deleted with it). */
  public boolean contains(Path p) {
    return p.toAbsolutePath().normalize().startsWith(target);
  }

  /** Swaps the finished folder in; the previous one (if any) is deleted afterwards. */
  public void publish() throws IOException {
    try (Stream<Path> files = Files.list(staging)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(f)) {
          c.force(true); // the files are on disk before the folder that names them appears
        }
      }
    }
    try {
      swap(staging, target, TempFiles.nameFor(target, ""));
    } catch (IOException e) {
      throw new OutputTarget.WriteFailedException("cannot move the finished folder into place as " + target + ": "
          + IoErrors.reason(e), e);
    }
    published = true;
    TempFiles.done(staging);
    OutputTarget.syncFolder(target.getParent());
  }

  /**
   * The all-or-nothing step of publishing a folder, shared by every folder output (this class, the
   * nightly report): an existing {@code target} is renamed to {@code aside}, {@code staging} is
   * renamed to {@code target}, then {@code aside} is deleted. When the second rename fails the
   * previous folder is put back, so {@code target} is always either the old or the new folder.
   *
   * @param aside a free name beside {@code target}; removed on Ctrl-C while it exists
   * @throws IOException when a rename fails (the previous folder is back in place)
   */
  public static void swap(Path staging, Path target, Path aside) throws IOException {
    boolean hadOld = Files.exists(target);
    if (hadOld) {
      TempFiles.register(aside);
      move(target, aside);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (hadOld) {
        move(aside, target); // put the previous folder back
        TempFiles.done(aside);
      }
      throw e;
    }
    if (hadOld) {
      TempFiles.deleteQuietly(aside);
      TempFiles.done(aside);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Without {@link #publish()}, deletes the staging folder. */
  @Override
  public void close() {
    if (!published) {
      TempFiles.deleteQuietly(staging);
      TempFiles.done(staging);
    }
  }
}
