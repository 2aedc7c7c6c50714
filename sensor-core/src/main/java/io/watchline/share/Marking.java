package io.watchline.share;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.ndjson.IsoTime;
import java.io.IOException;
import java.time.Instant;

/**
 * What every shared record carries about itself (after the EU CISE metadata): level, security
 * classification, TLP sensitivity, confidence, originator and validity period.
 */
public record Marking(
    ShareLevel level, String classification, String tlp, Confidence confidence, String originator,
    Instant validFrom, Instant validUntil) {

  /** Writes the {@code "marking": {...}} field. */
  public void write(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("marking");
    g.writeStringField("level", level.wireName());
    g.writeStringField("classification", classification);
    g.writeStringField("tlp", tlp);
    confidence.write(g);
    g.writeStringField("originator", originator);
    g.writeStringField("valid_from", IsoTime.format(validFrom));
    g.writeStringField("valid_until", IsoTime.format(validUntil));
    g.writeEndObject();
  }
}
