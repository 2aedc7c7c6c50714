package io.watchline.evaluate;

import io.watchline.incident.Incident;
import java.util.List;

/**
 * Why an incident was a false alarm, or why a true event was missed, in the categories an analyst
 * tunes against: clutter (chance plots, clutter fields, road traffic), herd (animals), split (a
 * group split in two, or two groups close together), return (a group that crossed and came
 * back), shadow (a crossing in a radar shadow), class (a real group sunk by a wrong class),
 * patrol, kind (right place, other kind of event or a duplicate), unseen (no sensor saw it), or
 * missed (none of these).
 */
public final class Causes {
  private Causes() {}

  /** The category of a false alarm, from the role of the nearest true target. */
  public static String of(Evaluator.FalseAlarm f) {
    return switch (f.cause()) {
      case "unexplained", "clutter", "road" -> "clutter";
      case "wildlife", "herd" -> "herd";
      case "patrol" -> "patrol";
      case "split-crossing", "close-pair-crossing" -> "split";
      case "return-crossing" -> "return";
      case "shadow-crossing" -> "shadow";
      default -> "kind";
    };
  }

  /**
   * The category of a missed event.
   *
   * @param incidents every incident of the run (an incident of another kind or called "animal" near it says why)
   * @param seen observability, or null when not computed
   */
  public static String of(TruthEvent e, List<Incident> incidents, Observability seen) {
    if (seen != null && !seen.observable(e)) {
      return "unseen";
    }
    boolean otherKind = false;
    for (Incident i : incidents) {
      long t = Evaluator.eventTime(i);
      long gap = t < e.tMs() ? e.tMs() - t : t > e.endMs() ? t - e.endMs() : 0;
      if (gap > Evaluator.MAX_TIME_MS || Evaluator.metres(e.lat(), e.lon(), i.lat(), i.lon()) > Evaluator.MAX_DISTANCE_M) {
        continue;
      }
      if ("animal".equals(i.factors().get("cls"))) {
        return "class";
      }
      otherKind |= !i.kind().wireName().equals(e.kind());
    }
    return switch (e.role()) {
      case "split-crossing", "close-pair-crossing" -> "split";
      case "return-crossing" -> "return";
      case "shadow-crossing" -> "shadow";
      default -> otherKind ? "kind" : "missed";
    };
  }
}
