package io.watchline.share;

import com.fasterxml.jackson.core.JsonGenerator;
import io.watchline.incident.Incident;
import java.io.IOException;

/**
 * The confidence of a report from the three criteria of Article 16(2) of Implementing Regulation
 * (EU) 2021/581: the credibility of the information, the reliability of the source and the
 * validation status. The regulation names the criteria, not a scale; the values and how they
 * follow from an incident's score and corroboration are ours (docs/cooperation.md).
 *
 * @param credibility confirmed (score ≥ 0.8 and seen by two sensor kinds), probably_true (≥ 0.8),
 *     possibly_true (≥ 0.5), doubtful
 * @param sourceReliability usually_reliable (two sensor kinds agree), fairly_reliable (one kind)
 * @param validation not_validated (machine candidates), partner_confirmed (a joint incident seen
 *     by two countries' sensors)
 * @param level the summary: high, medium or low
 */
public record Confidence(String credibility, String sourceReliability, String validation, String level) {

  public static Confidence of(Incident i) {
    return of(i.score(), corroboration(i), joint(i));
  }

  /** For a score, the number of sensor kinds that saw it, and whether two countries' sensors did. */
  public static Confidence of(double score, int sensorKinds, boolean partnerConfirmed) {
    String credibility;
    if (score >= 0.8 && sensorKinds >= 2) {
      credibility = "confirmed";
    } else if (score >= 0.8) {
      credibility = "probably_true";
    } else if (score >= 0.5) {
      credibility = "possibly_true";
    } else {
      credibility = "doubtful";
    }
    String reliability = sensorKinds >= 2 ? "usually_reliable" : "fairly_reliable";
    String validation = partnerConfirmed ? "partner_confirmed" : "not_validated";
    String level = switch (credibility) {
      case "confirmed" -> "high";
      case "probably_true" -> partnerConfirmed ? "high" : "medium";
      case "possibly_true" -> partnerConfirmed ? "medium" : "low";
      default -> "low";
    };
    return new Confidence(credibility, reliability, validation, level);
  }

  /** Sensor kinds that saw the incident (fusion's {@code corroborated} factor), at least 1. */
  static int corroboration(Incident i) {
    Object c = i.factors().get("corroborated");
    return c instanceof Number n ? Math.max(1, n.intValue()) : 1;
  }

  /** A joint incident of {@code merge}: its {@code origins} factor names two countries or more. */
  private static boolean joint(Incident i) {
    return i.factors().get("origins") instanceof String s && s.contains(",");
  }

  void write(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("confidence");
    g.writeStringField("credibility", credibility);
    g.writeStringField("source_reliability", sourceReliability);
    g.writeStringField("validation", validation);
    g.writeStringField("level", level);
    g.writeEndObject();
  }
}
