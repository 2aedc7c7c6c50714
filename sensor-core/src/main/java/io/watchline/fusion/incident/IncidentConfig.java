package io.watchline.fusion.incident;

/**
 * Incident-candidate parameters: approach, loiter and crossing rules, stitching a lost track to a
 * found one across the line, merging candidates into incidents. Built by name:
 * {@code IncidentConfig.builder().minLoiterMs(20 * 60_000L).build()}; docs/fusion.md says why each
 * default is what it is. Immutable and thread-safe.
 *
 * @param approachNearM a track heading in that comes closer than this to the line is near it, m; also the
 *     distance at which the closeness score term reaches 0
 * @param minApproachM an approach must have come at least this much closer to the line, m
 * @param minLoiterMs a stay this long within {@code dwellRadiusM} makes a loiter, ms
 * @param dwellRadiusM a loiter stays within this radius of where the stay began, m
 * @param loiterNearM ... and this close to the line, m
 * @param mergeM candidates whose events are this close ...
 * @param mergeMs ... and this close in time (same direction for crossings) are one incident, ms
 * @param recrossMs crossings of one track closer in time than this are one incident, ms
 * @param shapeWindowMs path shape (straightness) is judged over this long around the event, ms
 * @param shapeStepMs ... on points this far apart, ms
 * @param speedStepMs a track's mean speed is measured on points this far apart, ms
 * @param stitchWindowMs a track found across the line up to this long after one was lost near it may be the same
 *     target, ms
 * @param stitchNearM ... when the one was lost, and the other found, this close to the line, m
 * @param stitchClosingMps ... and moving towards (lost) or away from (found) the line faster than this, m/s
 * @param courseWindowMs course at a track's start and end is fitted over this long, ms
 * @param stitchMinSpeedMps speed assumed for a lost track slower than this when bounding the stitch gap, m/s
 * @param stitchSlackM the found track may start this far ...
 * @param stitchSpeedFactor ... plus this many times the lost track's speed times the gap in time from where it was
 *     lost
 * @param closingLookAheadS closing speed is judged by where the track would be this many seconds on, s
 * @param returnMinMs a track crossing back this long or longer after it crossed made two crossings (went and came
 *     back), each judged on its own leg; quicker back and forth is one, ms
 * @param returnMinStraightness ... and only when both legs (in before the first, out after the second) are at least
 *     this straight: wildlife wanders to and fro, people walk in and out
 * @param maxDwellMs a track lost near the line and one leaving from the same place up to this long later are a group
 *     that stayed there unseen (a loiter, when the gap is at least {@code minLoiterMs}), ms
 * @param inferHorizonMs a good track lost heading for the line, with nobody leaving from there again, is projected
 *     this far on its last course to infer a crossing, ms
 * @param stayNearM a track that walked in and was lost this close to the line, where weaker tracks keep coming, may
 *     have stood there ({@code CrossingStitcher} stays), m
 * @param stayMinArrivalHits ... when it has at least this many measurements (followed for minutes on its walk in)
 * @param unclassifiedMinStraightness a crossing by a track called an animal, or only radars saw and nobody classified,
 *     on a path less straight than this is wildlife grazing over the line: no crossing
 * @param stayWalkInM a track lost near the line with fewer than {@code stayMinArrivalHits} measurements still arrived
 *     for a stay when it walked at least this far to the spot ...
 * @param stayWalkInStraightness ... at least this straight (1-min points, up to its arrival at the spot)
 * @param stayMinPieces a track leaving from near the line where at least this many weak tracks (pieces) began over
 *     the {@code minLoiterMs} before it, none walking on over the line, left after a stay seen only in pieces
 * @param returnMaxMs a track crossing back up to this long after it crossed may have gone over, stayed and come back
 *     (two crossings, see {@code returnMinMs}), even when the crossings are farther apart than {@code recrossMs}, ms
 * @param standRadiusM a track that began standing within this radius of its first point ...
 * @param standMinMs ... for at least this long is judged, over its whole life, only from when it set off (a standing
 *     start, a waiting group or a fixed echo a walker took over, is no wandering), ms
 * @param peopleWalkMs a crossing track followed at least this long around its crossing ...
 * @param peopleWalkMps ... that got on at least this fast over it (net, first to last) walked as people do: a camera
 *     calling it an animal does not count against the crossing, ms and m/s
 */
public record IncidentConfig(
    double approachNearM,
    double minApproachM,
    long minLoiterMs,
    double dwellRadiusM,
    double loiterNearM,
    double mergeM,
    long mergeMs,
    long recrossMs,
    long shapeWindowMs,
    long shapeStepMs,
    long speedStepMs,
    long stitchWindowMs,
    double stitchNearM,
    double stitchClosingMps,
    long courseWindowMs,
    double stitchMinSpeedMps,
    double stitchSlackM,
    double stitchSpeedFactor,
    double closingLookAheadS,
    long returnMinMs,
    double returnMinStraightness,
    long maxDwellMs,
    long inferHorizonMs,
    double stayNearM,
    int stayMinArrivalHits,
    double unclassifiedMinStraightness,
    double stayWalkInM,
    double stayWalkInStraightness,
    int stayMinPieces,
    long returnMaxMs,
    double standRadiusM,
    long standMinMs,
    long peopleWalkMs,
    double peopleWalkMps) {

  /** The values the simulated nights of docs/fusion.md were measured with. */
  public static IncidentConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values, to change some of them by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.approachNearM = approachNearM;
    b.minApproachM = minApproachM;
    b.minLoiterMs = minLoiterMs;
    b.dwellRadiusM = dwellRadiusM;
    b.loiterNearM = loiterNearM;
    b.mergeM = mergeM;
    b.mergeMs = mergeMs;
    b.recrossMs = recrossMs;
    b.shapeWindowMs = shapeWindowMs;
    b.shapeStepMs = shapeStepMs;
    b.speedStepMs = speedStepMs;
    b.stitchWindowMs = stitchWindowMs;
    b.stitchNearM = stitchNearM;
    b.stitchClosingMps = stitchClosingMps;
    b.courseWindowMs = courseWindowMs;
    b.stitchMinSpeedMps = stitchMinSpeedMps;
    b.stitchSlackM = stitchSlackM;
    b.stitchSpeedFactor = stitchSpeedFactor;
    b.closingLookAheadS = closingLookAheadS;
    b.returnMinMs = returnMinMs;
    b.returnMinStraightness = returnMinStraightness;
    b.maxDwellMs = maxDwellMs;
    b.inferHorizonMs = inferHorizonMs;
    b.stayNearM = stayNearM;
    b.stayMinArrivalHits = stayMinArrivalHits;
    b.unclassifiedMinStraightness = unclassifiedMinStraightness;
    b.stayWalkInM = stayWalkInM;
    b.stayWalkInStraightness = stayWalkInStraightness;
    b.stayMinPieces = stayMinPieces;
    b.returnMaxMs = returnMaxMs;
    b.standRadiusM = standRadiusM;
    b.standMinMs = standMinMs;
    b.peopleWalkMs = peopleWalkMs;
    b.peopleWalkMps = peopleWalkMps;
    return b;
  }

  /** Builds a {@link IncidentConfig} by name; every field starts at its default (the reason is next to it). Not thread-safe. */
  public static final class Builder {
    // groups turning back stop 200-500 m short of the line
    private double approachNearM = 500;
    // less is a track moving along the line, not towards it
    private double minApproachM = 200;
    // approaching groups wait up to ~10 min at their turn; loiterers 20-45 min
    private long minLoiterMs = 18 * 60_000L;
    // a waiting group shuffles about within a few hundred metres
    private double dwellRadiusM = 250;
    // farther away a stay is a camp or a farm, not the border's business
    private double loiterNearM = 1000;
    // members of one group make several tracks; groups 100-300 m apart stay two
    private double mergeM = 80;
    // group members cross within a minute; groups 1-3 min apart stay two
    private long mergeMs = 90_000L;
    // back and forth over the line is one story
    private long recrossMs = 30 * 60_000L;
    // long enough to see wandering, short enough to be about the event
    private long shapeWindowMs = 10 * 60_000L;
    // position noise over shorter steps passes for wandering
    private long shapeStepMs = 60_000L;
    // jitter of the filtered path must not add length
    private long speedStepMs = 30_000L;
    // a radar shadow along a valley takes a walker up to ~20 min
    private long stitchWindowMs = 20 * 60_000L;
    // radar shadows along the line are up to ~1 km deep
    private double stitchNearM = 1000;
    // slower is drifting along the line
    private double stitchClosingMps = 0.3;
    // the last two minutes are steadier than the filter's instant velocity
    private long courseWindowMs = 120_000L;
    // a walker's pace; a coasting filter underestimates it
    private double stitchMinSpeedMps = 1.5;
    // position errors at both ends plus detours
    private double stitchSlackM = 300;
    // walking faster than before, not teleporting
    private double stitchSpeedFactor = 1.5;
    // short enough that the course has not changed
    private double closingLookAheadS = 10;
    // jitter along the line recrosses within a minute or two; a group that went over and came back stayed longer
    private long returnMinMs = 4 * 60_000L;
    // people walk in and out on straight legs; grazing and rooting animals turn every few hundred metres
    private double returnMinStraightness = 0.8;
    // loiterers stay 20-45 min; a Doppler radar loses them while they stand
    private long maxDwellMs = 50 * 60_000L;
    // a group walking on through a blind spot covers ~400 m in 5 min; approaches turn 80-400 m short and are seen leaving
    private long inferHorizonMs = 5 * 60_000L;
    // loiterers stay 250-500 m from the line, wandering 150 m; stays farther out were road traffic and herds
    private double stayNearM = 650;
    // a group walking in from 2-3 km: 338-1556 measurements on the tuning nights; herd pieces that
    // stopped near the line 52-289
    private int stayMinArrivalHits = 300;
    // herds and wildlife crossing on radar alone wandered at 0.62-0.73 around the crossing on the tuning
    // nights, groups of people seen only by radar walked at 0.80 or straighter
    private double unclassifiedMinStraightness = 0.75;
    // a Doppler radar follows a group walking straight at it for a few minutes only: loiterers' walks in
    // on the tuning nights 41-52 were 121-243 measurements over 455-890 m at 0.98 before the spot;
    // a herd grazes in steps of 100-300 m with turns
    private double stayWalkInM = 400;
    private double stayWalkInStraightness = 0.9;
    // a standing group is seen by a Doppler radar in a brief piece every few minutes (3-60 over a stay on
    // the tuning nights 41-52); one or two are a pause or chance
    private int stayMinPieces = 3;
    // a return is a walk out (~10 min), a stay of 4-30 min and a walk back: its two crossings came up
    // to 34 min apart on the tuning nights 41-52, beyond the recross window, and were each judged on the
    // whole out-and-back track (straightness 0.1-0.3: "grazing"); longer than the 50 min a loiter may
    // last is a separate story
    private long returnMaxMs = 50 * 60_000L;
    // people standing (or a fixed echo) shuffle within a few tens of metres; a walker leaves 100 m in a minute or two
    private double standRadiusM = 100;
    // ... standing for 5 min: a radar track that began on a fixed echo for 21 min and took over a group
    // walking past it measured 0.62 over its life, 0.98 from when it set off (tuning night 43)
    private long standMinMs = 5 * 60_000L;
    // herds and wildlife graze with pauses and turns: over any half hour they got on at most 0.93 m/s net
    // (truth of the tuning nights 53-64), people walking to the line at least 0.99 (1.2-1.4 typical);
    // three groups of people a camera called "animal" at 4 km (share 0.56-0.81) got on at 1.15-1.32
    // over the half hour about their crossing, and the class sank them below the threshold
    private long peopleWalkMs = 30 * 60_000L;
    private double peopleWalkMps = 1.0;

    private Builder() {}

    /** See {@link IncidentConfig#approachNearM()}. */
    public Builder approachNearM(double v) {
      approachNearM = v;
      return this;
    }

    /** See {@link IncidentConfig#minApproachM()}. */
    public Builder minApproachM(double v) {
      minApproachM = v;
      return this;
    }

    /** See {@link IncidentConfig#minLoiterMs()}. */
    public Builder minLoiterMs(long v) {
      minLoiterMs = v;
      return this;
    }

    /** See {@link IncidentConfig#dwellRadiusM()}. */
    public Builder dwellRadiusM(double v) {
      dwellRadiusM = v;
      return this;
    }

    /** See {@link IncidentConfig#loiterNearM()}. */
    public Builder loiterNearM(double v) {
      loiterNearM = v;
      return this;
    }

    /** See {@link IncidentConfig#mergeM()}. */
    public Builder mergeM(double v) {
      mergeM = v;
      return this;
    }

    /** See {@link IncidentConfig#mergeMs()}. */
    public Builder mergeMs(long v) {
      mergeMs = v;
      return this;
    }

    /** See {@link IncidentConfig#recrossMs()}. */
    public Builder recrossMs(long v) {
      recrossMs = v;
      return this;
    }

    /** See {@link IncidentConfig#shapeWindowMs()}. */
    public Builder shapeWindowMs(long v) {
      shapeWindowMs = v;
      return this;
    }

    /** See {@link IncidentConfig#shapeStepMs()}. */
    public Builder shapeStepMs(long v) {
      shapeStepMs = v;
      return this;
    }

    /** See {@link IncidentConfig#speedStepMs()}. */
    public Builder speedStepMs(long v) {
      speedStepMs = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchWindowMs()}. */
    public Builder stitchWindowMs(long v) {
      stitchWindowMs = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchNearM()}. */
    public Builder stitchNearM(double v) {
      stitchNearM = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchClosingMps()}. */
    public Builder stitchClosingMps(double v) {
      stitchClosingMps = v;
      return this;
    }

    /** See {@link IncidentConfig#courseWindowMs()}. */
    public Builder courseWindowMs(long v) {
      courseWindowMs = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchMinSpeedMps()}. */
    public Builder stitchMinSpeedMps(double v) {
      stitchMinSpeedMps = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchSlackM()}. */
    public Builder stitchSlackM(double v) {
      stitchSlackM = v;
      return this;
    }

    /** See {@link IncidentConfig#stitchSpeedFactor()}. */
    public Builder stitchSpeedFactor(double v) {
      stitchSpeedFactor = v;
      return this;
    }

    /** See {@link IncidentConfig#closingLookAheadS()}. */
    public Builder closingLookAheadS(double v) {
      closingLookAheadS = v;
      return this;
    }

    /** See {@link IncidentConfig#returnMinMs()}. */
    public Builder returnMinMs(long v) {
      returnMinMs = v;
      return this;
    }

    /** See {@link IncidentConfig#returnMinStraightness()}. */
    public Builder returnMinStraightness(double v) {
      returnMinStraightness = v;
      return this;
    }

    /** See {@link IncidentConfig#maxDwellMs()}. */
    public Builder maxDwellMs(long v) {
      maxDwellMs = v;
      return this;
    }

    /** See {@link IncidentConfig#unclassifiedMinStraightness()}. */
    public Builder unclassifiedMinStraightness(double v) {
      unclassifiedMinStraightness = v;
      return this;
    }

    /** See {@link IncidentConfig#inferHorizonMs()}. */
    public Builder inferHorizonMs(long v) {
      inferHorizonMs = v;
      return this;
    }

    /** See {@link IncidentConfig#stayNearM()}. */
    public Builder stayNearM(double v) {
      stayNearM = v;
      return this;
    }

    /** See {@link IncidentConfig#stayMinArrivalHits()}. */
    public Builder stayMinArrivalHits(int v) {
      stayMinArrivalHits = v;
      return this;
    }

    /** See {@link IncidentConfig#stayWalkInM()}. */
    public Builder stayWalkInM(double v) {
      stayWalkInM = v;
      return this;
    }

    /** See {@link IncidentConfig#stayWalkInStraightness()}. */
    public Builder stayWalkInStraightness(double v) {
      stayWalkInStraightness = v;
      return this;
    }

    /** See {@link IncidentConfig#stayMinPieces()}. */
    public Builder stayMinPieces(int v) {
      stayMinPieces = v;
      return this;
    }

    /** See {@link IncidentConfig#returnMaxMs()}. */
    public Builder returnMaxMs(long v) {
      returnMaxMs = v;
      return this;
    }

    /** See {@link IncidentConfig#standRadiusM()}. */
    public Builder standRadiusM(double v) {
      standRadiusM = v;
      return this;
    }

    /** See {@link IncidentConfig#standMinMs()}. */
    public Builder standMinMs(long v) {
      standMinMs = v;
      return this;
    }

    /** See {@link IncidentConfig#peopleWalkMs()}. */
    public Builder peopleWalkMs(long v) {
      peopleWalkMs = v;
      return this;
    }

    /** See {@link IncidentConfig#peopleWalkMps()}. */
    public Builder peopleWalkMps(double v) {
      peopleWalkMps = v;
      return this;
    }

    /** The configuration with the values set so far. */
    public IncidentConfig build() {
      return new IncidentConfig(approachNearM, minApproachM, minLoiterMs, dwellRadiusM, loiterNearM, mergeM, mergeMs, recrossMs, shapeWindowMs, shapeStepMs, speedStepMs, stitchWindowMs, stitchNearM, stitchClosingMps, courseWindowMs, stitchMinSpeedMps, stitchSlackM, stitchSpeedFactor, closingLookAheadS, returnMinMs, returnMinStraightness, maxDwellMs, inferHorizonMs, stayNearM, stayMinArrivalHits,
          unclassifiedMinStraightness, stayWalkInM, stayWalkInStraightness, stayMinPieces, returnMaxMs, standRadiusM,
          standMinMs, peopleWalkMs, peopleWalkMps);
    }
  }
}
