package io.watchline.cli.nightly;

import io.watchline.cli.io.StagedFolder;
import io.watchline.cli.io.TempFiles;
import io.watchline.evidence.RunManifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the nightly steps into a hidden temporary folder next to the target and renames it into
 * place only when every step succeeded, so {@code <root>/<date>/} appears complete or not at all.
 * A lock file in the output root keeps two runs from writing there at once.
 */
public final class NightlyPipeline {
  static final String LOCK_FILE = ".watchline-nightly.lock";

  /** The stages, in order: inputs, fusion, coverage, then the files of the folder. */
  public static List<NightlyStep> standard() {
    return List.of(
        new Steps.LoadContext(),
        new Steps.Ingest(),
        new Steps.Fuse(),
        new Steps.LoadIncidents(),
        new CoverageStep(),
        new Outputs.WriteIncidents(),
        new Outputs.WriteGaps(),
        new Outputs.WriteSectorTable(),
        new Outputs.DrawMap(),
        new Outputs.WriteReport());
  }

  /** Another run holds the lock on the output root. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  private NightlyPipeline() {}

  /** Runs the steps and publishes {@code <root>/<date>/}; returns the finished run. */
  public static NightlyRun run(NightlyConfig config, Window window, List<NightlyStep> steps, Consumer<String> log)
      throws IOException {
    return run(config, window, steps, log, RunManifest.builder("nightly", List.of()), null);
  }

  /** As above, with the run manifest started by the command and the key that signs it (or null). */
  public static NightlyRun run(NightlyConfig config, Window window, List<NightlyStep> steps, Consumer<String> log,
      RunManifest.Builder manifest, PrivateKey signKey) throws IOException {
    Path root = config.outputRoot();
    for (Path p = root.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new io.watchline.cli.UserException("output_root " + root + ": " + (p.equals(root.toAbsolutePath())
            ? "is a file, not a folder" : p + " is a file, not a folder") + "; fix output_root in the config");
      }
    }
    Files.createDirectories(root);
    Path lockPath = root.resolve(LOCK_FILE);
    try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this same process
      }
      if (lock == null) {
        throw new LockedException("another nightly run is writing to " + root + " (lock " + lockPath
            + "); wait for it to finish, or run with a different output_root");
      }
      try {
        return runLocked(config, window, steps, log, root, manifest, signKey);
      } finally {
        lock.release();
      }
    }
  }

  private static NightlyRun runLocked(
      NightlyConfig config, Window window, List<NightlyStep> steps, Consumer<String> log, Path root,
      RunManifest.Builder manifest, PrivateKey signKey) throws IOException {
    String date = window.date().toString();
    removeLeftovers(root, date, log);
    Path target = root.resolve(date);
    Path temp = root.resolve("." + date + ".tmp-" + ProcessHandle.current().pid());
    TempFiles.register(temp); // removed on Ctrl-C/SIGTERM; after kill -9 the next run removes it
    Files.createDirectories(temp);
    boolean published = false;
    try {
      NightlyRun run = new NightlyRun(config, window, temp, log);
      run.manifest = manifest;
      try (OutputStream rejects = Outputs.open(temp.resolve("rejects.ndjson"))) {
        run.rejects = new io.watchline.ndjson.NdjsonWriter(rejects);
        for (NightlyStep step : steps) {
          log.accept("step " + step.name());
          try {
            step.run(run);
          } catch (NightlyConfig.ConfigException e) {
            throw e;
          } catch (IOException | RuntimeException e) {
            throw new StepFailedException(step.name(), e);
          }
        }
        run.rejects.close();
      }
      deleteTree(run.scratch);
      NightManifest.write(run, root, date, signKey);
      publish(temp, target, root, date);
      published = true;
      return new NightlyRun(config, window, target, log).copyResultsFrom(run);
    } finally {
      if (!published) {
        deleteTree(temp);
      }
      TempFiles.done(temp);
    }
  }

  /** A step failed; no output folder was published. */
  public static final class StepFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    StepFailedException(String step, Exception cause) {
      super("step '" + step + "' failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage())
          + "; nothing was published", cause);
    }
  }

  /** Renames the finished folder into place; an earlier folder of the same date is replaced. */
  private static void publish(Path temp, Path target, Path root, String date) throws IOException {
    StagedFolder.swap(temp, target, root.resolve("." + date + ".old-" + ProcessHandle.current().pid()));
  }

  /** Temporary folders of this date left by a killed run (we hold the lock, so none is live). */
  private static void removeLeftovers(Path root, String date, Consumer<String> log) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "." + date + ".{tmp,old}-*")) {
      for (Path p : ds) {
        log.accept("removing the leftover " + p.getFileName() + " of an interrupted run");
        deleteTree(p);
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    TempFiles.deleteTree(p);
  }
}
