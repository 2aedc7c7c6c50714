package io.watchline.reliability;

import io.watchline.feed.FeedFormat;
import io.watchline.feed.FeedOptions;
import io.watchline.feed.Feeds;
import io.watchline.ndjson.NdjsonObservationReader;
import io.watchline.sites.Site;
import io.watchline.sites.SiteKind;
import io.watchline.sites.SiteRegistry;
import java.nio.file.Path;
import java.util.List;

/** Every feed reader the reliability suite fuzzes, with its seeds. Add a line when a reader lands. */
final class Targets {
  private Targets() {}

  static Path seeds(String name) {
    return Samples.fixtures().resolve("fuzz-seeds").resolve(name);
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
      () -> Samples.files(Samples.fixtures().resolve("nmea"), "*.log"),
      2, 0, true, "\\$");

  // One XML document: a well-formedness error ends it (every point before is kept).
  static final FeedTarget GPX = new FeedTarget("gpx", via(FeedFormat.GPX),
      () -> Samples.files(Samples.fixtures().resolve("gpx"), "*.gpx"),
      FeedTarget.NOT_CHECKED, 0, true, "<(\\w+:)?(trkpt|wpt|rtept)\\b");

  // Events are framed one by one: damaging "</event>" merges two events into one bad one.
  static final FeedTarget COT = new FeedTarget("cot",
      (in, file, rejects) -> Feeds.open(in, file, FeedFormat.COT,
          FeedOptions.defaults().withAllCotTypes(true), SiteRegistry.empty(), rejects),
      () -> Samples.files(Samples.fixtures().resolve("cot"), "*.xml"), 2, 0, true, "<event\\b");

  /** Radars and cameras named in the seeds, so that polar and bearing records get placed. */
  static final SiteRegistry SITES = new SiteRegistry(List.of(
      new Site("RDR-07", SiteKind.RADAR, 42.36, 19.60, 8, 135, 120, 50, 12000, 25, 201, -500),
      new Site("RDR-ZAG", SiteKind.RADAR, 45.74, 16.07, 30, 0, 360, 0, 500_000, 25, 202, 250),
      new Site("TC-01", SiteKind.THERMAL, 42.05, 19.30, 12, 135, 40, 0, 3000, -1, -1, 0),
      new Site("TC-02", SiteKind.THERMAL, 42.10, 19.40, 12, 200, 60, 0, 3000, -1, -1, 100),
      new Site("MyClassifier", SiteKind.THERMAL, 42.0, 19.0, 10, 359, 60, 0, 2000, -1, -1, 0)));

  static FeedTarget.Opener with(FeedFormat format, FeedOptions options) {
    return (in, file, rejects) -> Feeds.open(in, file, format, options, SITES, rejects);
  }

  // Binary: provenance is the record's byte offset. The samples are read in place (GPL: never
  // copy them, nor inputs derived from them, into the repository). A data block cut by the end
  // of the file is rejected whole, complete records included (a known limit, see
  // docs/reliability.md), so the truncation check is off.
  static final FeedTarget ASTERIX = new FeedTarget("asterix",
      with(FeedFormat.ASTERIX, FeedOptions.defaults().withDate(java.time.LocalDate.of(2016, 5, 5))),
      () -> Samples.restricted("feeds/asterix", "*.{pcap,raw,ast,gps,ff,FF}"),
      FeedTarget.NOT_CHECKED, 0, false, null);

  static final FeedTarget ONVIF = new FeedTarget("onvif", with(FeedFormat.ONVIF, FeedOptions.defaults()),
      () -> Samples.concat(
          Samples.restrictedOrNone("feeds/onvif", "*.xml"),
          Samples.files(Samples.fixtures().resolve("onvif"), "*.xml")),
      FeedTarget.NOT_CHECKED, 0, true, "<(\\w+:)?Object\\b");

  static final FeedTarget CSV = new FeedTarget("csv", with(FeedFormat.CSV, FeedOptions.defaults()),
      () -> Samples.files(seeds("csv"), "*.{csv,tsv}"), FeedTarget.LINE_LOCAL, 1, true, null);

  static List<FeedTarget> all() {
    return List.of(NDJSON, NMEA, GPX, COT, ASTERIX, ONVIF, CSV);
  }
}
