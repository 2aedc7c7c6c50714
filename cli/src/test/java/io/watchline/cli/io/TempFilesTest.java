package io.watchline.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Temporaries: named so they can be found again, removed on shutdown, swept when stale. */
class TempFilesTest {
  @TempDir Path dir;

  /** A process id that is not running now (the sweep only takes leftovers of dead processes). */
  static long deadPid() {
    for (long pid = 4_000_000; ; pid--) {
      if (ProcessHandle.of(pid).isEmpty()) {
        return pid;
      }
    }
  }

  Path file(String name, Duration age) throws IOException {
    Path p = Files.writeString(dir.resolve(name), "x");
    Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(age)));
    return p;
  }

  @Test
  void theSweepTakesOnlyOurStaleLeftoversOfDeadProcesses() throws IOException {
    long dead = deadPid();
    long alive = ProcessHandle.current().parent().orElseThrow().pid();
    Duration old = Duration.ofHours(2);
    Path stale = file(".obs.ndjson." + dead + ".k3j5h2a9.part", old);
    Path staleGpkg = file(".night.gpkg." + dead + ".0a1b2c3d.part.gpkg", old);
    Path journal = file(".night.gpkg." + dead + ".0a1b2c3d.part.gpkg-journal", old);
    Path staleFolder = Files.createDirectory(dir.resolve(".gaps." + dead + ".zz99zz99.part"));
    Files.writeString(staleFolder.resolve("map.png"), "half");
    Files.setLastModifiedTime(staleFolder, FileTime.from(Instant.now().minus(old)));
    Path fresh = file(".obs.ndjson." + dead + ".aaaaaaaa.part", Duration.ofMinutes(1));
    Path live = file(".obs.ndjson." + alive + ".bbbbbbbb.part", old);
    Path notOurs = file(".obs.ndjson.part", old);
    Path users = file("notes.part", old);

    assertThat(TempFiles.sweepNow(dir, Instant.now().minus(TempFiles.STALE_AFTER))).isEqualTo(4);
    assertThat(stale).doesNotExist();
    assertThat(staleGpkg).doesNotExist();
    assertThat(journal).doesNotExist();
    assertThat(staleFolder).doesNotExist();
    assertThat(fresh).as("younger than the limit: may be a run on another machine").exists();
    assertThat(live).as("its process is running").exists();
    assertThat(notOurs).exists();
    assertThat(users).exists();
  }

  @Test
  void anOutputSweepsItsFolderOnFirstUse() throws IOException {
    Path stale = file(".obs.ndjson." + deadPid() + ".k3j5h2a9.part", Duration.ofHours(1));
    try (OutputTarget out = OutputTarget.open(dir.resolve("obs.ndjson").toString())) {
      out.stream().write('x');
      out.commit();
    }
    assertThat(stale).doesNotExist();
    assertThat(dir.resolve("obs.ndjson")).hasContent("x");
  }

  @Test
  void theShutdownHookRemovesWhatIsStillBeingWritten() throws IOException {
    OutputTarget out = OutputTarget.open(dir.resolve("obs.ndjson").toString());
    out.stream().write("half a record".getBytes());
    assertThat(list()).singleElement().matches(p -> TempFiles.isOurs(p.getFileName().toString()));
    TempFiles.deleteLive(); // what the hook runs on SIGINT/SIGTERM
    assertThat(list()).isEmpty();
    out.close();
    assertThat(list()).isEmpty();
  }

  @Test
  void failuresAreNamedInWords() {
    assertThat(IoErrors.reason(new AccessDeniedException("/data/a.nmea"))).isEqualTo("permission denied");
    SQLiteException full = new SQLiteException("[SQLITE_FULL] Insertion failed because database is full"
        + " (database or disk is full)", SQLiteErrorCode.SQLITE_FULL);
    // geopackage wraps SQLite's error in its own runtime exception when creating a table
    RuntimeException wrapped = new RuntimeException("Failed to execute SQL statement: CREATE TABLE gpkg_contents", full);
    assertThat(IoErrors.noSpace(wrapped)).isTrue();
    assertThat(IoErrors.noSpace(new IOException("No space left on device"))).isTrue();
    assertThat(IoErrors.noSpace(new IOException("Input/output error"))).isFalse();
  }

  @Test
  void stdinIsClosedWhenDescriptorZeroIsTheRuntimesOwnFile() throws IOException {
    Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
    assertThat(InputFiles.jvmOwnFile(modules)).isTrue();
    assertThat(InputFiles.jvmOwnFile(Files.writeString(dir.resolve("feed.nmea"), "$GPRMC"))).isFalse();
    assertThat(InputFiles.jvmOwnFile(Path.of("/dev/null"))).isFalse();
  }

  private java.util.List<Path> list() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
