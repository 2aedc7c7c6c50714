package io.watchline.evaluate;

/**
 * One ground-truth event of a simulated night: a crossing, an approach or a loiter.
 *
 * @param role why the target was there (crossing, shadow-crossing, wildlife, patrol, …)
 * @param endMs end of a loiter; equal to {@code tMs} otherwise
 */
public record TruthEvent(String kind, String role, String group, long tMs, long endMs, double lat, double lon, int groupSize, String side) {

  /** Crossings by wildlife, herds or a patrol are not incidents anybody wants (nor clutter and road traffic). */
  public boolean wanted() {
    return !"wildlife".equals(role) && !"patrol".equals(role) && !"herd".equals(role) && !"clutter".equals(role)
        && !"road".equals(role);
  }
}
