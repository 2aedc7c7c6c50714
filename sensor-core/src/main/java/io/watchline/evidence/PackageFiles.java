package io.watchline.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The files of a package: listed with their hashes in package.json, and zipped beside the folder. */
final class PackageFiles {
  private PackageFiles() {}

  /** Every file under {@code dir} except package.json, by path relative to dir, sorted. */
  static List<Path> all(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize)
          .filter(p -> !p.toString().equals(EvidencePack.PACKAGE_JSON)).sorted().toList();
    }
  }

  static ArrayNode list(Path dir) throws IOException {
    ArrayNode arr = RunManifest.JSON.createArrayNode();
    for (Path rel : all(dir)) {
      FileHash h = FileHash.of(dir.resolve(rel));
      ObjectNode e = arr.addObject();
      e.put("path", slashes(rel));
      e.put("sha256", h.sha256());
      e.put("size", h.size());
    }
    return arr;
  }

  /** {@code <dir>.zip}: the folder under its own name, entries sorted, fixed times (same package, same zip). */
  static Path zip(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Path zip = abs.resolveSibling(abs.getFileName() + ".zip");
    String top = abs.getFileName().toString();
    try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
      List<Path> files = new java.util.ArrayList<>(all(abs));
      files.add(0, Path.of(EvidencePack.PACKAGE_JSON));
      for (Path rel : files) {
        ZipEntry e = new ZipEntry(top + "/" + slashes(rel));
        e.setLastModifiedTime(FileTime.fromMillis(0));
        z.putNextEntry(e);
        Files.copy(abs.resolve(rel), z);
        z.closeEntry();
      }
    }
    return zip;
  }

  static String slashes(Path rel) {
    return rel.toString().replace(java.io.File.separatorChar, '/');
  }
}
