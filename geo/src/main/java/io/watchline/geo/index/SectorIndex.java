package io.watchline.geo.index;

import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/** Sector polygons in projected metres answering which sector holds a point. Thread-safe. */
public final class SectorIndex {
  private final Envelope[] envelopes;
  private final IndexedPointInAreaLocator[] locators;

  private SectorIndex(Envelope[] envelopes, IndexedPointInAreaLocator[] locators) {
    this.envelopes = envelopes;
    this.locators = locators;
  }

  public static SectorIndex build(List<Geometry> polygonsXy) {
    Envelope[] env = new Envelope[polygonsXy.size()];
    IndexedPointInAreaLocator[] loc = new IndexedPointInAreaLocator[env.length];
    for (int i = 0; i < env.length; i++) {
      env[i] = polygonsXy.get(i).getEnvelopeInternal();
      loc[i] = new IndexedPointInAreaLocator(polygonsXy.get(i));
    }
    return new SectorIndex(env, loc);
  }

  public int size() {
    return envelopes.length;
  }

  /** Index of the first sector containing the point (boundary included), or -1. */
  public int sectorOf(double px, double py) {
    for (int i = 0; i < envelopes.length; i++) {
      if (envelopes[i].contains(px, py)) {
        synchronized (locators[i]) {
          if (locators[i].locate(new Coordinate(px, py)) != Location.EXTERIOR) {
            return i;
          }
        }
      }
    }
    return -1;
  }
}
