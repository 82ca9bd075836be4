package dev.spindle.runtime.operators;

import dev.spindle.runtime.state.KeyedStateBackend;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.timers.ProcessingTimeService;

/** What the task gives each operator of its chain. */
public final class OperatorContext {

    private final TaskEnvironment environment;
    private final String taskName;
    private final boolean batchMode;

    private final RecordTimestamp recordTimestamp;
    private final ProcessingTimeService processingTimeService;

    /** A context without a clock for timers (processing-time timers and periodic watermarks then fail). */
    public OperatorContext(TaskEnvironment environment, String taskName, boolean batchMode) {
        this(environment, taskName, batchMode, new RecordTimestamp(), null);
    }

    public OperatorContext(TaskEnvironment environment, String taskName, boolean batchMode, RecordTimestamp recordTimestamp,
                           ProcessingTimeService processingTimeService) {
        this.environment = environment;
        this.taskName = taskName;
        this.batchMode = batchMode;
        this.recordTimestamp = recordTimestamp;
        this.processingTimeService = processingTimeService;
    }

    /** The event timestamp of the record in the chain (shared by the task's operators). */
    public RecordTimestamp recordTimestamp() {
        return recordTimestamp;
    }

    /** The task's clock and wake-ups; null where the task has none. */
    public ProcessingTimeService processingTimeService() {
        return processingTimeService;
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
