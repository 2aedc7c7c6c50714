package io.watchline.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerKeyTest {
  @TempDir Path tmp;

  @Test
  void pseudonymIsTheKeyedHmacOfTheIdAndStableOverLoads() throws Exception {
    byte[] secret = "alb-mne shared secret, 2026".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("alb.key"), secret);
    PartnerKey monday = PartnerKey.load(file);
    PartnerKey friday = PartnerKey.load(file);
    assertThat(monday.sensor("RDR-02")).isEqualTo(friday.sensor("RDR-02"));

    // Oracle: the JDK's HMAC over "sensor" NUL id, first 8 bytes in hex.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    mac.update("sensor".getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] h = mac.doFinal("RDR-02".getBytes(StandardCharsets.UTF_8));
    assertThat(monday.sensor("RDR-02")).isEqualTo("SEN-" + HexFormat.of().formatHex(h, 0, 8));
  }

  @Test
  void anotherPartnersKeyGivesUnrelatedPseudonyms() throws IOException {
    PartnerKey alb = new PartnerKey("key agreed with Albania ......".getBytes(StandardCharsets.UTF_8));
    PartnerKey kos = new PartnerKey("key agreed with Kosovo .......".getBytes(StandardCharsets.UTF_8));
    for (String id : new String[] {"RDR-01", "RDR-02", "CAM-03", "GPS-11"}) {
      assertThat(alb.sensor(id)).isNotEqualTo(kos.sensor(id)).doesNotContain(id).matches("SEN-[0-9a-f]{16}");
    }
    assertThat(alb.sensor("RDR-01")).isNotEqualTo(alb.sensor("RDR-02"));
    assertThat(alb.fingerprint()).isNotEqualTo(kos.fingerprint());
  }

  @Test
  void shortKeysAreRefused() {
    assertThatThrownBy(() -> new PartnerKey(new byte[8])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16 bytes");
  }
}
