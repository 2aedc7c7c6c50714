package io.watchline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watchline.incident.Incident;
import io.watchline.ndjson.IsoTime;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.ndjson.NdjsonWriter;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code watchline evidence pack}: one incident as a self-contained folder (and zip) an
 * investigator can hand on: the exact bytes of every record it used, cut from the originals (found
 * by SHA-256), the context files, the incident line, the run manifest, a map and a summary page.
 * See docs/evidence.md for the layout.
 */
public final class EvidencePack {
  public static final String FORMAT = "watchline-evidence-package/1";
  public static final String PACKAGE_JSON = "package.json";

  /** What was packed. */
  public record Result(Path dir, Path zip, int records, int sources, int observations) {}

  private EvidencePack() {}

  public static Result pack(String incidentId, Path run, List<Path> originalsDirs, Path out) throws IOException {
    Path manifestFile = Files.isDirectory(run) ? run.resolve(NightChain.MANIFEST) : run;
    Path runDir = manifestFile.toAbsolutePath().getParent();
    RunManifest manifest = RunManifest.read(manifestFile);
    Originals originals = new Originals(originalsDirs, runDir, manifest);
    RunManifest.Entry incidentsEntry = manifest.outputs().stream().filter(e -> e.role().equals("incidents")).findFirst()
        .orElseThrow(() -> new IOException(manifestFile + ": the run wrote no incident list (no output with role \"incidents\")"));
    Path incidentsFile = runDir.resolve(incidentsEntry.path());
    FileHash incidentsHash = FileHash.of(incidentsFile);
    if (!incidentsHash.sha256().equals(incidentsEntry.sha256())) {
      throw new IOException(incidentsFile + " has sha256 " + incidentsHash.sha256() + ", the manifest lists "
          + incidentsEntry.sha256() + ": it changed after the run");
    }
    IncidentLine line = IncidentLine.find(incidentsFile, incidentId);
    prepare(out);

    Incident inc = line.incident();
    Map<String, TreeSet<Long>> offsets = new LinkedHashMap<>();
    for (Source s : inc.evidence()) {
      if (s.file() == null || !s.hasOffset()) {
        throw new IOException(incidentId + ": evidence " + s + " has no byte offset; its record cannot be cut");
      }
      offsets.computeIfAbsent(s.file(), k -> new TreeSet<>()).add(s.offset());
    }
    Set<Source> evidence = new java.util.HashSet<>(inc.evidence());
    SiteRegistry sites = SiteRegistry.empty();
    Map<String, Path> context = new LinkedHashMap<>();
    for (String role : List.of("border", "sectors", "sites")) {
      RunManifest.Entry e = manifest.input(role);
      if (e == null) continue;
      Path original = originals.find(e.path(), e.sha256());
      Path copy = out.resolve("context").resolve(role + "-" + original.getFileName());
      Files.createDirectories(copy.getParent());
      Files.copy(original, copy);
      context.put(role, copy);
      if (role.equals("sites")) sites = SiteRegistry.load(original);
    }

    Map<Source, Observation> observations = new HashMap<>();
    ArrayNode sources = RunManifest.JSON.createArrayNode();
    int records = 0;
    Files.createDirectories(out.resolve("records"));
    try (OutputStream indexOut = Files.newOutputStream(out.resolve("records.ndjson"))) {
      for (Map.Entry<String, TreeSet<Long>> f : offsets.entrySet()) {
        String name = f.getKey();
        String sha = expectedHash(name, line.evidenceFiles(), manifest);
        Path original = originals.find(name, sha);
        var extents = RecordCutter.cut(original, name, f.getValue(), evidence, sites, observations);
        String excerptName = "records/" + safe(name);
        records += writeExcerpts(original, name, sha, extents, out.resolve(excerptName), excerptName, indexOut);
        ObjectNode s = sources.addObject();
        s.put("file", name);
        s.put("sha256", sha);
        s.put("size", originals.hash(original).size());
        s.put("excerpts", excerptName);
        s.put("records", extents.size());
      }
    }
    addRunObservations(manifest, originals, offsets.keySet(), evidence, observations);
    List<Observation> obs = new ArrayList<>(observations.values());
    obs.sort(Comparator.comparing(Observation::t).thenComparing(o -> o.src().file()).thenComparingLong(o -> o.src().offset()));
    try (OutputStream os = Files.newOutputStream(out.resolve("observations.ndjson")); NdjsonWriter w = new NdjsonWriter(os)) {
      for (Observation o : obs) w.write(o);
    }
    int missing = evidence.size() - observations.size();

    Files.write(out.resolve("incident.json"), line.bytesWithNewline());
    Path runCopy = Files.createDirectories(out.resolve("run"));
    for (String suffix : List.of("", ".sig", ".tsq", ".tsr")) {
      Path f = manifestFile.resolveSibling(manifestFile.getFileName() + suffix);
      if (Files.isRegularFile(f)) Files.copy(f, runCopy.resolve(NightChain.MANIFEST + suffix));
    }
    TrackMap.write(inc, context.get("border") == null ? null : loadBorder(context, manifest), sites, obs,
        out.resolve("track.png"));

    ObjectNode pkg = RunManifest.JSON.createObjectNode();
    pkg.put("format", FORMAT);
    pkg.put("incident", incidentId);
    pkg.put("created", IsoTime.format(java.time.Instant.now()));
    BuildInfo b = BuildInfo.current();
    pkg.put("version", b.version());
    pkg.put("commit", b.commit());
    ObjectNode runNode = pkg.putObject("run");
    runNode.put("manifest", "run/" + NightChain.MANIFEST);
    runNode.put("manifest_sha256", FileHash.of(manifestFile).sha256());
    runNode.put("incidents", incidentsEntry.path());
    runNode.put("incidents_sha256", incidentsEntry.sha256());
    runNode.put("incident_offset", line.offset());
    runNode.put("incident_line", line.lineNumber());
    ObjectNode expected = pkg.putObject("expected");
    expected.put("kind", inc.kind().wireName());
    expected.put("sector", inc.sector());
    expected.put("side", inc.side());
    expected.put("start", IsoTime.format(inc.start()));
    expected.put("end", IsoTime.format(inc.end()));
    expected.put("lat", inc.lat());
    expected.put("lon", inc.lon());
    ObjectNode fusion = pkg.putObject("fusion");
    JsonNode params = manifest.parameters();
    for (String k : List.of("fusion.sector_every_m", "fusion.band_m", "fusion.reorder_window_ms")) {
      if (params.has(k)) fusion.set(k.substring("fusion.".length()), params.get(k));
    }
    context.forEach((role, p) -> fusion.put(role, out.relativize(p).toString()));
    pkg.set("sources", sources);
    pkg.put("records", records);
    pkg.put("observations", obs.size());
    pkg.put("evidence_without_observation", missing);
    PackageSummary.write(out, pkg, inc, manifest, obs);
    pkg.set("files", PackageFiles.list(out));
    Files.write(out.resolve(PACKAGE_JSON), RunManifest.jsonBytes(pkg));
    Path zip = PackageFiles.zip(out);
    return new Result(out, zip, records, offsets.size(), obs.size());
  }

  private static io.watchline.geo.context.BorderContext loadBorder(Map<String, Path> context, RunManifest m) throws IOException {
    JsonNode p = m.parameters();
    return io.watchline.geo.context.BorderContext.load(context.get("border"), context.get("sectors"),
        p.path("fusion.sector_every_m").asDouble(10_000), p.path("fusion.band_m").asDouble(5_000));
  }

  /** The hash the run recorded for a file its evidence names: the incident's own, else the manifest's. */
  static String expectedHash(String name, Map<String, String> evidenceFiles, RunManifest manifest) throws IOException {
    String sha = evidenceFiles.get(name);
    if (sha != null) return sha;
    List<RunManifest.Entry> byName = new ArrayList<>();
    for (RunManifest.Entry e : manifest.inputs()) {
      if (e.path().equals(name)) return e.sha256();
      if (SourceHashes.fileName(e.path()).equals(SourceHashes.fileName(name))) byName.add(e);
    }
    if (byName.stream().map(RunManifest.Entry::sha256).distinct().count() == 1) return byName.get(0).sha256();
    throw new IOException("neither the incident nor the run manifest names '" + name + "' by its sha256");
  }

  /**
   * When fuse read canonical observations made by an earlier ingest, those lines are exactly what
   * fusion saw: they replace the records decoded again from the raw feeds.
   */
  private static void addRunObservations(RunManifest m, Originals originals, Set<String> sourceNames, Set<Source> evidence,
      Map<Source, Observation> observations) throws IOException {
    for (RunManifest.Entry e : m.inputs()) {
      if (!e.role().equals("observations") || sourceNames.contains(e.path()) || "-".equals(e.path())) continue;
      Path p;
      try {
        p = originals.find(e.path(), e.sha256());
      } catch (IOException notThere) {
        continue; // the raw feeds decoded again stand in
      }
      try (NdjsonObservationReader r = new NdjsonObservationReader(Files.newInputStream(p), e.path(), rej -> {})) {
        for (Observation o; (o = r.next()) != null; ) {
          if (evidence.contains(o.src())) observations.put(o.src(), o);
        }
      }
    }
  }

  private static int writeExcerpts(Path original, String name, String sha, TreeMap<Long, RecordCutter.Extent> extents,
      Path excerptFile, String excerptName, OutputStream index) throws IOException {
    long at = 0;
    try (FileChannel in = FileChannel.open(original); OutputStream ex = Files.newOutputStream(excerptFile);
        NdjsonWriter idx = new NdjsonWriter(index, false)) {
      for (RecordCutter.Extent e : extents.values()) {
        ByteBuffer buf = ByteBuffer.allocate((int) (e.end() - e.offset()));
        while (buf.hasRemaining() && in.read(buf, e.offset() + buf.position()) > 0) {
          // read until the record is complete
        }
        byte[] bytes = buf.array();
        ex.write(bytes);
        var g = idx.generator();
        g.writeStartObject();
        g.writeStringField("file", name);
        g.writeStringField("file_sha256", sha);
        g.writeNumberField("offset", e.offset());
        g.writeNumberField("length", bytes.length);
        g.writeStringField("sha256", FileHash.sha256(bytes));
        g.writeStringField("excerpt", excerptName);
        g.writeNumberField("excerpt_offset", at);
        if (e.truncated()) g.writeBooleanField("truncated", true);
        g.writeEndObject();
        idx.endLine();
        at += bytes.length;
      }
      idx.flush();
    }
    return extents.size();
  }

  /** A file name for the excerpts of a source: its path with separators made safe. */
  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void prepare(Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) throw new IOException(out + " exists and is not a folder");
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) throw new IOException(out + " is not empty; give a new folder for the package");
      }
    }
    Files.createDirectories(out);
  }
}
