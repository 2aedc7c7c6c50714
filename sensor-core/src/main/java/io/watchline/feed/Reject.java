package io.watchline.feed;

import io.watchline.observation.Source;

/**
 * A record a reader could not accept: where it was, why, and a short printable excerpt of it so
 * that nothing is lost silently.
 */
public record Reject(Source src, String reason, String excerpt) {}
