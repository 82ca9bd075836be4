package dev.spindle.runtime.checkpoint;

import java.util.List;

/**
 * Where a task's acknowledged state lies: a file relative to the checkpoint directory (empty when the
 * task had no state), its size and the uids of the operators whose state it holds.
 */
public record TaskStateHandle(String fileName, long sizeInBytes, List<String> operatorUids) {

    public boolean hasState() {
        return !fileName.isEmpty();
    }
}
