package io.watchline.feed.nmea;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchline.feed.TestData;
import io.watchline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live (a TCP connection, a followed file): a fix is handed on as soon as the sentence that
 * completes its epoch has arrived, not when the next epoch begins. Real receiver logs are sent one
 * sentence at a time; after each one, every fix the whole-file read takes from the lines sent so
 * far must be out, and the fixes are those of the whole-file read.
 */
class NmeaLiveTest {
  @ParameterizedTest
  @ValueSource(strings = {"garmin17n", "neo-m8n", "bu353s4", "nmea-rtk"})
  void eachFixLeavesWithTheSentenceThatCompletesIt(String name) throws Exception {
    byte[] log = Files.readAllBytes(TestData.fixture("nmea/" + name + ".log"));
    List<Observation> whole = TestData.readAll(
        new NmeaReader(new ByteArrayInputStream(log), name, "unit", null, new TestData.Rejects()));
    assertThat(whole).isNotEmpty();

    PipedOutputStream sender = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(sender, log.length + 1);
    NmeaReader live = new NmeaReader(in, name, "unit", null, new TestData.Rejects());
    BlockingQueue<Observation> got = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        for (Observation o; (o = live.next()) != null; ) got.add(o);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    reader.start();
    List<Observation> out = new ArrayList<>();
    int from = 0;
    while (from < log.length) {
      int to = from;
      while (to < log.length && log[to] != '\n') to++;
      to = Math.min(log.length, to + 1);
      sender.write(log, from, to - from);
      sender.flush();
      from = to;
      long sent = from;
      long due = whole.stream().filter(o -> o.src().offset() < sent).count();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (out.size() < due && System.nanoTime() < deadline) {
        Observation o = got.poll(50, TimeUnit.MILLISECONDS);
        if (o != null) out.add(o);
      }
      assertThat(out).as("%s: fixes out after %d bytes", name, sent).hasSize((int) due);
    }
    sender.close();
    reader.join(5000);
    got.drainTo(out);
    assertThat(out).extracting(Observation::t).isEqualTo(whole.stream().map(Observation::t).toList());
    assertThat(out).extracting(Observation::lat).isEqualTo(whole.stream().map(Observation::lat).toList());
  }
}
