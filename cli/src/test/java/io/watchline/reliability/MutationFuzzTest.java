package io.watchline.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutation fuzzing of every subject, in every build: mutates the real samples (see {@link
 * Mutator}) and asserts the subject's invariants on each result, and runs the no-loss checks on
 * the intact seeds. Each build runs the same {@code -Dwatchline.fuzz.iterations} (default 400)
 * mutations per subject, so a result never depends on how fast the machine is;
 * {@code -Dwatchline.fuzz.millis} runs by time instead, and {@code -Dwatchline.fuzz.seed} picks
 * another deterministic sequence. A failing input is saved
 * under {@code target/fuzz-failures/<subject>/} so it can become a regression file.
 */
class MutationFuzzTest {
  static List<FuzzSubject> subjects() {
    return Subjects.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void mutatedSamplesKeepTheInvariants(FuzzSubject subject) throws IOException {
    Long budget = Long.getLong("watchline.fuzz.millis");
    int fixedIterations = Integer.getInteger("watchline.fuzz.iterations", 400);
    long baseSeed = Long.getLong("watchline.fuzz.seed", 20261128L) ^ subject.name().hashCode();
    List<byte[]> seeds = new ArrayList<>();
    for (Path p : subject.seeds()) {
      seeds.add(Samples.bytes(p));
    }
    // The seeds themselves first: real files must pass every check unmutated.
    for (byte[] s : seeds) {
      subject.check(s);
    }
    long started = System.nanoTime();
    long end = budget == null ? Long.MAX_VALUE : started + budget * 1_000_000;
    int iterations = 0;
    while (budget == null ? iterations < fixedIterations : (System.nanoTime() < end || iterations < 20)) {
      Random rnd = new Random(baseSeed + iterations);
      byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
      byte[] input = seed.length > 256 * 1024 ? window(seed, rnd) : seed;
      byte[] mutated = new Mutator(rnd).mutate(input, seeds);
      try {
        subject.check(mutated);
        if (iterations % 8 == 0) {
          subject.checkNoLoss(input, rnd);
        }
      } catch (AssertionError e) {
        Path saved = save(subject, mutated);
        throw new AssertionError(e.getMessage() + "\n  iteration " + iterations + " of seed "
            + baseSeed + "; input saved to " + saved, e);
      }
      iterations++;
    }
    System.err.printf("fuzz %s: %d mutated inputs in %d ms%n", subject.name(), iterations,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Large recordings are fuzzed by their first 64 KiB (headers included), so each check stays fast. */
  private static byte[] window(byte[] seed, Random rnd) {
    return Mutator.slice(seed, 0, 64 * 1024);
  }

  static Path save(FuzzSubject subject, byte[] data) throws IOException {
    Path dir = Path.of("target", "fuzz-failures", subject.name());
    Files.createDirectories(dir);
    Path p = dir.resolve(FeedRun.sha1(data));
    Files.write(p, data);
    return p.toAbsolutePath();
  }
}
