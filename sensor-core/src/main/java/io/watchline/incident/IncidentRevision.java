package io.watchline.incident;

/**
 * One version of an incident as live fusion writes it ({@code fuse --follow}): the first is written
 * as soon as the incident's group is formed, a new one (the same id, {@code rev} + 1) whenever the
 * group changes, and the last one is {@code last}. An incident whose group was taken into another
 * one, or whose score fell below the minimum, ends with a last version marked {@code withdrawn}.
 *
 * @param incident this version
 * @param rev 1 for the first version, then counting
 * @param last no later version follows (the incident is final)
 * @param withdrawn the incident no longer stands (last version only)
 */
public record IncidentRevision(Incident incident, int rev, boolean last, boolean withdrawn) {}
