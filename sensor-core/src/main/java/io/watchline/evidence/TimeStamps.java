package io.watchline.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Store;

/**
 * RFC 3161 time-stamps over a manifest: the request carries the manifest's SHA-256 (and a nonce),
 * any TSA answers with a signed token saying it saw that hash at a time. Nothing here touches the
 * network; the operator sends the {@code .tsq} (e.g. {@code curl --data-binary}) and keeps the
 * {@code .tsr}.
 */
public final class TimeStamps {
  private TimeStamps() {}

  /** The DER-encoded request for the SHA-256 of {@code data}, asking for the TSA's certificate. */
  public static byte[] request(byte[] data) throws IOException {
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    BigInteger nonce = new BigInteger(64, new SecureRandom());
    TimeStampRequest req = gen.generate(TSPAlgorithms.SHA256, FileHash.digest().digest(data), nonce);
    return req.getEncoded();
  }

  /** What a valid response says. */
  public record Stamp(Instant time, String tsa, BigInteger serial, String signerSubject, String signerSha256) {}

  /**
   * Checks a response against the data it should stamp: granted, SHA-256 imprint equal to the
   * data's, signature valid under the signer certificate (the one in the token, or {@code tsaCert}
   * when given) which must be a time-stamping certificate; with the request, also its nonce.
   *
   * @throws IOException naming what does not hold
   */
  public static Stamp check(byte[] response, byte[] data, byte[] requestOrNull, X509CertificateHolder tsaCert)
      throws IOException {
    TimeStampResponse resp;
    try {
      resp = new TimeStampResponse(response);
    } catch (TSPException | IOException | RuntimeException e) {
      throw new IOException("not an RFC 3161 time-stamp response: " + e.getMessage());
    }
    if (resp.getStatus() > 1) {
      throw new IOException("the TSA refused the request (status " + resp.getStatus() + ": " + resp.getStatusString() + ")");
    }
    TimeStampToken token = resp.getTimeStampToken();
    if (token == null) {
      throw new IOException("the response holds no time-stamp token");
    }
    TimeStampTokenInfo info = token.getTimeStampInfo();
    byte[] want = FileHash.digest().digest(data);
    if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())) {
      throw new IOException("the token stamps a " + info.getMessageImprintAlgOID() + " digest, not SHA-256");
    }
    if (!java.util.Arrays.equals(want, info.getMessageImprintDigest())) {
      throw new IOException("the token stamps SHA-256 " + HexFormat.of().formatHex(info.getMessageImprintDigest())
          + ", but the manifest's is " + HexFormat.of().formatHex(want) + ": the manifest changed or this is another manifest's token");
    }
    if (requestOrNull != null) {
      try {
        resp.validate(new TimeStampRequest(requestOrNull));
      } catch (TSPException | IOException e) {
        throw new IOException("the response does not answer the request: " + e.getMessage());
      }
    }
    X509CertificateHolder cert = tsaCert != null ? tsaCert : signerCertificate(token);
    try {
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
    } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
      throw new IOException("the token's signature does not verify with " + cert.getSubject() + ": " + e.getMessage());
    }
    String fp;
    try {
      fp = FileHash.sha256(cert.getEncoded());
    } catch (IOException e) {
      fp = "unknown";
    }
    return new Stamp(info.getGenTime().toInstant(), info.getTsa() == null ? null : info.getTsa().toString(),
        info.getSerialNumber(), cert.getSubject().toString(), fp);
  }

  // Bouncy Castle's Store and SignerId (a Selector) are raw types; the store holds certificate holders only.
  @SuppressWarnings("unchecked")
  private static X509CertificateHolder signerCertificate(TimeStampToken token) throws IOException {
    Store<X509CertificateHolder> certs = token.getCertificates();
    Collection<X509CertificateHolder> match = certs.getMatches(token.getSID());
    if (match.isEmpty()) {
      throw new IOException("the token carries no signer certificate; give the TSA's certificate with --tsa-cert");
    }
    return match.iterator().next();
  }
}
