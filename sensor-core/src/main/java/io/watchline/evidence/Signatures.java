package io.watchline.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over manifests with the JDK's own provider. Keys are PEM files: the private
 * key PKCS#8 ({@code PRIVATE KEY}), the public key X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}),
 * the forms {@code openssl pkey} reads. A signature is a detached file {@code <manifest>.sig}
 * holding the base64 of the 64 signature bytes.
 */
public final class Signatures {
  public static final String ALGORITHM = "Ed25519";

  private Signatures() {}

  /** Writes {@code privateFile} (mode 600 where the file system allows) and {@code publicFile}. */
  public static void generate(Path privateFile, Path publicFile) throws IOException {
    KeyPair kp;
    try {
      kp = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is in every Java 17 runtime", e);
    }
    Files.writeString(privateFile, pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(privateFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the operator protects the key file
    }
    Files.writeString(publicFile, pem("PUBLIC KEY", kp.getPublic().getEncoded()));
  }

  public static PrivateKey readPrivate(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + ": not an Ed25519 private key in PKCS#8 PEM (" + e.getMessage() + ")");
    }
  }

  public static PublicKey readPublic(Path file) throws IOException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(file, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + ": not an Ed25519 public key in PEM (" + e.getMessage() + ")");
    }
  }

  /** Signs the file's bytes and writes {@code <file>.sig}; returns the signature file. */
  public static Path sign(Path file, PrivateKey key) throws IOException {
    byte[] data = Files.readAllBytes(file);
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(data);
      Path sig = signatureFile(file);
      Files.writeString(sig, Base64.getEncoder().encodeToString(s.sign()) + "\n");
      return sig;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign " + file + ": " + e.getMessage(), e);
    }
  }

  /** True when {@code <file>.sig} is a valid signature of the file's bytes under {@code key}. */
  public static boolean verify(Path file, Path signature, PublicKey key) throws IOException {
    byte[] data = Files.readAllBytes(file);
    byte[] sig;
    try {
      sig = Base64.getMimeDecoder().decode(Files.readString(signature, StandardCharsets.US_ASCII).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(sig);
    } catch (java.security.SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot verify " + signature + ": " + e.getMessage(), e);
    }
  }

  public static Path signatureFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".sig");
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] unpem(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new IOException(file + ": no '" + begin + "' block (expected a PEM " + type.toLowerCase(java.util.Locale.ROOT) + ")");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException ex) {
      throw new IOException(file + ": bad base64 in the PEM block");
    }
  }
}
