package io.watchline.cli.live;

import io.watchline.cli.io.InputFiles;
import io.watchline.cli.io.RejectReport;
import io.watchline.export.CotRecordWriter;
import io.watchline.export.Exporter;
import io.watchline.feed.ReadStats;
import io.watchline.live.Endpoint;
import io.watchline.live.MessageStream;
import io.watchline.live.Sender;
import io.watchline.live.Senders;
import io.watchline.live.StoppableInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code export -f cot --send URL}: each record read becomes one CoT event sent as soon as it
 * is read (one UDP datagram, or one write on a TCP/TLS stream to a TAK server), until the input
 * ends or a signal stops it.
 */
public final class LiveExportRun {
  /** What was read and sent. */
  public record Result(ReadStats stats, long sent, long tooLarge, long notRepresentable) {}

  private LiveExportRun() {}

  /**
   * @throws IllegalArgumentException for a bad address (a usage error)
   */
  public static Result run(String input, String send, Senders.Tls tls, double hostileScore, Duration staleAfter,
      RejectReport rejects, PrintWriter err) throws IOException {
    Endpoint e = Endpoint.parse(send);
    if (e.scheme() != Endpoint.Scheme.TLS && tls.keyStore() != null) {
      throw new IllegalArgumentException("--cert is for tls:// addresses, not " + e);
    }
    InputStream raw = "-".equals(input) ? InputFiles.stdin() : Files.newInputStream(Path.of(input));
    StoppableInput in = new StoppableInput(raw, input);
    try (Sender sender = Senders.open(e, tls, 10_000); Shutdown signals = new Shutdown(in::stop)) {
      MessageStream stream = new MessageStream(sender, e.scheme() != Endpoint.Scheme.UDP);
      CotRecordWriter w = new CotRecordWriter(stream, hostileScore, staleAfter).live();
      ReadStats stats = Exporter.export(in, "-".equals(input) ? "stdin" : input, w, rejects, null);
      w.close();
      rejects.commit();
      return new Result(stats, sender.messages(), stream.tooLarge(), w.notRepresentable());
    } finally {
      in.close();
      raw.close();
    }
  }
}
