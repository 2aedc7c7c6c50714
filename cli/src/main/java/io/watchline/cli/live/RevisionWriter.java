package io.watchline.cli.live;

import io.watchline.evidence.SourceHashes;
import io.watchline.incident.Incident;
import io.watchline.incident.IncidentRevision;
import io.watchline.incident.IncidentSink;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.NdjsonWriter;
import java.io.IOException;

/**
 * {@code fuse --follow}'s output: every version of an incident as one NDJSON line with {@code rev}
 * (1, 2, …) and {@code final} (true on the last version; {@code "withdrawn": true} beside it when
 * the incident no longer stands), flushed at once. Consumers that want only final incidents keep
 * the lines with {@code "final": true} and no {@code withdrawn}.
 */
public final class RevisionWriter implements IncidentSink {
  private final NdjsonWriter out;
  private final SourceHashes evidenceFiles;

  /**
   * @param out the NDJSON output
   * @param evidenceFiles the files an incident's evidence names, with their hashes (may be empty)
   */
  public RevisionWriter(NdjsonWriter out, SourceHashes evidenceFiles) {
    this.out = out;
    this.evidenceFiles = evidenceFiles;
  }

  @Override
  public void accept(Incident i) throws IOException {
    revised(new IncidentRevision(i, 1, true, false));
  }

  @Override
  public void revised(IncidentRevision r) throws IOException {
    IncidentJson.ExtraFields files = IncidentJson.evidenceFiles(evidenceFiles.of(r.incident()));
    out.write(r.incident(), g -> {
      if (files != null) files.write(g);
      g.writeNumberField("rev", r.rev());
      g.writeBooleanField("final", r.last());
      if (r.withdrawn()) g.writeBooleanField("withdrawn", true);
    });
    out.flush(); // live: each version leaves at once
  }
}
