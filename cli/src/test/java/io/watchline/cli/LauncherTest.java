package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./watchline} launcher, run on a copy of itself with stand-ins for {@code mvn} (slow,
 * counts its builds, makes the jar) and {@code java} (says which jar it ran): two first runs at
 * once build once; the second waits for the first build and then runs the jar it made.
 */
class LauncherTest {
  @TempDir Path tmp;

  @Test
  void twoConcurrentFirstRunsBuildOnceAndBothRun() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Path launcher = SampleFiles.fixtures().getParent().getParent().resolve("watchline");
    Files.copy(launcher, root.resolve("watchline"));
    Files.createDirectories(root.resolve("cli"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path builds = tmp.resolve("builds.log");
    script(bin.resolve("mvn"), "echo build >> '" + builds + "'\nsleep 3\n"
        + "mkdir -p cli/target && echo jar > cli/target/watchline-app.jar\n");
    script(bin.resolve("java"), "echo \"ran ${@: -2}\"\n");

    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessBuilder pb = new ProcessBuilder("/bin/bash", root.resolve("watchline").toString(), "demo");
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      pb.redirectErrorStream(true);
      runs.add(pb.start());
    }
    List<String> outputs = new ArrayList<>();
    for (Process p : runs) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
      String out = new String(p.getInputStream().readAllBytes());
      outputs.add(out);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("ran " + root.resolve("cli/target/watchline-app.jar") + " demo");
    }
    assertThat(Files.readAllLines(builds)).as("builds in one tree").containsExactly("build");
    assertThat(String.join("", outputs)).contains("another run is building the application; waiting");
  }

  /**
   * The launcher's Class Data Sharing archive, with a stand-in {@code java} that reports Java 17
   * and makes (or, told to, fails to make) the archive: made once on first use and then passed
   * to every start; a failed dump leaves a normal start with nothing printed.
   */
  @Test
  void theClassDataSharingArchiveIsMadeOnFirstUseAndAFailedDumpFallsBackSilently() throws Exception {
    Path jar = launcherWithBuiltJar();
    Path root = jar.getParent().getParent().getParent();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path dumps = tmp.resolve("dumps.log");
    script(bin.resolve("java"), "case \"$*\" in\n"
        + "  *XshowSettings*) echo '    java.specification.version = 17' >&2 ;;\n"
        + "  *DumpLoadedClassList=*) echo \"$4 $5\" > \"${1#-XX:DumpLoadedClassList=}\" ;;\n"
        + "  *Xshare:dump*) echo dump >> '" + dumps + "'; [ \"${FAIL_DUMP:-0}\" = 1 ] && exit 1\n"
        + "    cat \"${2#-XX:SharedClassListFile=}\" >> '" + dumps + "'\n"
        + "    a=\"${3#-XX:SharedArchiveFile=}\"; echo archive > \"$a\" ;;\n"
        + "  *) echo \"ran $*\" ;;\n"
        + "esac\n");

    String failed = launch(root, bin, "1");
    assertThat(failed).isEqualTo("ran -jar " + jar + " demo\n");
    try (var files = Files.list(jar.getParent().resolve("cds"))) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.contains(".jsa"));
    }

    assertThat(launch(root, bin, "0")).as("not retried for the same jar").isEqualTo(failed);
    // a rebuilt jar gets its own archive
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    String first = launch(root, bin, "0");
    String second = launch(root, bin, "0");
    assertThat(first).startsWith("ran -XX:SharedArchiveFile=" + jar.getParent().resolve("cds") + "/app-")
        .endsWith(".jsa -Xlog:cds=off -Xlog:cds+dynamic=off -jar " + jar + " demo\n");
    assertThat(second).isEqualTo(first);
    assertThat(Files.readAllLines(dumps)).as("one failed dump, then, for the new jar, one that worked"
        + " from the classes of two training runs").containsExactly("dump", "dump", "--help ", "ingest -q");
    assertThat(launch(root, bin, "0", "ingest", "--date", "2026-11-27", jar.toString()))
        .as("a small ingest stops at the quick compiler").contains(" -XX:TieredStopAtLevel=1 -jar ");
    assertThat(launch(root, bin, "0", "ingest", "-")).as("stdin: size unknown").doesNotContain("TieredStopAtLevel");
    assertThat(launch(root, bin, "0", "fuse", jar.toString())).doesNotContain("TieredStopAtLevel");
  }

  /**
   * On Java 24 and later the launcher makes an AOT cache instead: one training ingest recorded,
   * then the cache created from that record, and every start passes it with -XX:AOTCache.
   */
  @Test
  void onJava24AndLaterTheArchiveIsAnAotCacheTrainedByAnIngest() throws Exception {
    Path jar = launcherWithBuiltJar();
    Path root = jar.getParent().getParent().getParent();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path steps = tmp.resolve("steps.log");
    script(bin.resolve("java"), "case \"$*\" in\n"
        + "  *XshowSettings*) echo '    java.specification.version = 25' >&2 ;;\n"
        + "  *AOTMode=record*) [ \"${FAIL_DUMP:-0}\" = 1 ] && exit 1\n"
        + "    echo \"record $7 $8\" >> '" + steps + "'; echo conf > \"${2#-XX:AOTConfiguration=}\" ;;\n"
        + "  *AOTMode=create*) echo \"create $(cat \"${2#-XX:AOTConfiguration=}\")\" >> '" + steps + "'\n"
        + "    echo cache > \"${3#-XX:AOTCache=}\" ;;\n"
        + "  *) echo \"ran $*\" ;;\n"
        + "esac\n");

    assertThat(launch(root, bin, "1")).as("a failed training run: a normal start")
        .isEqualTo("ran -jar " + jar + " demo\n");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Path cds = jar.getParent().resolve("cds");
    long jarTime = Files.getLastModifiedTime(jar).toMillis() / 1000;
    Path olderJars = Files.writeString(cds.resolve("app-1-2-3.jsa"), "old");
    Path otherJdk = Files.writeString(cds.resolve("app-" + jarTime + "-4-5.jsa"), "17");
    String first = launch(root, bin, "0");
    assertThat(olderJars).as("an older jar's archive is removed").doesNotExist();
    assertThat(otherJdk).as("this jar's archive for another JDK stays").exists();
    Files.delete(otherJdk);
    assertThat(first).startsWith("ran -XX:AOTCache=" + jar.getParent().resolve("cds") + "/app-")
        .endsWith(".aot -Xlog:aot=off -Xlog:cds=off -jar " + jar + " demo\n");
    assertThat(launch(root, bin, "0")).isEqualTo(first);
    assertThat(Files.readAllLines(steps)).as("one training ingest, one cache made from its record")
        .containsExactly("record ingest -q", "create conf");
    try (var files = Files.list(jar.getParent().resolve("cds"))) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no training leftovers")
          .allMatch(f -> f.startsWith("java-") || f.startsWith("app-") && f.endsWith(".aot"));
    }
  }

  /** A copy of the launcher in a repository whose application jar is already built; returns the jar. */
  private Path launcherWithBuiltJar() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path root = Files.createDirectories(tmp.resolve("repo"));
    Files.copy(SampleFiles.fixtures().getParent().getParent().resolve("watchline"), root.resolve("watchline"));
    Path jar = root.resolve("cli/target/watchline-app.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "jar");
    return jar;
  }

  private static String launch(Path root, Path bin, String failDump, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("watchline").toString()));
    command.addAll(args.length == 0 ? List.of("demo") : List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("FAIL_DUMP", failDump);
    pb.environment().remove("WATCHLINE_CDS");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static void script(Path p, String body) throws IOException {
    Files.writeString(p, "#!/bin/bash\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
