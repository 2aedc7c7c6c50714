package io.watchline.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesAndTimeStampsTest {
  @TempDir Path dir;

  @Test
  void aSignedManifestVerifiesWithItsPublicKeyOnly() throws Exception {
    Path key = dir.resolve("k.pem");
    Path pub = dir.resolve("k.pem.pub");
    Path other = dir.resolve("o.pem");
    Signatures.generate(key, pub);
    Signatures.generate(other, dir.resolve("o.pem.pub"));
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, "{\"format\":\"" + RunManifest.FORMAT + "\",\"outputs\":[]}\n");
    Path sig = Signatures.sign(manifest, Signatures.readPrivate(key));
    assertThat(sig).hasFileName("manifest.json.sig");
    assertThat(Signatures.verify(manifest, sig, Signatures.readPublic(pub))).isTrue();
    assertThat(Signatures.verify(manifest, sig, Signatures.readPublic(dir.resolve("o.pem.pub")))).isFalse();
    // one byte of the manifest changed: the signature no longer holds
    byte[] b = Files.readAllBytes(manifest);
    b[3] ^= 1;
    Files.write(manifest, b);
    assertThat(Signatures.verify(manifest, sig, Signatures.readPublic(pub))).isFalse();
    var report = ManifestCheck.verify(manifest, Signatures.readPublic(pub), null, null, List.of());
    assertThat(report.failures()).anySatisfy(f -> assertThat(f).contains("manifest.json.sig: does not verify with the given public key"));
  }

  @Test
  void aPrivateKeyIsNotAcceptedAsPublicAndTheMessageSaysWhy() throws Exception {
    Path key = dir.resolve("k.pem");
    Signatures.generate(key, dir.resolve("k.pem.pub"));
    assertThatThrownBy(() -> Signatures.readPublic(key)).hasMessageContaining("no '-----BEGIN PUBLIC KEY-----' block");
  }

  @Test
  void aTimeStampFromATsaVerifiesAgainstItsManifestAndNoOther() throws Exception {
    byte[] manifest = "{\"format\":\"watchline-run-manifest/1\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] tsq = TimeStamps.request(manifest);
    TimeStampRequest req = new TimeStampRequest(tsq);
    assertThat(req.getMessageImprintAlgOID()).isEqualTo(TSPAlgorithms.SHA256);
    assertThat(req.getMessageImprintDigest()).isEqualTo(FileHash.digest().digest(manifest));
    assertThat(req.getCertReq()).isTrue();
    assertThat(req.getNonce()).isNotNull();

    Tsa tsa = new Tsa();
    byte[] tsr = tsa.answer(req);
    TimeStamps.Stamp s = TimeStamps.check(tsr, manifest, tsq, null);
    assertThat(s.time()).isEqualTo(Tsa.TIME.toInstant());
    assertThat(s.signerSubject()).isEqualTo("CN=Test TSA");

    byte[] changed = manifest.clone();
    changed[5] ^= 1;
    assertThatThrownBy(() -> TimeStamps.check(tsr, changed, null, null))
        .hasMessageContaining("the token stamps SHA-256").hasMessageContaining("the manifest changed");
    // an answer to another request (other nonce) is not this request's answer
    byte[] otherTsq = TimeStamps.request(manifest);
    assertThatThrownBy(() -> TimeStamps.check(tsr, manifest, otherTsq, null)).hasMessageContaining("does not answer the request");
    // a token signed by one TSA does not verify under another TSA's certificate
    assertThatThrownBy(() -> TimeStamps.check(tsr, manifest, tsq, new Tsa().cert))
        .hasMessageContaining("signature does not verify");
    byte[] broken = tsr.clone();
    broken[broken.length - 10] ^= 1;
    assertThatThrownBy(() -> TimeStamps.check(broken, manifest, tsq, null)).isInstanceOf(java.io.IOException.class);
  }

  /** A time-stamp authority in a test: self-signed RSA certificate for time-stamping only. */
  static final class Tsa {
    static final Date TIME = new Date(1_795_000_000_000L);
    final KeyPair keys;
    final X509CertificateHolder cert;

    Tsa() throws Exception {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      keys = g.generateKeyPair();
      X500Name name = new X500Name("CN=Test TSA");
      var b = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(TIME.getTime() - 86_400_000L),
          new Date(TIME.getTime() + 86_400_000L * 365), name, keys.getPublic());
      b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      cert = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
    }

    byte[] answer(TimeStampRequest req) throws Exception {
      var digest = new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
      var signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", keys.getPrivate(),
          new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(cert));
      TimeStampTokenGenerator tg = new TimeStampTokenGenerator(signer, digest, new ASN1ObjectIdentifier("1.2.3.4.1"));
      tg.addCertificates(new JcaCertStore(List.of(cert)));
      TimeStampResponseGenerator rg = new TimeStampResponseGenerator(tg, TSPAlgorithms.ALLOWED);
      return rg.generate(req, BigInteger.valueOf(42), TIME).getEncoded();
    }
  }
}
