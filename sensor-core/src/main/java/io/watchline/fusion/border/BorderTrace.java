package io.watchline.fusion.border;

import java.util.ArrayList;
import java.util.List;

/**
 * One track's relation to the border, updated with each filtered position: crossings (with
 * hysteresis so that jitter along the line is not a crossing), closest approach, time spent near
 * the line and whether the track was last heading in or out.
 */
public final class BorderTrace {
  /** A side counts as reached only this far from the line, in metres. */
  public static final double HYSTERESIS_M = 15;
  /** Updates further apart than this around a crossing make it "inferred" rather than "seen". */
  public static final long SEEN_GAP_MS = 20_000;

  private final BorderView border;
  private final double nearM;
  private final List<CrossingEvent> crossings = new ArrayList<>();

  private int firmSide; // +1 left, -1 right, 0 not yet
  private double firmLat, firmLon;
  private long firmT;
  private int rawSide;
  private long rawT;

  private double firstDist = Double.NaN, lastDist = Double.NaN;
  private long firstT, lastT;
  private double minAbs = Double.POSITIVE_INFINITY;
  private long minT;
  private double minLat, minLon;
  private long nearMs;
  private long prevT = Long.MIN_VALUE;
  private double prevAbs;
  private boolean enteredNear;
  private double lastLat, lastLon, firstLat, firstLon;

  public BorderTrace(BorderView border, double nearM) {
    this.border = border;
    this.nearM = nearM;
  }

  public void add(long tMs, double lat, double lon) {
    double d = border.signedDistanceM(lat, lon);
    double abs = Math.abs(d);
    if (Double.isNaN(firstDist)) {
      firstDist = d;
      firstT = tMs;
      firstLat = lat;
      firstLon = lon;
    }
    if (prevT != Long.MIN_VALUE && prevAbs <= nearM && abs <= nearM) {
      nearMs += tMs - prevT;
    }
    if (abs <= nearM) {
      enteredNear = true;
    }
    if (abs < minAbs) {
      minAbs = abs;
      minT = tMs;
      minLat = lat;
      minLon = lon;
    }
    int raw = d >= 0 ? 1 : -1;
    if (rawSide != 0 && raw != rawSide) {
      lastSwitchGap = tMs - rawT;
    }
    // the first point sets the side even inside the hysteresis band: a track may start close to the line
    if (abs >= HYSTERESIS_M || firmSide == 0) {
      if (firmSide != 0 && raw != firmSide) {
        addCrossing(tMs, lat, lon);
      }
      firmSide = raw;
      firmLat = lat;
      firmLon = lon;
      firmT = tMs;
    }
    rawSide = raw;
    rawT = tMs;
    prevT = tMs;
    prevAbs = abs;
    lastDist = d;
    lastT = tMs;
    lastLat = lat;
    lastLon = lon;
  }

  private long lastSwitchGap;

  private void addCrossing(long tMs, double lat, double lon) {
    BorderView.Crossing c = border.crossing(firmLat, firmLon, lat, lon);
    long gap = lastSwitchGap;
    double cLat, cLon, f;
    String from, to;
    if (c != null) {
      cLat = c.lat();
      cLon = c.lon();
      f = c.fraction();
      from = c.from();
      to = c.to();
    } else {
      // the straight segment misses a wiggly line: take the midpoint, sides from the signs
      cLat = (firmLat + lat) / 2;
      cLon = (firmLon + lon) / 2;
      f = 0.5;
      from = firmSide > 0 ? border.left() : border.right();
      to = firmSide > 0 ? border.right() : border.left();
    }
    long t = firmT + Math.round(f * (tMs - firmT));
    crossings.add(new CrossingEvent(t, cLat, cLon, border.sectorOf(cLat, cLon), from, to, gap <= SEEN_GAP_MS, gap));
  }

  /** Takes the crossings of a duplicate track of the same target that this one has not seen. */
  public void adopt(BorderTrace other) {
    for (CrossingEvent c : other.crossings) {
      boolean known = false;
      for (CrossingEvent mine : crossings) {
        known |= Math.abs(mine.tMs() - c.tMs()) < 120_000;
      }
      if (!known) {
        crossings.add(c);
      }
    }
    crossings.sort(java.util.Comparator.comparingLong(CrossingEvent::tMs));
    nearMs = Math.max(nearMs, other.nearMs);
    enteredNear |= other.enteredNear;
  }

  public List<CrossingEvent> crossings() { return crossings; }
  public double minDistanceM() { return minAbs; }
  public long minDistanceT() { return minT; }
  public double minLat() { return minLat; }
  public double minLon() { return minLon; }
  public long nearMs() { return nearMs; }
  public boolean enteredNear() { return enteredNear; }
  public double firstDistanceM() { return firstDist; }
  public double lastDistanceM() { return lastDist; }
  public long firstT() { return firstT; }
  public long lastT() { return lastT; }
  public double firstLat() { return firstLat; }
  public double firstLon() { return firstLon; }
  public double lastLat() { return lastLat; }
  public double lastLon() { return lastLon; }
  public BorderView border() { return border; }
}
