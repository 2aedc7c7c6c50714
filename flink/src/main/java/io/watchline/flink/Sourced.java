package io.watchline.flink;

import io.watchline.feed.Reject;
import io.watchline.observation.Observation;

/**
 * One item of the merged input: an observation with its place in the merge order, or a record the
 * readers or the merge rejected (exactly one of the two is set).
 *
 * @param seq position in the merged input, so that observations of equal time keep fuse's order
 * @param observation the observation, or null
 * @param reject the rejected record with its reason, or null
 */
public record Sourced(long seq, Observation observation, Reject reject) {}
