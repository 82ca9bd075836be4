package dev.spindle.configuration;

/** Checkpointing options under Flink's class name for them, so ported programs that set them compile and work. */
public final class ExecutionCheckpointingOptions {

    private ExecutionCheckpointingOptions() {
    }

    public static final ConfigOption<Boolean> ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH = ConfigOptions
            .key("execution.checkpointing.checkpoints-after-tasks-finish.enabled").booleanType().defaultValue(true)
            .withDescription("Keep checkpointing after some tasks finished (they are recorded as finished and not run again on restore).");
}
