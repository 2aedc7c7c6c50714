package io.watchline.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (lower-case hex) and size of a file or of the bytes a stream delivered. */
public record FileHash(String sha256, long size) {

  /** Hashes a whole file, streaming. */
  public static FileHash of(Path file) throws IOException {
    try (HashingInputStream in = new HashingInputStream(Files.newInputStream(file))) {
      return drain(in);
    }
  }

  public static FileHash of(byte[] bytes) {
    return new FileHash(hex(digest().digest(bytes)), bytes.length);
  }

  public static String sha256(byte[] bytes) {
    return of(bytes).sha256();
  }

  static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest);
  }

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Discards what it is given: hashing a stream only needs it read. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** Skips to EOF and returns the hash of everything the stream delivered. */
  public static FileHash drain(HashingInputStream in) throws IOException {
    in.transferTo(OutputStreamSink.INSTANCE);
    return in.hash();
  }
}
