package io.watchline.export;

import java.util.Locale;

/** The formats {@code watchline export} writes. */
public enum ExportFormat {
  GEOJSON("geojson", true),
  GEOJSONSEQ("geojsons", true),
  CSV("csv", true),
  KML("kml", true),
  GPKG("gpkg", false),
  COT("cot.xml", true),
  /** EUROSUR event reports of crossings and attempted crossings, NDJSON (docs/cooperation.md). */
  EUROSUR("eurosur.ndjson", true);

  private final String extension;
  private final boolean streamable;

  ExportFormat(String extension, boolean streamable) {
    this.extension = extension;
    this.streamable = streamable;
  }

  /** Usual file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** False for formats that need a seekable file (GeoPackage is an SQLite database). */
  public boolean streamable() {
    return streamable;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The wire name, so that help texts and error messages show what users type. */
  @Override
  public String toString() {
    return wireName();
  }
}
