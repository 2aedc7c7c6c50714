package io.watchline.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every input the fuzzers ever found ({@code fixtures/data/fuzz-regressions/<subject>/})
 * through the same invariant checks, in every build.
 */
class RegressionReplayTest {
  static Path root() {
    return Samples.fixtures().resolve("fuzz-regressions");
  }

  static List<Arguments> regressions() throws Exception {
    List<Arguments> out = new ArrayList<>();
    try (var dirs = Files.list(root())) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        FuzzSubject s = Subjects.byName(dir.getFileName().toString());
        for (Path f : Samples.filesOrNone(dir, "*")) {
          out.add(Arguments.of(s.name() + "/" + f.getFileName(), s, f));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressions")
  void regressionInputKeepsTheInvariants(String name, FuzzSubject subject, Path file) {
    subject.check(Samples.bytes(file));
  }

  @Test
  void everyRegressionFolderNamesAKnownSubject() throws Exception {
    // byName throws for an unknown folder; also guards against the replay finding nothing.
    assertThat(regressions()).isNotEmpty();
  }
}
