package io.watchline.reliability;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.Feeds;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.SiteRegistry;
import java.nio.file.Path;
import java.util.List;

/** Every feed reader the reliability suite fuzzes, with its seeds. Add a line when a reader lands. */
final class Targets {
  private Targets() {}

  static Path seeds(String name) {
    return Samples.fixtures().resolve("fuzz-seeds").resolve(name);
  }

  static Path feeds(String sub) {
    return Samples.realdata().resolve("feeds").resolve(sub);
  }

  /** Opens the reader the way ingest does, with the format forced (detection is its own target). */
  static FeedTarget.Opener via(FeedFormat format) {
    return (in, file, rejects) ->
        Feeds.open(in, file, format, FeedOptions.defaults(), SiteRegistry.empty(), rejects);
  }

  static final FeedTarget NDJSON = new FeedTarget("ndjson", NdjsonObservationReader::new,
      () -> Samples.files(seeds("ndjson"), "*.ndjson"), FeedTarget.LINE_LOCAL, 0, true, "\\{");

  // An epoch's RMC and GGA make one fix and a GGA takes the latest RMC's date: one damaged line
  // may cost its own fix and the one it pairs with.
  static final FeedTarget NMEA = new FeedTarget("nmea", via(FeedFormat.NMEA),
      () -> Samples.concat(
          Samples.files(feeds("nmea/gpsd"), "*.log"),
          Samples.filesOrNone(Samples.fixtures().resolve("nmea"), "*.log")),
      2, 0, true, "\\$");

  // One XML document: a well-formedness error ends it (every point before is kept).
  static final FeedTarget GPX = new FeedTarget("gpx", via(FeedFormat.GPX),
      () -> Samples.concat(
          Samples.files(feeds("gpx/gpxpy"), "*.gpx"),
          Samples.filesOrNone(Samples.fixtures().resolve("gpx"), "*.gpx")),
      FeedTarget.NOT_CHECKED, 0, true, "<(\\w+:)?(trkpt|wpt|rtept)\\b");

  // Events are framed one by one: damaging "</event>" merges two events into one bad one.
  static final FeedTarget COT = new FeedTarget("cot",
      (in, file, rejects) -> Feeds.open(in, file, FeedFormat.COT,
          FeedOptions.defaults().withAllCotTypes(true), SiteRegistry.empty(), rejects),
      () -> Samples.files(feeds("cot/freetakserver"), "*.xml"), 2, 0, true, "<event\\b");

  static List<FeedTarget> all() {
    return List.of(NDJSON, NMEA, GPX, COT);
  }
}
