package io.watchline.cli.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporary files and folders outputs are built in before they are renamed into place:
 * {@code .<name>.<pid>.<random>.part} (plus a suffix such as {@code .gpkg}, and SQLite's
 * {@code -journal}/{@code -wal}/{@code -shm} beside it). Live ones are deleted by a shutdown hook
 * on SIGINT/SIGTERM; ones left by a killed run ({@code kill -9}, power loss) are swept by a later
 * run writing into the same folder, once their process is gone and they are {@link #STALE_AFTER}
 * old. Nothing that does not match the pattern is ever touched.
 */
public final class TempFiles {
  /** A leftover younger than this is left alone (it may be another machine's run on a shared disk). */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final Pattern OURS =
      Pattern.compile("\\..+\\.(\\d+)\\.[0-9a-z]{6,16}\\.part(\\.[a-z]+)?(-journal|-wal|-shm)?");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteLive, "watchline-temp-cleanup"));
  }

  private TempFiles() {}

  /** A fresh temporary name next to {@code target}; {@code suffix} is kept at the end (".gpkg" or ""). */
  static Path nameFor(Path target, String suffix) {
    String random = Long.toString(RANDOM.nextLong() >>> 1, 36);
    random = random.length() < 6 ? random + "000000".substring(random.length()) : random;
    return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + random
        + ".part" + suffix);
  }

  /** Deletes {@code p} (and SQLite files beside it) if this process ends before {@link #done}. */
  public static void register(Path p) {
    LIVE.add(p);
  }

  /** {@code p} was renamed into place or deleted: nothing left to clean. */
  public static void done(Path p) {
    LIVE.remove(p);
  }

  /** Whether a file name is one of our temporary names (of any process). */
  static boolean isOurs(String fileName) {
    return OURS.matcher(fileName).matches();
  }

  /** Deletes the temporaries this process still has (the shutdown hook; tests call it directly). */
  static void deleteLive() {
    for (Path p : LIVE) {
      deleteQuietly(p);
      LIVE.remove(p);
    }
  }

  /**
   * Once per folder and process: removes our stale temporaries in {@code dir}, those whose process
   * is gone and that are older than {@link #STALE_AFTER}.
   */
  static void sweep(Path dir) {
    if (dir == null || !SWEPT.add(dir)) {
      return;
    }
    sweepNow(dir, Instant.now().minus(STALE_AFTER));
  }

  /** The sweep itself, with the age limit given (tests). Returns how many entries were removed. */
  static int sweepNow(Path dir, Instant olderThan) {
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.part*")) {
      for (Path p : ds) {
        Matcher m = OURS.matcher(p.getFileName().toString());
        if (!m.matches() || alive(m.group(1))) {
          continue;
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isSymbolicLink() && a.lastModifiedTime().toInstant().isBefore(olderThan)) {
          deleteQuietly(p);
          removed++;
        }
      }
    } catch (IOException e) {
      // A folder we cannot list is reported by the write itself, if at all.
    }
    return removed;
  }

  private static boolean alive(String pid) {
    try {
      long id = Long.parseLong(pid);
      return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return true; // not ours to judge
    }
  }

  /** Deletes a file or folder tree and SQLite's files beside it; errors are ignored (best effort). */
  static void deleteQuietly(Path p) {
    try {
      deleteTree(p);
      for (String s : new String[] {"-journal", "-wal", "-shm"}) {
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + s));
      }
    } catch (IOException e) {
      // best effort: a later run sweeps what is left
    }
  }

  /** Deletes a file, or a folder with everything in it (links are removed, never followed). */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    Files.walkFileTree(p, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
