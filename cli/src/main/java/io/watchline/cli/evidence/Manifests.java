package io.watchline.cli.evidence;

import io.watchline.cli.UserException;
import io.watchline.evidence.RunManifest;
import io.watchline.evidence.Signatures;
import io.watchline.sites.Site;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How commands take part in the evidence chain: start a {@link RunManifest} with the command's
 * arguments and every effective option value, then write (and sign) it next to the outputs.
 */
public final class Manifests {
  public static final String FILE = "manifest.json";

  private Manifests() {}

  /** A manifest for the running command: its name, its arguments, and every option as in effect. */
  public static RunManifest.Builder start(CommandSpec spec) {
    RunManifest.Builder b = RunManifest.builder(spec.name(),
        spec.commandLine().getParseResult() == null ? java.util.List.of() : spec.commandLine().getParseResult().originalArgs());
    for (OptionSpec o : spec.options()) {
      if (o.usageHelp() || o.versionHelp() || o.hidden()) continue; // hidden: old spellings, recorded under the new name
      b.parameter(o.longestName().replaceFirst("^-+", ""), value(o));
    }
    int i = 0;
    for (ArgSpec p : spec.positionalParameters()) {
      b.parameter(p.paramLabel().isEmpty() ? "parameters[" + i + "]" : p.paramLabel(), value(p));
      i++;
    }
    return b;
  }

  private static Object value(ArgSpec a) {
    Object v = a.getValue();
    if (v instanceof java.util.Collection<?> c) {
      return c.stream().map(e -> e == null ? null : e.toString()).toList();
    }
    return v == null || v instanceof Number || v instanceof Boolean || v instanceof String ? v : v.toString();
  }

  /** Records each site's clock offset (what turned the sensors' clocks into UTC). */
  public static void clockOffsets(RunManifest.Builder b, SiteRegistry sites) {
    for (Site s : sites.all()) {
      b.clockOffset(s.id(), s.clockOffsetMs());
    }
  }

  /** Reads the signing key before the run, so a bad key fails before any work is done. */
  public static PrivateKey signingKey(Path key) {
    if (key == null) return null;
    try {
      return Signatures.readPrivate(key);
    } catch (IOException e) {
      throw new UserException("--sign: " + e.getMessage());
    }
  }

  /** Writes the manifest and, with a key, its signature {@code <manifest>.sig}. */
  public static void write(RunManifest.Builder b, Path manifest, PrivateKey key) throws IOException {
    Path parent = manifest.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    b.write(manifest);
    if (key != null) Signatures.sign(manifest, key);
  }

  /**
   * Lists every file of {@code dir} as an output and writes dir/manifest.json. The role is the
   * file name, except incidents.ndjson: "incidents", the list evidence packages are cut from.
   */
  public static void writeForFolder(RunManifest.Builder b, Path dir, PrivateKey key) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        b.output(name.equals("incidents.ndjson") ? "incidents" : name, f);
      }
    }
    write(b, dir.resolve(FILE), key);
  }

  /**
   * Where a command writing {@code output} puts its manifest: {@code --manifest FILE} when given,
   * else manifest.json beside a regular output file (call it once that file is written); none
   * for standard output or a device (there is no "beside").
   */
  public static Path location(String manifestOption, String output) {
    if (manifestOption != null) return Path.of(manifestOption);
    if (output == null || "-".equals(output) || !Files.isRegularFile(Path.of(output))) return null;
    return Path.of(output).toAbsolutePath().getParent().resolve(FILE);
  }
}
