package io.watchline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly archive as a hash chain, and an incident of a nightly run packed from the raw feeds. */
class EvidenceNightlyTest {
  @TempDir Path dir;

  int nightly(String date) {
    return EvidenceCommandTest.watchline("nightly", "--config", dir.resolve("nightly.yaml").toString(), "--date", date,
        "--sign", dir.resolve("k.pem").toString(), "-q").code();
  }

  @Test
  void threeNightsFormAChainThatNamesTheNightRemoved() throws Exception {
    NightlyCommandTest.writeFixtureNight(dir);
    assertThat(EvidenceCommandTest.watchline("evidence", "keygen", "-o", dir.resolve("k.pem").toString()).code()).isZero();
    for (String d : new String[] {"2026-11-28", "2026-11-29", "2026-11-30"}) assertThat(nightly(d)).isZero();
    Path out = dir.resolve("out");
    var ok = EvidenceCommandTest.watchline("evidence", "verify-chain", out.toString());
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out()).startsWith("VERIFIED chain of 3 night(s)");
    var sig = EvidenceCommandTest.watchline("evidence", "verify", out.resolve("2026-11-29").toString(),
        "--key", dir.resolve("k.pem.pub").toString(), "--originals", dir.toString());
    assertThat(sig.code()).as(sig.out()).isZero();
    assertThat(sig.out()).contains("signature manifest.json.sig verifies");

    // the crossing fusion found in the first night, packed from the raw feed and reproduced
    var pack = EvidenceCommandTest.watchline("evidence", "pack", "INC-20261127-0001", "--run", out.resolve("2026-11-28").toString(),
        "-o", dir.resolve("case").toString());
    assertThat(pack.code()).as(pack.err()).isZero();
    var v = EvidenceCommandTest.watchline("evidence", "verify", dir.resolve("case").toString(), "--originals", dir.toString(),
        "--key", dir.resolve("k.pem.pub").toString());
    assertThat(v.code()).as(v.out()).isZero();
    assertThat(v.out()).contains("reproduced: fusion on the 16 packaged observations gives crossing in S-04 MNE→ALB");
    assertThat(Files.readString(dir.resolve("case/records.ndjson"))).contains("\"file\":\"feeds/radar-east.ndjson\"");

    try (var s = Files.walk(out.resolve("2026-11-29"))) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
    var broken = EvidenceCommandTest.watchline("evidence", "verify-chain", out.toString());
    assertThat(broken.code()).isEqualTo(ExitCode.FAILURE);
    assertThat(broken.out()).contains("first broken link: 2026-11-30: links to night 2026-11-29, but the night before it"
        + " in the archive is 2026-11-28: night 2026-11-29 was removed");
  }
}
