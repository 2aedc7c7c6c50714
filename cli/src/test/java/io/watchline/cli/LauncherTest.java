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

  private static void script(Path p, String body) throws IOException {
    Files.writeString(p, "#!/bin/bash\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
