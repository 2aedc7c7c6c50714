package io.watchline.share;

import io.watchline.geo.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret shared with one partner: keyed pseudonyms (HMAC-SHA-256) for sensor ids and evidence
 * references. The same key gives the same pseudonym every night, so the partner can follow "a
 * sensor" over weeks; another partner's key gives unrelated pseudonyms, and without the key nobody
 * can test a guess ("is SEN-… RDR-02?"), which a plain hash would allow. Not thread-safe (one
 * MAC is reused).
 */
public final class PartnerKey {
  /** Fewer bytes than this would be guessable. */
  public static final int MIN_BYTES = 16;

  private final Mac mac;
  private final String fingerprint;

  public PartnerKey(byte[] secret) {
    if (secret.length < MIN_BYTES) {
      throw new InvalidValueException("a partner key needs at least " + MIN_BYTES + " bytes, this one has " + secret.length
          + " (make one with: head -c 32 /dev/urandom > partner.key)");
    }
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.clone(), "HmacSHA256"));
      byte[] d = MessageDigest.getInstance("SHA-256").digest(secret);
      this.fingerprint = HexFormat.of().formatHex(Arrays.copyOf(d, 4));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 or SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The key file's bytes, as they are (binary or text; a text key's trailing newline is part of it). */
  public static PartnerKey load(Path file) throws IOException {
    return new PartnerKey(Files.readAllBytes(file));
  }

  /** A short public fingerprint, so both sides can check they hold the same key without showing it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** {@code prefix} + the first 16 hex digits of HMAC-SHA-256(key, namespace NUL value). */
  public String pseudonym(String prefix, String namespace, String value) {
    mac.update(namespace.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] h = mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return prefix + HexFormat.of().formatHex(h, 0, 8);
  }

  /** The pseudonym of a sensor (radar, camera or patrol GPS device) id. */
  public String sensor(String id) {
    return pseudonym("SEN-", "sensor", id);
  }
}
