package io.watchline.feed;

import io.watchline.observation.Source;
import java.time.Instant;

/**
 * A sign of life that is not an observation: a radar's CAT034 north marker or sector crossing, a
 * camera's analytics frame with no object in it. Coverage uses these to tell a quiet sensor from a
 * dead one (docs/coverage.md, "Sensor availability").
 *
 * @param t when the sensor said it (UTC, the site's clock offset applied like its observations)
 * @param sensor sensor id as in the site registry (or "ASTERIX-SAC-SIC" for an unknown radar)
 * @param sign what it was, e.g. "north marker", "empty analytics frame"
 * @param src where in the input it was
 */
public record SensorStatus(Instant t, String sensor, String sign, Source src) {}
