package dev.spindle.runtime.operators;

/**
 * Marks a source that cannot go back to a checkpointed position (a socket): after a recovery it
 * continues with whatever arrives next, so records in flight at the failure are lost.
 */
public interface NonReplayableSource {
}
