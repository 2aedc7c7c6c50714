package io.watchline.geo.coverage;

import io.watchline.geo.InvalidValueException;

/**
 * Settings of one coverage analysis.
 *
 * @param windowStartMillis start of the analysed time window (epoch ms)
 * @param windowEndMillis end of the window (exclusive)
 * @param hourFrom first UTC hour counted each day (0..23), or -1 for all day
 * @param hourTo UTC hour at which counting stops each day (may wrap past midnight: 18 -> 6)
 * @param targetHeightM height of the target that must be seen
 * @param cellM coverage raster cell size in metres
 * @param sampleM spacing of the border samples in metres
 * @param sweepM width of the strip a patrol sees (half on each side of its track)
 * @param revisitMillis a border point counts as patrolled when visited at least this often
 * @param minGapM shortest uncovered run reported as a gap
 * @param pdAtMaxRange detection probability at a sensor's maximum range (1 = no fall-off); falls
 *     linearly from 1 at the minimum range
 * @param minPd combined detection probability needed for a cell to count as seen
 * @param suggest how many extra sensors and patrol routes to suggest (0 for none)
 * @param candidateSpacingM spacing of candidate sensor sites along the border
 * @param candidateHeightM mast height of a suggested sensor
 * @param candidateRangeM range of a suggested sensor
 * @param routeLengthM length of border a suggested patrol route walks
 */
public record CoverageOptions(
    long windowStartMillis, long windowEndMillis, int hourFrom, int hourTo, double targetHeightM,
    double cellM, double sampleM, double sweepM, long revisitMillis, double minGapM,
    double pdAtMaxRange, double minPd, int suggest, double candidateSpacingM, double candidateHeightM,
    double candidateRangeM, double routeLengthM) {

  public CoverageOptions {
    if (windowEndMillis <= windowStartMillis) {
      throw new InvalidValueException("time window must end after it starts");
    }
    if (!(cellM >= 5) || !(sampleM > 0) || !(sweepM >= 0) || revisitMillis <= 0 || !(minGapM >= 0)) {
      throw new InvalidValueException("cell >= 5 m, sample > 0, sweep >= 0, revisit > 0 and min gap >= 0 are required");
    }
    if ((hourFrom < -1 || hourFrom > 23) || (hourFrom >= 0 && (hourTo < 0 || hourTo > 24))) {
      throw new InvalidValueException("hours must be 0..24");
    }
  }

  /** Defaults for a window: person target, 50 m cells, 300 m sweep, 4 h revisit, 200 m gaps. */
  public static CoverageOptions defaults(long startMillis, long endMillis) {
    return new CoverageOptions(startMillis, endMillis, -1, -1, ViewshedParams.PERSON_HEIGHT_M, 50, 50, 300,
        4 * 3_600_000L, 200, 1.0, 0.5, 0, 2000, 10, 6000, 8000);
  }

  public CoverageOptions withSuggest(int k) {
    return new CoverageOptions(windowStartMillis, windowEndMillis, hourFrom, hourTo, targetHeightM, cellM, sampleM,
        sweepM, revisitMillis, minGapM, pdAtMaxRange, minPd, k, candidateSpacingM, candidateHeightM, candidateRangeM,
        routeLengthM);
  }

  public CoverageOptions withPatrols(double sweep, long revisit) {
    return new CoverageOptions(windowStartMillis, windowEndMillis, hourFrom, hourTo, targetHeightM, cellM, sampleM,
        sweep, revisit, minGapM, pdAtMaxRange, minPd, suggest, candidateSpacingM, candidateHeightM, candidateRangeM,
        routeLengthM);
  }

  public CoverageOptions withCell(double cell, double sample) {
    return new CoverageOptions(windowStartMillis, windowEndMillis, hourFrom, hourTo, targetHeightM, cell, sample,
        sweepM, revisitMillis, minGapM, pdAtMaxRange, minPd, suggest, candidateSpacingM, candidateHeightM,
        candidateRangeM, routeLengthM);
  }
}
