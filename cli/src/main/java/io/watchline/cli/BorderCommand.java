package io.watchline.cli;

import io.watchline.cli.io.OutputTarget;
import io.watchline.cli.io.SameFiles;
import io.watchline.geo.border.BorderLines;
import io.watchline.geo.border.SharedBorder;
import io.watchline.geo.io.GeoFeature;
import io.watchline.geo.io.GeoJson;
import io.watchline.geo.io.GeometryException;
import io.watchline.geo.io.GeometryFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchline border}: the shared border line of two countries. */
@Command(
    name = "border",
    header = "Derive the shared border line of two country polygons.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Derives the border line shared by two country polygons (GeoJSON, KML, WKT",
      "or GeoPackage) and writes it as one oriented GeoJSON LineString: the second",
      "country on its left, the first on its right, named in the properties",
      "side_left and side_right. Datasets whose neighbours share edge vertices",
      "give the exact shared edges; otherwise the outlines are matched within",
      "--snap and the line runs midway between them.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  watchline border --between MNE.geojson ALB.geojson -o mne-alb.geojson",
      "  watchline border --between gb-MNE.geojson gb-ALB.geojson --snap 3km > border.geojson"
    })
public final class BorderCommand implements Callable<Integer> {
  @Option(names = "--between", arity = "2", required = true, paramLabel = "COUNTRY",
      description = "The two country polygon files: first (right side), second (left side).")
  List<Path> between;

  @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "FILE",
      description = "Output GeoJSON file, '-' for standard output (default).")
  String output;

  @picocli.CommandLine.Mixin Verbosity log;

  @Option(names = "--snap", defaultValue = "2.5km", converter = Distance.class, paramLabel = "DIST",
      description = "Outlines closer than this count as the same border (default ${DEFAULT-VALUE}; suits data whose neighbours are 1-2 km apart).")
  double snapM;

  @Option(names = "--names", split = ",", paramLabel = "FIRST,SECOND",
      description = "Side names (default: the ISO code in each file's properties, else the file name).")
  List<String> names;

  @Override
  public Integer call() throws Exception {
    if (names != null && names.size() != 2) {
      throw new UserException("--names needs two names separated by a comma, e.g. --names MNE,ALB");
    }
    SameFiles.check(between, SameFiles.outputs("-o", output));
    Country first = country(between.get(0));
    Country second = country(between.get(1));
    String rightName = names != null ? names.get(0) : first.name();
    String leftName = names != null ? names.get(1) : second.name();
    SharedBorder.Result r;
    try {
      r = SharedBorder.between(first.area(), second.area(), snapM);
    } catch (GeometryException e) {
      throw new UserException(rightName + "/" + leftName + ": " + e.getMessage());
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("name", rightName + "-" + leftName);
    props.put(BorderLines.SIDE_LEFT, leftName);
    props.put(BorderLines.SIDE_RIGHT, rightName);
    props.put("length_m", Math.round(r.lengthM() * 10) / 10.0);
    props.put("snap_m", snapM);
    props.put("sources", List.of(between.get(0).getFileName().toString(), between.get(1).getFileName().toString()));
    try (OutputTarget out = OutputTarget.open(output)) {
      GeoJson.write(out.stream(), List.of(new GeoFeature(r.lineLonLat(), props)));
      out.commit();
    }
    if (!log.quiet()) {
      log.err().printf(
          Locale.ROOT, "border %s-%s: %.1f km, %d vertices%s%n", rightName, leftName, r.lengthM() / 1000,
          r.lineLonLat().getNumPoints(),
          r.piecesFound() > 1 ? String.format(Locale.ROOT, " (kept the longest of %d pieces; %.1f km of shorter pieces dropped)", r.piecesFound(), r.droppedM() / 1000) : "");
    }
    return ExitCode.OK;
  }

  private record Country(Geometry area, String name) {}

  private static final String[] CODE_KEYS = {"adm0_a3", "ADM0_A3", "iso_a3", "ISO_A3", "shapeGroup", "shapeISO", "iso", "ISO", "id"};

  private static Country country(Path file) throws Exception {
    List<GeoFeature> features = GeometryFiles.read(file);
    List<Geometry> parts = new ArrayList<>();
    String code = null;
    for (GeoFeature f : features) {
      if (!(f.geometry() instanceof Polygonal)) {
        throw new UserException(file + ": expected country polygons, found a " + f.geometry().getGeometryType());
      }
      parts.add(f.geometry());
      for (String k : CODE_KEYS) {
        if (code == null && f.string(k) != null && !f.string(k).isBlank()) {
          code = f.string(k);
        }
      }
    }
    if (code == null) {
      String stem = file.getFileName().toString();
      code = stem.contains(".") ? stem.substring(0, stem.indexOf('.')) : stem;
    }
    Geometry area = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
    return new Country(area, code);
  }
}
