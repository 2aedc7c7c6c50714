package io.watchline.incident;

import java.time.Instant;

/** One point of an incident's track, serialised as {@code [lon, lat, "t"]}. */
public record TrackPoint(double lon, double lat, Instant t) {}
