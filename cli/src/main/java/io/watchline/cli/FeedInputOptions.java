package io.watchline.cli;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.asterix.Framing;
import io.watchline.sites.SiteRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Options shared by the commands that read raw feeds ({@code ingest}, {@code validate}). */
public final class FeedInputOptions {
  @Option(names = "--sites", paramLabel = "FILE",
      description = "Sensor registry (sites.yaml or JSON): places polar radar plots and camera bearings.")
  Path sites;

  @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Feed format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, detected from the content).")
  FeedFormat format;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "UTC date of ASTERIX time-of-day values (and of NMEA GGA fixes before any RMC)."
          + " Needed for raw, FINAL and GPS-framed ASTERIX; pcap files carry their own.")
  String date;

  @Option(names = "--cat062-edition", paramLabel = "auto|0.17|1.18", defaultValue = "auto",
      description = "CAT062 edition (default: ${DEFAULT-VALUE}: detected where the record lengths leave no doubt, else 1.18).")
  String cat062Edition;

  @Option(names = "--framing", paramLabel = "auto|raw|final|pcap|gps", defaultValue = "auto",
      description = "How ASTERIX data blocks are packed (default: ${DEFAULT-VALUE}: detected from the content;"
          + " given, it also makes input no detector recognises ASTERIX).")
  String framing;

  @Option(names = "--sensor", paramLabel = "ID",
      description = "Sensor or unit id for feeds that name none (ONVIF camera site, NMEA/GPX unit;"
          + " default: the file name without extension).")
  String sensor;

  @Option(names = "--all-cot-types",
      description = "Make every CoT event with a position a patrol fix, not only friendly ground units (a-f-G*).")
  boolean allCotTypes;

  public FeedOptions feedOptions() {
    FeedOptions o = FeedOptions.defaults();
    if (date != null) {
      try {
        o = o.withDate(LocalDate.parse(date));
      } catch (DateTimeParseException e) {
        throw new UserException("--date must be YYYY-MM-DD, not '" + date + "'");
      }
    }
    try {
      o = o.withCat062Edition(FeedOptions.Cat062Edition.parse(cat062Edition))
          .withFraming(Framing.parse(framing));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    return o.withSensor(sensor).withAllCotTypes(allCotTypes);
  }

  /** Standard input can be read once: a second '-' would read nothing (or a format guess at nothing). */
  static void checkStdinOnce(List<String> inputs) {
    if (inputs != null && inputs.stream().filter("-"::equals).count() > 1) {
      throw new UserException("'-' (stdin) may be given only once");
    }
  }

  public SiteRegistry siteRegistry() throws IOException {
    return sites == null ? SiteRegistry.empty() : SiteRegistry.load(sites);
  }

  public FeedFormat format() {
    return format;
  }
}
