package dev.spindle.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * The {@code _metadata} file of a checkpoint or savepoint (JSON): per operator uid its parallelism,
 * the state file of each subtask (relative to the directory, so the directory can be moved) and the
 * subtasks that had finished.
 */
public record CheckpointMetadata(int version, String jobId, long checkpointId, long timestamp, boolean savepoint,
        Map<String, OperatorEntry> operators) {

    /**
     * 2: keys go to the subtask owning their key group's range (version 1 hashed keys to
     * {@code hash mod parallelism}, so its keyed state would land in subtasks that never see its keys).
     */
    public static final int VERSION = 2;

    /** One operator's part: {@code stateFiles} maps subtask index to file name; subtasks without state are absent. */
    public record OperatorEntry(int parallelism, Map<Integer, String> stateFiles, List<Integer> finishedSubtasks) {
    }
}
