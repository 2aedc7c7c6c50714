package io.watchline.export;

import io.watchline.incident.Incident;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.share.Confidence;
import io.watchline.share.EurosurEvent;
import io.watchline.share.Marking;
import io.watchline.share.ShareLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * EUROSUR event reports, one JSON object per line ({@link EurosurEvent}): crossings as actual and
 * approaches as attempted illegal border crossings. Loiters, observations and tracks are not
 * border-crossing events and are counted as not representable.
 */
public final class EurosurRecordWriter implements RecordWriter {
  private final NdjsonWriter out;
  private final String originator;
  private final Duration validFor;
  private long notRepresentable;

  /**
   * @param originator the reporting country (gives the direction entry or exit)
   * @param validFor how long after the incident's end a report stays valid
   */
  public EurosurRecordWriter(OutputStream out, String originator, Duration validFor) {
    this.out = new NdjsonWriter(out);
    this.originator = originator;
    this.validFor = validFor;
  }

  @Override
  public void write(CanonicalRecord r) throws IOException {
    if (!(r instanceof CanonicalRecord.Inc inc) || !EurosurEvent.reportable(inc.incident())) {
      notRepresentable++;
      return;
    }
    Incident i = inc.incident();
    Marking m = new Marking(ShareLevel.EUROSUR, ShareLevel.EUROSUR.classification(), ShareLevel.EUROSUR.tlp(),
        Confidence.of(i), originator, i.start(), i.end().plus(validFor));
    EurosurEvent.write(i, originator, null, m, out.generator());
    out.endLine();
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public long notRepresentable() {
    return notRepresentable;
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
