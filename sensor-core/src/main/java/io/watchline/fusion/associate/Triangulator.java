package io.watchline.fusion.associate;

import io.watchline.fusion.track.Measurement;
import io.watchline.fusion.track.Track;
import io.watchline.fusion.track.Tracker;
import io.watchline.observation.Kind;
import io.watchline.observation.Observation;
import io.watchline.observation.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Places objects no radar sees by crossing two cameras' bearings taken at about the same time.
 * Unpaired bearings wait up to {@code pairWindowMs} for a partner. With several objects in view, two
 * bearings from each camera cross in four places, two of them ghosts: a pair whose crossing lies
 * within 60 m of a live track's prediction is preferred, then the pair closest in time, and every
 * bearing is used once. Bearings of one site are never paired; crossings flatter than {@code
 * minCrossingAngleDeg}, behind either camera or beyond its range (+10 %) place nothing.
 *
 * <p>The crossed position is isotropic with sigma = max(5 m, farther range × bearing sigma /
 * max(sin(crossing angle), 0.2)). Not thread-safe; memory holds the bearings of the last window.
 */
public final class Triangulator {
  private final long pairWindowMs;
  private final double sigmaBearingDeg;
  private final double minCrossingAngleDeg;
  private final List<Bearing> pending = new ArrayList<>();
  private long placed;
  private final ToDoubleBiFunction<Observation, Double> classReliability;

  /**
   * @param pairWindowMs bearings this close in time may be crossed, ms
   * @param sigmaBearingDeg a camera's bearing error (1 sigma), degrees
   * @param minCrossingAngleDeg flatter crossings place nothing, degrees
   */
  public Triangulator(long pairWindowMs, double sigmaBearingDeg, double minCrossingAngleDeg) {
    this(pairWindowMs, sigmaBearingDeg, minCrossingAngleDeg, (o, r) -> 1);
  }

  /**
   * @param classReliability how far a camera's class at a range is a recognition (observation,
   *     range in m), for the class the crossed position carries
   */
  public Triangulator(long pairWindowMs, double sigmaBearingDeg, double minCrossingAngleDeg,
      ToDoubleBiFunction<Observation, Double> classReliability) {
    this.classReliability = classReliability;
    this.pairWindowMs = pairWindowMs;
    this.sigmaBearingDeg = sigmaBearingDeg;
    this.minCrossingAngleDeg = minCrossingAngleDeg;
  }

  /**
   * Offers a bearing; returns a crossed position when a partner is waiting, else keeps it.
   *
   * @param b the bearing; bearings must come in time order (older waiting ones expire against it)
   * @param live the live tracks, to prefer crossings near a track over ghosts (not modified)
   * @return the position (kind thermal, time of the newer bearing, both sources), or null
   */
  public Measurement offer(Bearing b, List<Track> live) {
    expire(b.tMs());
    Bearing bestP = null;
    double[] bestXY = null;
    double bestScore = Double.POSITIVE_INFINITY;
    for (Bearing p : pending) {
      if (p.site().equals(b.site())) {
        continue;
      }
      double[] xy = cross(b, p);
      if (xy == null) {
        continue;
      }
      double score = Math.abs(b.tMs() - p.tMs()) / 1000.0 + 10;
      for (Track t : live) {
        double[] q = Tracker.predictedPosition(t, b.tMs());
        if (Math.hypot(q[0] - xy[0], q[1] - xy[1]) < 60) {
          score -= 10;
          break;
        }
      }
      if (score < bestScore) {
        bestScore = score;
        bestP = p;
        bestXY = xy;
      }
    }
    if (bestP == null) {
      pending.add(b);
      return null;
    }
    pending.remove(bestP);
    placed++;
    double r = Math.max(b.distanceTo(bestXY[0], bestXY[1]), bestP.distanceTo(bestXY[0], bestXY[1]));
    double sinA = Math.abs(b.dx() * bestP.dy() - b.dy() * bestP.dx());
    double sigma = Math.max(5, r * Math.toRadians(sigmaBearingDeg) / Math.max(sinA, 0.2));
    double v = sigma * sigma;
    List<Source> src = new ArrayList<>(2);
    src.add(bestP.obs().src());
    src.add(b.obs().src());
    Bearing classed = b.obs().cls() != null ? b : bestP;
    String cls = classed.obs().cls();
    double conf = Double.isNaN(b.obs().conf()) ? bestP.obs().conf() : b.obs().conf();
    long t = Math.max(b.tMs(), bestP.tMs());
    return new Measurement(t, bestXY[0], bestXY[1], v, 0, v, Kind.THERMAL, b.site(), null, cls, conf, src, null,
        classReliability.applyAsDouble(classed.obs(), classed.distanceTo(bestXY[0], bestXY[1])));
  }

  /** Where two lines of sight cross ahead of both cameras and within their ranges, or null. */
  double[] cross(Bearing a, Bearing b) {
    double det = a.dx() * (-b.dy()) - a.dy() * (-b.dx());
    double sin = Math.abs(a.dx() * b.dy() - a.dy() * b.dx());
    if (sin < Math.sin(Math.toRadians(minCrossingAngleDeg))) {
      return null;
    }
    double rx = b.ox() - a.ox(), ry = b.oy() - a.oy();
    double s = (rx * (-b.dy()) - ry * (-b.dx())) / det;
    double u = (a.dx() * ry - a.dy() * rx) / det;
    if (s <= 0 || u <= 0) {
      return null;
    }
    if (!Double.isNaN(a.maxRangeM()) && s > a.maxRangeM() * 1.1) return null;
    if (!Double.isNaN(b.maxRangeM()) && u > b.maxRangeM() * 1.1) return null;
    return new double[] {a.ox() + s * a.dx(), a.oy() + s * a.dy()};
  }

  private void expire(long nowMs) {
    Iterator<Bearing> it = pending.iterator();
    while (it.hasNext()) {
      if (nowMs - it.next().tMs() > pairWindowMs) {
        it.remove();
      }
    }
  }

  /** Positions crossed so far. */
  public long placed() {
    return placed;
  }

  /** Bearings waiting for a partner. */
  public int pending() {
    return pending.size();
  }
}
