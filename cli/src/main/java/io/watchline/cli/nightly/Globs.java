package io.watchline.cli.nightly;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** File globs ({@code feeds/radar-*.ndjson}, {@code patrol/**}/*.gpx) relative to a base folder, sorted. */
final class Globs {
  private Globs() {}

  static List<Path> expand(Path base, String pattern) throws IOException {
    Path full = base.resolve(pattern).normalize();
    Path root = full.getRoot();
    Path prefix = root;
    int i = 0;
    for (; i < full.getNameCount(); i++) {
      String seg = full.getName(i).toString();
      if (seg.contains("*") || seg.contains("?") || seg.contains("[") || seg.contains("{")) break;
      prefix = prefix.resolve(seg);
    }
    if (i == full.getNameCount()) {
      return Files.isRegularFile(full) ? List.of(full) : List.of();
    }
    if (!Files.isDirectory(prefix)) {
      return List.of();
    }
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : full.getNameCount() - i;
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full.toString());
    try (Stream<Path> s = Files.walk(prefix, depth)) {
      return s.filter(Files::isRegularFile).filter(m::matches).sorted().toList();
    }
  }
}
