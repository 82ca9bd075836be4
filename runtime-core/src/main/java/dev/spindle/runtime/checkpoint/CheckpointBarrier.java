package dev.spindle.runtime.checkpoint;

import java.io.Serializable;

/**
 * Marks, in every stream, the point that separates the records before checkpoint {@code id} from
 * those after it. It names the directory the tasks write their state into, so checkpoints and
 * savepoints (which go elsewhere) travel the same way.
 */
public record CheckpointBarrier(long id, long timestamp, String targetDirectory, boolean savepoint) implements Serializable {
}
