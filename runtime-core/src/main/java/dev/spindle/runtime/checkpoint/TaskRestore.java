package dev.spindle.runtime.checkpoint;

import java.util.Map;

/**
 * What a deployed task restores: the checkpoint (or savepoint) directory, the state file of each of
 * its operators there by uid (relative names), and whether the task had already finished when the
 * checkpoint was taken (then it must not run again: its records are in the downstream state).
 */
public record TaskRestore(long checkpointId, String directory, Map<String, String> stateFileByUid, boolean finished) {

    public static final TaskRestore NONE = new TaskRestore(-1, "", Map.of(), false);

    public boolean isRestored() {
        return checkpointId >= 0;
    }
}
