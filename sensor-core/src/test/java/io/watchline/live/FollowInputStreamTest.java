package io.watchline.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tail -F: appended lines, a rotation (rename + new file) and a truncation lose nothing. */
class FollowInputStreamTest {
  @TempDir Path dir;

  @Test
  void readsAppendsAcrossRotationAndTruncation() throws Exception {
    Path log = dir.resolve("feed.log");
    FollowInputStream in = new FollowInputStream(log, 10);
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] b = new byte[7]; // small reads: lines arrive in pieces
      try {
        for (int n; (n = in.read(b, 0, b.length)) >= 0; ) all.write(b, 0, n);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
      return all.toString(StandardCharsets.UTF_8);
    });
    Thread.sleep(50); // the file does not exist yet: the reader waits for it
    append(log, "a1\na2\n");
    waitUntilRead(in, log);
    Files.move(log, dir.resolve("feed.log.1")); // rotation
    append(dir.resolve("feed.log.1"), "a3\n"); // the old file's last words, written after the rename
    append(log, "b1\n");
    Thread.sleep(200);
    append(log, "b2\n");
    waitUntilRead(in, log);
    Files.writeString(log, "c1\n"); // truncated in place and rewritten (copytruncate)
    Thread.sleep(200);
    in.stop();
    String text = read.get(10, TimeUnit.SECONDS);
    assertThat(text).isEqualTo("a1\na2\na3\nb1\nb2\nc1\n");
    assertThat(in.rotations()).isEqualTo(2);
  }

  private static void append(Path p, String s) throws Exception {
    Files.writeString(p, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static void waitUntilRead(FollowInputStream in, Path p) throws Exception {
    for (int i = 0; i < 200 && in.available() > 0 || i < 5; i++) {
      Thread.sleep(20);
    }
  }
}
