package io.watchline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IsoTime;
import io.watchline.observation.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** summary.html: one page a reader can follow without tools, and the commands that check it. */
final class PackageSummary {
  private PackageSummary() {}

  static void write(Path dir, JsonNode pkg, Incident inc, RunManifest m, List<Observation> obs) throws IOException {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evidence ").append(esc(inc.id()))
        .append("</title>\n<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222}"
            + "h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 6px;border-bottom:1px solid #ccc}"
            + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
            + "th{background:#f1efe9}code,.h{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}"
            + ".lead{color:#555}img{max-width:100%;border:1px solid #ccc}dl{display:grid;grid-template-columns:12em 1fr;margin:0}"
            + "dt{color:#555}dd{margin:0}</style></head><body>\n");
    h.append("<h1>").append(esc(inc.id())).append(": ").append(esc(inc.kind().wireName()))
        .append(inc.sector() == null ? "" : " in " + esc(inc.sector())).append(inc.side() == null ? "" : ", " + esc(inc.side()))
        .append("</h1>\n<p class=\"lead\">Evidence package made ").append(esc(pkg.path("created").asText()))
        .append(" by watchline ").append(esc(pkg.path("version").asText())).append(" (commit ")
        .append(esc(pkg.path("commit").asText())).append("). Times are UTC.</p>\n<dl>");
    dl(h, "Start", IsoTime.format(inc.start()));
    dl(h, "End", IsoTime.format(inc.end()));
    dl(h, "Position", String.format(Locale.ROOT, "%.6f N, %.6f E (WGS 84)", inc.lat(), inc.lon()));
    dl(h, "Score", String.format(Locale.ROOT, "%.2f", inc.score()));
    Object explain = inc.factors().get("explain");
    if (explain != null) dl(h, "Score terms", explain.toString());
    dl(h, "Records used", pkg.path("records").asText() + " raw records from " + pkg.path("sources").size() + " file(s), "
        + obs.size() + " observations");
    h.append("</dl>\n<h2>Track</h2>\n<img src=\"track.png\" alt=\"map of the incident's track\">\n");

    h.append("<h2>Sensors</h2>\n<table><tr><th>sensor</th><th>kind</th><th>observations</th><th>first</th><th>last</th></tr>\n");
    Map<String, Object[]> sensors = new TreeMap<>();
    for (Observation o : obs) {
      Object[] s = sensors.computeIfAbsent(o.sensor() == null ? "?" : o.sensor(),
          k -> new Object[] {o.kind().toString().toLowerCase(Locale.ROOT), 0, o.t(), o.t()});
      s[1] = (Integer) s[1] + 1;
      if (o.t().isBefore((Instant) s[2])) s[2] = o.t();
      if (o.t().isAfter((Instant) s[3])) s[3] = o.t();
    }
    sensors.forEach((id, s) -> h.append("<tr><td>").append(esc(id)).append("</td><td>").append(s[0]).append("</td><td>")
        .append(s[1]).append("</td><td>").append(IsoTime.format((Instant) s[2])).append("</td><td>")
        .append(IsoTime.format((Instant) s[3])).append("</td></tr>\n"));
    h.append("</table>\n");

    h.append("<h2>Original files and the records cut from them</h2>\n<table><tr><th>file (as the run named it)</th>"
        + "<th>SHA-256 of the whole original</th><th>bytes</th><th>records</th><th>excerpts in this package</th></tr>\n");
    for (JsonNode s : pkg.path("sources")) {
      h.append("<tr><td>").append(esc(s.path("file").asText())).append("</td><td class=\"h\">").append(s.path("sha256").asText())
          .append("</td><td>").append(s.path("size").asLong()).append("</td><td>").append(s.path("records").asInt())
          .append("</td><td><code>").append(esc(s.path("excerpts").asText())).append("</code></td></tr>\n");
    }
    h.append("</table>\n<p>Each record's offset, length and SHA-256 are listed in <code>records.ndjson</code>.</p>\n");

    h.append("<h2>Chain of custody</h2>\n<dl>");
    dl(h, "Run", m.command() + ", " + m.started() + " – " + m.finished() + ", watchline " + m.version() + " (commit " + m.commit() + ")");
    dl(h, "Run manifest SHA-256", pkg.path("run").path("manifest_sha256").asText());
    dl(h, "Incident list", pkg.path("run").path("incidents").asText() + " (SHA-256 " + pkg.path("run").path("incidents_sha256").asText()
        + "), line " + pkg.path("run").path("incident_line").asLong() + " at byte " + pkg.path("run").path("incident_offset").asLong());
    RunManifest.Previous prev = m.previous();
    dl(h, "Previous night", prev == null ? "none (first night of the archive, or not a nightly run)"
        : prev.night() + ", manifest SHA-256 " + prev.sha256());
    dl(h, "Signature", Files.exists(dir.resolve("run/manifest.json.sig")) ? "run/manifest.json.sig (Ed25519)" : "none");
    dl(h, "Time-stamp", Files.exists(dir.resolve("run/manifest.json.tsr")) ? "run/manifest.json.tsr (RFC 3161)" : "none");
    h.append("</dl>\n<table><tr><th>input role</th><th>path</th><th>SHA-256</th><th>bytes</th></tr>\n");
    for (RunManifest.Entry e : m.inputs()) {
      h.append("<tr><td>").append(esc(e.role())).append("</td><td>").append(esc(e.path())).append("</td><td class=\"h\">")
          .append(e.sha256()).append("</td><td>").append(e.size()).append("</td></tr>\n");
    }
    h.append("</table>\n<h2>How to check this package</h2>\n<pre>watchline evidence verify ").append(esc(dir.getFileName().toString()))
        .append("/                        # hashes, excerpts, and fusion re-run on the records\n")
        .append("watchline evidence verify ").append(esc(dir.getFileName().toString()))
        .append("/ --originals FEEDS/     # excerpts byte-identical to the original files\n")
        .append("watchline evidence verify ").append(esc(dir.getFileName().toString()))
        .append("/run/manifest.json --key PUBLIC.pem   # signature (and .tsr) of the run manifest\n")
        .append("sha256sum ORIGINAL-FILE                                # compare with the table above</pre>\n")
        .append("<p>See docs/evidence.md for each step.</p>\n</body></html>\n");
    Files.writeString(dir.resolve("summary.html"), h);
  }

  private static void dl(StringBuilder h, String k, String v) {
    h.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
  }

  static String esc(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
