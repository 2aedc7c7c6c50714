package io.watchline.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightChainTest {
  @TempDir Path root;

  /** Three nights, each made as nightly makes it: outputs, then the manifest linked to the night before. */
  @BeforeEach
  void threeNights() throws Exception {
    for (String night : List.of("2026-11-26", "2026-11-27", "2026-11-28")) {
      Path d = Files.createDirectories(root.resolve(night));
      Files.writeString(d.resolve("incidents.ndjson"), "{\"id\":\"INC-" + night + "\"}\n");
      RunManifest.Builder b = RunManifest.builder("nightly", List.of());
      RunManifest.Previous p = NightChain.previousOf(root, night);
      if (p != null) b.previous(p);
      b.output("incidents", d.resolve("incidents.ndjson")).write(d.resolve(NightChain.MANIFEST));
    }
    Files.createDirectories(root.resolve(".2026-11-29.tmp-123")); // a run in progress is no night
  }

  @Test
  void outputsAreNamedRelativeToTheManifestEvenThroughDotDot() throws Exception {
    // nightly roots are often given relative to the config ("../nightly"); the folder is renamed on
    // publishing, so an absolute path into it would name the staging folder
    Path d = Files.createDirectories(root.resolve("inputs")).resolve("../2026-11-30");
    Files.createDirectories(d);
    Files.writeString(d.resolve("incidents.ndjson"), "{}\n");
    RunManifest.builder("nightly", List.of()).output("incidents", d.resolve("incidents.ndjson")).write(d.resolve("manifest.json"));
    assertThat(RunManifest.read(root.resolve("2026-11-30/manifest.json")).outputs().get(0).path()).isEqualTo("incidents.ndjson");
  }

  @Test
  void anUntouchedArchiveIsOneChain() throws Exception {
    assertThat(NightChain.verify(root)).isEmpty();
    RunManifest last = RunManifest.read(root.resolve("2026-11-28/manifest.json"));
    assertThat(last.previous().night()).isEqualTo("2026-11-27");
    assertThat(last.previous().sha256()).isEqualTo(FileHash.of(root.resolve("2026-11-27/manifest.json")).sha256());
  }

  @Test
  void deletingANightIsNamedAtTheNextNight() throws Exception {
    deleteTree(root.resolve("2026-11-27"));
    List<NightChain.Problem> p = NightChain.verify(root);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).toString()).isEqualTo(
        "2026-11-28: links to night 2026-11-27, but the night before it in the archive is 2026-11-26: night 2026-11-27 was removed");
  }

  @Test
  void deletingTheFirstNightIsNamed() throws Exception {
    deleteTree(root.resolve("2026-11-26"));
    assertThat(NightChain.verify(root).get(0).toString()).startsWith("2026-11-27: links to night 2026-11-26")
        .contains("earlier nights were removed");
  }

  @Test
  void oneByteOfAPastManifestBreaksTheNextLink() throws Exception {
    Path m = root.resolve("2026-11-26/manifest.json");
    byte[] b = Files.readAllBytes(m);
    int at = new String(b, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"command\"") + 13;
    b[at] ^= 1;
    Files.write(m, b);
    List<NightChain.Problem> p = NightChain.verify(root);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).night()).isEqualTo("2026-11-27");
    assertThat(p.get(0).message()).contains("2026-11-26/manifest.json with sha256").contains("night 2026-11-26's manifest was altered");
  }

  @Test
  void oneByteOfAPastOutputIsNamedWithItsNight() throws Exception {
    Path f = root.resolve("2026-11-27/incidents.ndjson");
    byte[] b = Files.readAllBytes(f);
    b[2] ^= 1;
    Files.write(f, b);
    List<NightChain.Problem> p = NightChain.verify(root);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).toString()).startsWith("2026-11-27: incidents.ndjson has sha256").contains("altered after the run");
  }

  @Test
  void hashingWhileReadingGivesTheFileHash() throws Exception {
    Path f = root.resolve("data.bin");
    byte[] data = new byte[100_003];
    new java.util.Random(5).nextBytes(data);
    Files.write(f, data);
    try (HashingInputStream in = new HashingInputStream(Files.newInputStream(f))) {
      in.read(new byte[10]);
      in.read();
      in.skip(5000);
      assertThat(FileHash.drain(in)).isEqualTo(FileHash.of(f)).isEqualTo(FileHash.of(data));
    }
    assertThat(FileHash.of(f).size()).isEqualTo(100_003);
  }

  static void deleteTree(Path p) throws Exception {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
