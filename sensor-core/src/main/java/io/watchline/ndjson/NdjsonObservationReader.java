package io.watchline.ndjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchline.feed.FeedReader;
import io.watchline.feed.ReadStats;
import io.watchline.feed.Reject;
import io.watchline.feed.RejectSink;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams canonical observations from NDJSON, one line at a time. A malformed line becomes a
 * {@link Reject} with its line number and byte offset; the stream goes on. Blank lines are skipped
 * and counted. Observations without provenance (or with a {@code src} that has neither offset
 * nor line) get this file and line as {@code src}.
 */
public final class NdjsonObservationReader implements FeedReader {
  private final LineReader lines;
  private final String file;
  private final RejectSink rejects;
  private final ReadStats stats;
  private final TextPool pool = new TextPool();

  public NdjsonObservationReader(InputStream in, String file, RejectSink rejects) {
    this(new LineReader(io.watchline.feed.FeedInput.of(in)), file, rejects);
  }

  public NdjsonObservationReader(LineReader lines, String file, RejectSink rejects) {
    this.lines = lines;
    this.file = file;
    this.rejects = rejects;
    this.stats = new ReadStats(file);
    stats.format("ndjson");
  }

  @Override
  public Observation next() throws IOException {
    while (lines.next()) {
      stats.bytes(lines.position());
      if (lines.overlong()) {
        reject("line longer than " + lines.maxLine() + " bytes (" + lines.lineBytes() + ")");
        continue;
      }
      if (lines.blank()) {
        stats.skipped("blank line");
        continue;
      }
      try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
        Observation o = ObservationJson.read(p, pool);
        // A source without offset or line cannot lead back to any bytes: then this line is the
        // best evidence there is (and it still holds the upstream file name).
        if (o.src() == null || !(o.src().hasOffset() || o.src().hasLine())) {
          o = withSource(o, Source.atLine(file, lines.offset(), lines.lineNumber()));
        }
        stats.emitted();
        return o;
      } catch (BadRecordException e) {
        reject(e.getMessage());
      } catch (JsonProcessingException e) {
        // Parse errors and Jackson's size limits (StreamConstraintsException: a 1000-digit
        // number) alike: the line is bad, the stream goes on.
        reject("invalid JSON: " + e.getOriginalMessage());
      } catch (CharConversionException e) {
        // Jackson guesses the encoding from the first bytes: a line starting with NUL bytes is
        // taken for UTF-16/32 and fails here rather than as a parse error. Still one bad line.
        reject("not UTF-8 text: " + e.getMessage());
      }
    }
    stats.bytes(lines.position());
    return null;
  }

  private static Observation withSource(Observation o, Source s) {
    return new Observation(
        o.t(), o.kind(), o.sensor(), o.seq(), o.lat(), o.lon(), o.rangeM(), o.bearingDeg(),
        o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(), s);
  }

  private void reject(String reason) {
    stats.rejected();
    rejects.reject(
        new Reject(Source.atLine(file, lines.offset(), lines.lineNumber()), reason, lines.excerpt()));
  }

  @Override
  public ReadStats stats() {
    return stats;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
