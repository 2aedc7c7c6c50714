package io.watchline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result as a table: records/s, MB/s (NDJSON bytes of the data set) and the
 * ratio of each codec benchmark to its baselines from the same run. Used by {@code benchmarks/run}.
 */
public final class Report {
  private Report() {}

  public static void main(String[] args) throws IOException {
    JsonNode results = new ObjectMapper().readTree(new File(args[0]));
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText();
      JsonNode m = r.path("primaryMetric");
      scores.put(name.substring(name.lastIndexOf('.') + 1),
          new double[] {m.path("score").asDouble(), m.path("scoreError").asDouble()});
      if (!name.contains("NdjsonBench")) {
        scores.remove(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    if (scores.isEmpty()) {
      return;
    }
    double bytesPerRecord = NdjsonBench.dataset().length / (double) NdjsonBench.RECORDS;
    System.out.printf(Locale.ROOT, "%nNDJSON observations (%d records, %.1f bytes/record)%n", NdjsonBench.RECORDS, bytesPerRecord);
    System.out.printf(Locale.ROOT, "%-24s %14s %10s %8s%n", "benchmark", "records/s", "MB/s", "±%");
    for (Map.Entry<String, double[]> e : scores.entrySet()) {
      double s = e.getValue()[0];
      System.out.printf(Locale.ROOT, "%-24s %,14.0f %10.1f %8.1f%n", e.getKey(), s, s * bytesPerRecord / 1e6,
          100 * e.getValue()[1] / s);
    }
    ratio(scores, "readCodec", "readTree");
    ratio(scores, "readCodec", "readTreeToObservation");
    ratio(scores, "writeCodec", "writeTree");
    ratio(scores, "writeCodec", "writeMap");
  }

  private static void ratio(Map<String, double[]> s, String a, String b) {
    if (s.containsKey(a) && s.containsKey(b)) {
      System.out.printf(Locale.ROOT, "%s / %s = %.2f%n", a, b, s.get(a)[0] / s.get(b)[0]);
    }
  }
}
