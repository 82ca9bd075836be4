package dev.spindle.runtime.operators;

import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.task.TaskEnvironment;

/** What the task gives each operator of its chain. */
public final class OperatorContext {

    private final TaskEnvironment environment;
    private final String taskName;
    private final boolean batchMode;

    public OperatorContext(TaskEnvironment environment, String taskName, boolean batchMode) {
        this.environment = environment;
        this.taskName = taskName;
        this.batchMode = batchMode;
    }

    public TaskEnvironment environment() {
        return environment;
    }

    public String taskName() {
        return taskName;
    }

    /** BATCH: keyed aggregations emit only final values at the end of input; STREAMING: a rolling update per record. */
    public boolean isBatchMode() {
        return batchMode;
    }

    /** A runtime context for a user function; {@code keyedState} is null outside keyed streams. */
    public StreamRuntimeContext newRuntimeContext(KeyedStateBackend keyedState) {
        return new StreamRuntimeContext(environment, taskName, keyedState);
    }
}
