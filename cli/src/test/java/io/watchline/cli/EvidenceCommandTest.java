package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence end to end on the bundled demo night: fuse writes a signed manifest; every incident is
 * packed, verified and reproduced by fusion on its own records; one changed byte anywhere in the
 * chain fails verification with the file and offset named.
 */
class EvidenceCommandTest {
  static final Path NIGHT = Path.of("../fixtures/data/demo/night");
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path feeds;
  static Path run;
  static List<String> ids = new ArrayList<>();

  /** Runs a command line in this JVM; the same harness as the other command tests. */
  static IngestCommandTest.Run watchline(String... args) {
    return IngestCommandTest.run(args);
  }

  @BeforeAll
  static void fuseTheDemoNight() throws Exception {
    feeds = Files.createDirectories(dir.resolve("feeds"));
    for (String f : List.of("radar.ndjson", "thermal.ndjson", "patrol.ndjson")) Files.copy(NIGHT.resolve(f), feeds.resolve(f));
    assertThat(watchline("evidence", "keygen", "-o", dir.resolve("keys/sign.pem").toString()).code()).isZero();
    run = dir.resolve("run");
    var r = watchline("fuse", feeds.resolve("radar.ndjson").toString(), feeds.resolve("thermal.ndjson").toString(),
        feeds.resolve("patrol.ndjson").toString(), "--border", "../fixtures/data/borders/mne-alb.geojson",
        "--sites", "../fixtures/data/demo/sites.yaml", "-o", run.resolve("incidents.ndjson").toString(),
        "--sign", dir.resolve("keys/sign.pem").toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    for (String line : Files.readAllLines(run.resolve("incidents.ndjson"))) ids.add(JSON.readTree(line).get("id").asText());
  }

  @Test
  void theManifestNamesEveryInputAndOutputByHash() throws Exception {
    JsonNode m = JSON.readTree(run.resolve("manifest.json").toFile());
    assertThat(m.get("command").asText()).isEqualTo("fuse");
    assertThat(m.get("inputs").findValuesAsText("role")).contains("observations", "border", "sites");
    for (JsonNode in : m.get("inputs")) {
      Path p = Path.of(in.get("absolute").asText());
      assertThat(in.get("sha256").asText()).as(p.toString()).isEqualTo(sha256(Files.readAllBytes(p)));
      assertThat(in.get("size").asLong()).isEqualTo(Files.size(p));
    }
    JsonNode out = m.get("outputs").get(0);
    assertThat(out.get("path").asText()).isEqualTo("incidents.ndjson");
    assertThat(out.get("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(run.resolve("incidents.ndjson"))));
    assertThat(m.get("parameters").get("fusion.min_score").asDouble()).isEqualTo(0.5);
    assertThat(m.get("clock_offsets_ms").size()).isGreaterThan(0);
    // each incident names the files of its evidence by hash, so moving them breaks nothing
    JsonNode first = JSON.readTree(Files.readAllLines(run.resolve("incidents.ndjson")).get(0));
    assertThat(first.get("evidence_files").get(0).get("sha256").asText())
        .isEqualTo(sha256(Files.readAllBytes(feeds.resolve(first.get("evidence_files").get(0).get("file").asText()))));
  }

  @Test
  void theSignedManifestVerifiesWithItsPublicKeyAndFailsWithAnother() throws Exception {
    Path manifest = run.resolve("manifest.json");
    var ok = watchline("evidence", "verify", manifest.toString(), "--key", dir.resolve("keys/sign.pem.pub").toString());
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out()).contains("signature manifest.json.sig verifies").contains("VERIFIED");
    watchline("evidence", "keygen", "-o", dir.resolve("keys/other.pem").toString());
    var bad = watchline("evidence", "verify", manifest.toString(), "--key", dir.resolve("keys/other.pem.pub").toString());
    assertThat(bad.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(bad.out()).contains("FAIL ").contains("manifest.json.sig: does not verify with the given public key");
  }

  @Test
  void everyIncidentOfTheNightPacksVerifiesAndIsReproducedByFusion() throws Exception {
    assertThat(ids).hasSizeGreaterThan(5);
    for (String id : ids) {
      Path pkg = dir.resolve("all/" + id);
      var p = watchline("evidence", "pack", id, "--run", run.toString(), "-o", pkg.toString(), "-q");
      assertThat(p.code()).as(p.err()).isZero();
      var v = id.equals(ids.get(0))
          ? watchline("evidence", "verify", pkg.toString(), "--originals", feeds.toString())
          : watchline("evidence", "verify", pkg.toString());
      assertThat(v.code()).as(id + "\n" + v.out()).isZero();
      assertThat(v.out()).contains("reproduced: fusion on the").contains("VERIFIED");
    }
    Path pkg = dir.resolve("all/" + ids.get(0));
    try (ZipFile z = new ZipFile(dir.resolve("all/" + ids.get(0) + ".zip").toFile())) {
      assertThat(z.getEntry(ids.get(0) + "/package.json")).isNotNull();
      assertThat(z.getEntry(ids.get(0) + "/track.png")).isNotNull();
    }
    // the excerpts are the original bytes at the listed offsets
    JsonNode rec = JSON.readTree(Files.readAllLines(pkg.resolve("records.ndjson")).get(0));
    byte[] original = Files.readAllBytes(feeds.resolve(rec.get("file").asText()));
    byte[] excerpt = Files.readAllBytes(pkg.resolve(rec.get("excerpt").asText()));
    int off = rec.get("offset").asInt();
    int len = rec.get("length").asInt();
    assertThat(java.util.Arrays.copyOfRange(excerpt, 0, len)).isEqualTo(java.util.Arrays.copyOfRange(original, off, off + len));
    assertThat(new String(excerpt, 0, len, StandardCharsets.UTF_8)).startsWith("{\"t\":").endsWith("}\n");
    assertThat(Files.readString(pkg.resolve("summary.html"))).contains(ids.get(0)).contains(rec.get("file_sha256").asText());
  }

  @Test
  void oneChangedByteOfAnExcerptIsNamedWithItsOffsets() throws Exception {
    Path pkg = pack("excerpt");
    JsonNode rec = JSON.readTree(Files.readAllLines(pkg.resolve("records.ndjson")).get(2));
    Path excerpt = pkg.resolve(rec.get("excerpt").asText());
    flip(excerpt, rec.get("excerpt_offset").asLong() + 7);
    var v = watchline("evidence", "verify", pkg.toString());
    assertThat(v.code()).isEqualTo(ExitCode.FAILURE);
    long at = rec.get("excerpt_offset").asLong();
    assertThat(v.out()).contains(excerpt + " bytes " + at + ".." + (at + rec.get("length").asLong()) + " (record of "
        + rec.get("file").asText() + " @ offset " + rec.get("offset").asLong() + "): sha256")
        .contains("the excerpt was altered")
        .contains(excerpt + ": sha256").contains("fusion was not re-run");
  }

  @Test
  void aPackageNamingFilesOutsideItselfIsRefused() throws Exception {
    Path pkg = pack("outside");
    Path pj = pkg.resolve("package.json");
    Files.writeString(pj, Files.readString(pj).replace("\"path\" : \"incident.json\"", "\"path\" : \"../../feeds/radar.ndjson\""));
    var v = watchline("evidence", "verify", pkg.toString());
    assertThat(v.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(v.out()).contains("names '../../feeds/radar.ndjson', which is outside the package");
  }

  @Test
  void oneChangedByteOfAnOriginalFeedIsNamedWithTheRecordsOffset() throws Exception {
    Path pkg = pack("original");
    JsonNode rec = JSON.readTree(Files.readAllLines(pkg.resolve("records.ndjson")).get(3));
    Path copies = Files.createDirectories(dir.resolve("altered-feeds"));
    Path original = copies.resolve(rec.get("file").asText());
    Files.copy(feeds.resolve(rec.get("file").asText()), original);
    long at = rec.get("offset").asLong() + 10;
    flip(original, at);
    var v = watchline("evidence", "verify", pkg.toString(), "--originals", copies.toString(), "--no-reproduce");
    assertThat(v.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(v.out())
        .contains(original + ": sha256").contains("the original was altered since the run")
        .contains(original + " @ offset " + rec.get("offset").asLong() + " (" + rec.get("length").asLong()
            + "-byte record): differs from the excerpt at byte " + at);
  }

  @Test
  void oneChangedByteOfTheRunManifestIsNamed() throws Exception {
    Path pkg = pack("manifest");
    Path m = pkg.resolve("run/manifest.json");
    byte[] b = Files.readAllBytes(m);
    int at = new String(b, StandardCharsets.UTF_8).indexOf("\"started\"") + 14;
    flip(m, at);
    var v = watchline("evidence", "verify", pkg.toString());
    assertThat(v.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(v.out()).contains(m + ": sha256").contains("package.json lists");
    var sig = watchline("evidence", "verify", m.toString(), "--key", dir.resolve("keys/sign.pem.pub").toString());
    assertThat(sig.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(sig.out()).contains("manifest.json.sig: does not verify");
  }

  @Test
  void toStandardOutputAManifestIsWrittenOnlyWhereAsked() throws Exception {
    String[] base = {"fuse", feeds.resolve("patrol.ndjson").toString(), "--border", "../fixtures/data/borders/mne-alb.geojson",
        "--sites", "../fixtures/data/demo/sites.yaml", "-q"};
    var signed = watchline(concat(base, "--sign", dir.resolve("keys/sign.pem").toString()));
    assertThat(signed.code()).isEqualTo(ExitCode.USAGE);
    assertThat(signed.err()).contains("give --manifest FILE");
    Path m = dir.resolve("stdout-run/manifest.json");
    assertThat(watchline(concat(base, "--manifest", m.toString())).code()).isZero();
    JsonNode n = JSON.readTree(m.toFile());
    assertThat(n.get("outputs")).isEmpty();
    assertThat(n.get("inputs").get(0).get("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(feeds.resolve("patrol.ndjson"))));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aTimeStampRequestHoldsTheManifestsHash() throws Exception {
    Path m = dir.resolve("tsq/manifest.json");
    Files.createDirectories(m.getParent());
    Files.copy(run.resolve("manifest.json"), m);
    assertThat(watchline("evidence", "tsq", m.toString(), "-q").code()).isZero();
    var req = new org.bouncycastle.tsp.TimeStampRequest(Files.readAllBytes(dir.resolve("tsq/manifest.json.tsq")));
    assertThat(java.util.HexFormat.of().formatHex(req.getMessageImprintDigest())).isEqualTo(sha256(Files.readAllBytes(m)));
  }

  private static Path pack(String name) {
    Path pkg = dir.resolve("t/" + name);
    var p = watchline("evidence", "pack", ids.get(0), "--run", run.toString(), "-o", pkg.toString(), "-q");
    assertThat(p.code()).as(p.err()).isZero();
    return pkg;
  }

  static void flip(Path file, long at) throws Exception {
    byte[] b = Files.readAllBytes(file);
    b[(int) at] ^= 0x01;
    Files.write(file, b);
  }

  static String sha256(byte[] b) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
  }
}
