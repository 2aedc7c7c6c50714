package io.watchline.flink;

import io.watchline.fusion.FusionPipeline;
import io.watchline.fusion.partition.RegionPartitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The job's command line: {@code watchline fuse}'s arguments (observation files, {@code --border},
 * {@code --sectors}, {@code --sector-every}, {@code --band}, {@code --sites}, {@code --min-score},
 * {@code --reorder-window}, {@code --to}, {@code --tracks}, {@code --rejects}, {@code -o}) plus
 * {@code --parallelism}, {@code --regions} and {@code --halo}.
 */
final class JobArgs {
  static final String USAGE = """
      usage: FuseJob OBS.ndjson... --border FILE --sites FILE [--sectors FILE] [--sector-every DIST]
                     [--band DIST] [--min-score S] [--reorder-window MS] [--to ndjson|geojson]
                     [--tracks FILE] [--rejects FILE] [-o FILE] [--parallelism N] [--regions N]
                     [--halo DIST] [--manifest FILE] [-q]
         or: FuseJob --kafka HOST:PORT[,...] --border FILE --sites FILE [--observations-topic T]
                     [--incidents-topic T] [--rejects-topic T] [--group ID] [--bounded]
                     [--idle-after MS] [same fusion and partitioning options]
        DIST is metres, or with a unit: 500m, 10km. --reorder-window is also the watermark's lateness.
        --regions defaults to the parallelism; --halo to 5km (docs/scale.md).
        Kafka topics default to watchline.observations, watchline.incidents, watchline.rejects; --bounded
        stops at the end offsets found at start; a partition silent --idle-after ms (60000) stops holding
        the watermark back.""";

  final List<String> inputs = new ArrayList<>();
  /** The command line as given, for the run manifest. */
  final List<String> arguments = new ArrayList<>();
  String manifest;
  String border;
  String sectors;
  double sectorEveryM = 10_000;
  double bandM = 5_000;
  String sites;
  double minScore = 0.5;
  long reorderWindowMs = FusionPipeline.DEFAULT_REORDER_WINDOW_MS;
  String to = "ndjson";
  String tracks;
  String rejects;
  String output = "-";
  int parallelism = 2;
  int regions;
  double haloM = RegionPartitioner.DEFAULT_HALO_M;
  boolean quiet;
  String kafka;
  String observationsTopic = KafkaSettings.OBSERVATIONS;
  String incidentsTopic = KafkaSettings.INCIDENTS;
  String rejectsTopic = KafkaSettings.REJECTS;
  String group = KafkaSettings.GROUP;
  boolean bounded;
  long idleMs = KafkaSettings.IDLE_MS;

  /** A mistake on the command line: printed with the usage, exit 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static JobArgs parse(String[] args) throws UsageException {
    JobArgs a = new JobArgs();
    a.arguments.addAll(List.of(args));
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg, value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!name.startsWith("-") || "-".equals(name)) {
        a.inputs.add(arg);
        continue;
      }
      if ("-q".equals(name) || "--quiet".equals(name)) {
        a.quiet = true;
        continue;
      }
      if ("--bounded".equals(name)) {
        a.bounded = true;
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--border", "--borders" -> a.border = value;
        case "--sectors" -> a.sectors = value;
        case "--sector-every", "--every" -> a.sectorEveryM = distance(name, value);
        case "--band" -> a.bandM = distance(name, value);
        case "--sites" -> a.sites = value;
        case "--min-score" -> a.minScore = number(name, value);
        case "--reorder-window" -> a.reorderWindowMs = (long) number(name, value);
        case "--to" -> a.to = value;
        case "--tracks" -> a.tracks = value;
        case "--rejects" -> a.rejects = value;
        case "-o", "--output" -> a.output = value;
        case "--manifest" -> a.manifest = value;
        case "--parallelism" -> a.parallelism = (int) number(name, value);
        case "--regions" -> a.regions = (int) number(name, value);
        case "--halo" -> a.haloM = distance(name, value);
        case "--kafka" -> a.kafka = value;
        case "--observations-topic" -> a.observationsTopic = value;
        case "--incidents-topic" -> a.incidentsTopic = value;
        case "--rejects-topic" -> a.rejectsTopic = value;
        case "--group" -> a.group = value;
        case "--idle-after" -> a.idleMs = (long) number(name, value);
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (a.border == null || a.sites == null) {
      throw new UsageException("--border and --sites are required");
    }
    if (a.kafka != null) {
      if (!a.inputs.isEmpty() || a.tracks != null || a.rejects != null || !"-".equals(a.output) || a.manifest != null) {
        throw new UsageException("with --kafka the job reads and writes topics: no observation files, -o, --tracks, --rejects"
            + " or --manifest");
      }
      if (a.idleMs < 0) {
        throw new UsageException("--idle-after must not be negative");
      }
    } else if (a.inputs.isEmpty() || a.inputs.contains("-")) {
      throw new UsageException("the flink engine reads observation files (standard input cannot be shared by its tasks)");
    }
    if (!"ndjson".equals(a.to) && !"geojson".equals(a.to)) {
      throw new UsageException("--to must be ndjson or geojson, not '" + a.to + "'");
    }
    if (!(a.minScore >= 0 && a.minScore <= 1)) {
      throw new UsageException("--min-score must be between 0 and 1");
    }
    if (a.parallelism < 1 || a.regions < 0 || a.reorderWindowMs < 0) {
      throw new UsageException("--parallelism must be at least 1, --regions and --reorder-window not negative");
    }
    return a;
  }

  FuseSettings settings() {
    return new FuseSettings(inputs, border, sectors, sectorEveryM, bandM, sites, minScore, reorderWindowMs,
        regions > 0 ? regions : parallelism, haloM);
  }

  KafkaSettings kafkaSettings() {
    return new KafkaSettings(kafka, observationsTopic, incidentsTopic, rejectsTopic, group, bounded, idleMs);
  }

  private static double number(String name, String v) throws UsageException {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " takes a number, not '" + v + "'");
    }
  }

  private static double distance(String name, String v) throws UsageException {
    String s = v.trim().toLowerCase(Locale.ROOT);
    double unit = 1;
    if (s.endsWith("km")) {
      unit = 1000;
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("m")) {
      s = s.substring(0, s.length() - 1);
    }
    double d = number(name, s.trim()) * unit;
    if (!(d >= 0)) {
      throw new UsageException(name + " must not be negative: " + v);
    }
    return d;
  }
}
