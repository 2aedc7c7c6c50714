package io.watchline.geo.coverage;

/** One patrol GPS position: WGS84 degrees, time in epoch milliseconds, patrol unit id. */
public record PatrolFix(double lat, double lon, long epochMillis, String unit) {}
