package io.watchline.fusion.border;

/**
 * A track crossed the border.
 *
 * @param tMs interpolated crossing time
 * @param seen true when the track had updates on both sides within the seen-gap; false when it
 *     coasted across (a coverage hole) and the crossing is inferred
 * @param gapMs time between the last update before and the first after the crossing
 */
public record CrossingEvent(long tMs, double lat, double lon, String sector, String from, String to, boolean seen, long gapMs) {}
