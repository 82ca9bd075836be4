package dev.spindle.runtime.checkpoint;

import java.util.Map;

/**
 * What a deployed task restores: the checkpoint (or savepoint) directory, the state file of each of
 * its operators there by uid (relative names), and whether the task had already finished when the
 * checkpoint was taken (then it must not run again: its records are in the downstream state).
 * {@code allFilesByUid} lists every old subtask's file of each operator, for a restore with another
 * parallelism (key groups and operator state are then collected from all of them) and for union state.
 */
public record TaskRestore(long checkpointId, String directory, Map<String, String> stateFileByUid, boolean finished,
        Map<String, OperatorStateFiles> allFilesByUid) {

    public static final TaskRestore NONE = new TaskRestore(-1, "", Map.of(), false, Map.of());

    /** A restore that knows only this subtask's own files (same parallelism, no redistribution). */
    public TaskRestore(long checkpointId, String directory, Map<String, String> stateFileByUid, boolean finished) {
        this(checkpointId, directory, stateFileByUid, finished, Map.of());
    }

    public boolean isRestored() {
        return checkpointId >= 0;
    }
}
