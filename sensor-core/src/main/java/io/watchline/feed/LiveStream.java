package io.watchline.feed;

/**
 * Marks an input that is still being written (a socket, a followed file): readers hand on what
 * has arrived instead of waiting to fill a whole block, so a record is read when its last byte
 * comes in. Files and pipes are read in whole blocks, the same however the bytes trickle in.
 */
public interface LiveStream {}
