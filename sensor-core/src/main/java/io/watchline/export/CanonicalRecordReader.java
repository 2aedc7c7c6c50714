package io.watchline.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.watchline.feed.RejectSink;
import io.watchline.ndjson.BadRecordException;
import io.watchline.ndjson.IncidentJson;
import io.watchline.ndjson.Json;
import io.watchline.ndjson.LineReader;
import io.watchline.ndjson.ObservationJson;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams canonical NDJSON in which observations, incidents and tracks may be mixed. The type of
 * each line is decided from its fields: an incident has {@code id} and a {@code kind} of crossing,
 * approach or loiter; an observation has {@code t} and a {@code kind} of radar, thermal or patrol;
 * a fused track has {@code track} and {@code points} and no {@code kind}. Anything else is
 * rejected with its line number and byte offset; the stream goes on.
 */
public final class CanonicalRecordReader extends io.watchline.ndjson.NdjsonRecordReader<CanonicalRecord> {
  private static final Set<String> INCIDENT_KINDS = Set.of("crossing", "approach", "loiter", "welfare");
  private static final Set<String> OBSERVATION_KINDS = Set.of("radar", "thermal", "patrol");


  public CanonicalRecordReader(InputStream in, String file, RejectSink rejects) {
    super(new LineReader(io.watchline.feed.FeedInput.of(in)), file, rejects);
  }

  @Override
  protected CanonicalRecord parse() throws IOException {
    String type = recordType();
    try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
      if (type.equals("incident")) {
        return new CanonicalRecord.Inc(IncidentJson.read(p));
      }
      if (type.equals("track")) {
        return new CanonicalRecord.Trk(TrackRecord.read(p));
      }
      Observation o = ObservationJson.read(p);
      if (o.src() == null) {
        o = new Observation(
            o.t(), o.kind(), o.sensor(), o.seq(), o.lat(), o.lon(), o.rangeM(), o.bearingDeg(),
            o.track(), o.speedMps(), o.courseDeg(), o.cls(), o.conf(), o.unit(),
            Source.atLine(file, lines.offset(), lines.lineNumber()));
      }
      return new CanonicalRecord.Obs(o);
    }
  }

  /** A first, shallow pass over the top-level fields: cheap next to the full decode. */
  private String recordType() throws IOException {
    boolean hasId = false, hasT = false, hasTrack = false, hasPoints = false;
    String kind = null;
    try (JsonParser p = Json.FACTORY.createParser(lines.bytes(), 0, lines.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRecordException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken v = p.nextToken();
        switch (f) {
          case "id" -> hasId = true;
          case "t" -> hasT = true;
          case "track" -> hasTrack = true;
          case "points" -> hasPoints = true;
          case "kind" -> kind = v == JsonToken.VALUE_STRING ? p.getText() : null;
          default -> { }
        }
        p.skipChildren(); // a no-op on scalars
      }
    }
    if (kind == null && hasTrack && hasPoints) {
      return "track";
    }
    if (kind == null) {
      throw new BadRecordException("missing field 'kind': cannot tell the record type");
    }
    if (INCIDENT_KINDS.contains(kind)) {
      if (!hasId) throw new BadRecordException("incident without 'id'");
      return "incident";
    }
    if (OBSERVATION_KINDS.contains(kind)) {
      if (!hasT) throw new BadRecordException("missing field 't' (time)");
      return "observation";
    }
    throw new BadRecordException(
        "unknown kind '" + kind + "': expected an observation (radar, thermal, patrol)"
            + " or an incident (crossing, approach, loiter, welfare)");
  }
}
