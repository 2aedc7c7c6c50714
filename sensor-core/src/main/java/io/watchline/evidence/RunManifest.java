package io.watchline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what a run read (every input by SHA-256 and size), with which software
 * and settings, when, and what it wrote (every output by SHA-256). A command builds one while it
 * runs and writes it last, next to its outputs (see docs/evidence.md for the fields).
 */
public final class RunManifest {
  public static final String FORMAT = "watchline-run-manifest/1";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One hashed file: {@code role} says what it was to the run (feed, border, sites, incidents…). */
  public record Entry(String role, String path, String absolute, String sha256, long size) {}

  /** The link to the night before: its date, where its manifest was and that manifest's SHA-256. */
  public record Previous(String night, String path, String sha256) {}

  private final JsonNode root;

  private RunManifest(JsonNode root) {
    this.root = root;
  }

  public static RunManifest read(Path file) throws IOException {
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a readable run manifest (" + e.getMessage() + ")", e);
    }
    if (n == null || !FORMAT.equals(n.path("format").asText())) {
      throw new IOException(file + ": not a run manifest (no \"format\": \"" + FORMAT + "\")");
    }
    return new RunManifest(n);
  }

  public String command() {
    return root.path("command").asText();
  }

  public String version() {
    return root.path("version").asText("unknown");
  }

  public String commit() {
    return root.path("commit").asText("unknown");
  }

  public String started() {
    return root.path("started").asText();
  }

  public String finished() {
    return root.path("finished").asText();
  }

  public JsonNode parameters() {
    return root.path("parameters");
  }

  public JsonNode clockOffsets() {
    return root.path("clock_offsets_ms");
  }

  public List<Entry> inputs() {
    return entries(root.path("inputs"));
  }

  public List<Entry> outputs() {
    return entries(root.path("outputs"));
  }

  /** The first input of that role, or null. */
  public Entry input(String role) {
    return inputs().stream().filter(e -> e.role().equals(role)).findFirst().orElse(null);
  }

  public Previous previous() {
    JsonNode p = root.get("previous");
    if (p == null || p.isNull()) return null;
    return new Previous(p.path("night").asText(null), p.path("path").asText(null), p.path("sha256").asText(null));
  }

  private static List<Entry> entries(JsonNode arr) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : arr) {
      out.add(new Entry(e.path("role").asText(), e.path("path").asText(), e.path("absolute").asText(null),
          e.path("sha256").asText(), e.path("size").asLong(-1)));
    }
    return out;
  }

  /** Indented JSON ending in a newline, as every evidence JSON file is written. */
  static byte[] jsonBytes(JsonNode n) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(n);
    byte[] withNewline = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    withNewline[bytes.length] = '\n';
    return withNewline;
  }

  public static Builder builder(String command, List<String> arguments) {
    return new Builder(command, arguments, Clock.systemUTC());
  }

  /** Collects a run's facts while it runs; {@link #write} hashes the outputs and writes the file. */
  public static final class Builder {
    private final ObjectNode root = JSON.createObjectNode();
    private final ObjectNode parameters;
    private final ObjectNode clocks;
    private final ArrayNode inputs;
    private final List<Object[]> outputs = new ArrayList<>();
    private final java.util.Set<String> inputKeys = new java.util.HashSet<>();
    private final Clock clock;
    private JsonNode previous;

    Builder(String command, List<String> arguments, Clock clock) {
      this.clock = clock;
      BuildInfo b = BuildInfo.current();
      root.put("format", FORMAT);
      root.put("tool", "watchline");
      root.put("version", b.version());
      root.put("commit", b.commit());
      root.put("java", System.getProperty("java.version"));
      root.put("command", command);
      ArrayNode args = root.putArray("arguments");
      arguments.forEach(args::add);
      root.put("started", now());
      parameters = root.putObject("parameters");
      clocks = root.putObject("clock_offsets_ms");
      inputs = root.putArray("inputs");
    }

    private String now() {
      return io.watchline.ndjson.IsoTime.format(clock.instant());
    }

    /** An effective setting; numbers, booleans and strings are kept as such, anything else as text. */
    public Builder parameter(String name, Object value) {
      parameters.set(name, JSON.valueToTree(plain(value)));
      return this;
    }

    /** Paths, times and zones as their text, records as maps, at any depth (a config nests them). */
    private static Object plain(Object v) {
      if (v instanceof Path || v instanceof java.time.temporal.Temporal || v instanceof java.time.ZoneId
          || v instanceof java.time.Duration) {
        return v.toString();
      }
      if (v instanceof Record r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (var c : r.getClass().getRecordComponents()) {
          try {
            m.put(c.getName(), plain(c.getAccessor().invoke(r)));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record accessor " + c.getName(), e);
          }
        }
        return m;
      }
      if (v instanceof Map<?, ?> map) {
        Map<Object, Object> m = new java.util.LinkedHashMap<>();
        map.forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
        return m;
      }
      if (v instanceof java.util.Collection<?> list) {
        return list.stream().map(Builder::plain).toList();
      }
      return v;
    }

    /** Every component of a settings record, under {@code prefix.component}. */
    public Builder parameters(String prefix, Record settings) {
      for (var c : settings.getClass().getRecordComponents()) {
        try {
          parameter(prefix + "." + c.getName(), c.getAccessor().invoke(settings));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("record accessor " + c.getName(), e);
        }
      }
      return this;
    }

    public Builder clockOffset(String sensor, long ms) {
      clocks.put(sensor, ms);
      return this;
    }

    /** An input hashed while the command read it (or hashed now when the command did not). */
    public Builder input(String role, String path, FileHash hash) {
      Path file = null;
      if (!"-".equals(path)) {
        try {
          file = Path.of(path);
        } catch (java.nio.file.InvalidPathException e) {
          file = null;
        }
      }
      return input(role, path, file, hash);
    }

    /** An input known under {@code path} (as records name it) that was found at {@code file}. */
    public Builder input(String role, String path, Path file, FileHash hash) {
      if (!inputKeys.add(role + "\u0000" + path)) return this;
      ObjectNode e = inputs.addObject();
      e.put("role", role);
      e.put("path", path);
      if (file != null && Files.exists(file)) e.put("absolute", file.toAbsolutePath().normalize().toString());
      e.put("sha256", hash.sha256());
      e.put("size", hash.size());
      return this;
    }

    public Builder inputFile(String role, Path file) throws IOException {
      if (file == null) return this;
      return input(role, file.toString(), FileHash.of(file));
    }

    /** An output, hashed when the manifest is written (so after the command finished it). */
    public Builder output(String role, Path file) {
      outputs.add(new Object[] {role, file});
      return this;
    }

    public Builder previous(Previous p) {
      ObjectNode n = JSON.createObjectNode();
      n.put("night", p.night());
      n.put("path", p.path());
      n.put("sha256", p.sha256());
      previous = n;
      return this;
    }

    /**
     * Finishes the manifest and writes it to {@code file}; output paths are written relative to
     * the manifest's folder when they lie inside it. Returns the manifest's bytes.
     */
    public byte[] write(Path file) throws IOException {
      root.put("finished", now());
      // normalized as the outputs are: a root given as "inputs/../nightly" must still contain them
      Path dir = file.toAbsolutePath().normalize().getParent();
      ArrayNode outs = JSON.createArrayNode();
      for (Object[] o : outputs) {
        Path p = (Path) o[1];
        FileHash h = FileHash.of(p);
        Path abs = p.toAbsolutePath().normalize();
        ObjectNode e = outs.addObject();
        e.put("role", (String) o[0]);
        e.put("path", abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString());
        e.put("sha256", h.sha256());
        e.put("size", h.size());
      }
      root.set("outputs", outs);
      if (previous != null) root.set("previous", previous);
      byte[] bytes = jsonBytes(root);
      Files.write(file, bytes);
      return bytes;
    }
  }
}
