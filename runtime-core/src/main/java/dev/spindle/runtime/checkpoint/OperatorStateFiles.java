package dev.spindle.runtime.checkpoint;

import java.util.Map;

/** Where the state of every subtask of one operator lies in a checkpoint: its parallelism then and the file of each subtask. */
public record OperatorStateFiles(int parallelism, Map<Integer, String> fileBySubtask) {
}
