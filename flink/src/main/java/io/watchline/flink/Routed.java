package io.watchline.flink;

import io.watchline.observation.Observation;

/**
 * An observation on its way to one region's engine.
 *
 * @param region the region (the key)
 * @param seq position in the merged input
 * @param primary true for the first of the observation's regions: a late record is counted there only
 * @param observation the observation
 */
public record Routed(int region, long seq, boolean primary, Observation observation) {}
