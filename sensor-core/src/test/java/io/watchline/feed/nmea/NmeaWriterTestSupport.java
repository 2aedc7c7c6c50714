package io.watchline.feed.nmea;

/** Builds test sentences with correct checksums. */
final class NmeaWriterTestSupport {
  private NmeaWriterTestSupport() {}

  static String withChecksums(String... bodies) {
    StringBuilder sb = new StringBuilder();
    for (String b : bodies) {
      int sum = 0;
      for (int i = 0; i < b.length(); i++) {
        sum ^= b.charAt(i);
      }
      sb.append('$').append(b).append(String.format("*%02X", sum)).append("\r\n");
    }
    return sb.toString();
  }
}
