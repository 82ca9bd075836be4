package dev.spindle.configuration;

import dev.spindle.api.CheckpointingMode;
import dev.spindle.api.ExternalizedCheckpointCleanup;
import java.time.Duration;

/** Checkpointing of a job; read by the job master and tasks from the job's configuration. */
public final class CheckpointingOptions {

    private CheckpointingOptions() {
    }

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = ConfigOptions.key("execution.checkpointing.interval")
            .durationType().noDefaultValue()
            .withDescription("Time between the starts of two periodic checkpoints; unset means checkpointing is off.");

    public static final ConfigOption<CheckpointingMode> CHECKPOINTING_MODE = ConfigOptions.key("execution.checkpointing.mode")
            .enumType(CheckpointingMode.class).defaultValue(CheckpointingMode.EXACTLY_ONCE)
            .withDescription("EXACTLY_ONCE (multi-input tasks align barriers) or AT_LEAST_ONCE (barriers pass without blocking).");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = ConfigOptions.key("execution.checkpointing.timeout")
            .durationType().defaultValue(Duration.ofMinutes(10))
            .withDescription("A checkpoint not acknowledged by every task within this time is discarded and counts as failed.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = ConfigOptions.key("execution.checkpointing.min-pause")
            .durationType().defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions
            .key("execution.checkpointing.max-concurrent-checkpoints").intType().defaultValue(1)
            .withDescription("Checkpoints that may be in progress at the same time.");

    public static final ConfigOption<Integer> TOLERABLE_FAILED_CHECKPOINTS = ConfigOptions
            .key("execution.checkpointing.tolerable-failed-checkpoints").intType().defaultValue(0)
            .withDescription("Consecutive failed checkpoints tolerated; one more fails the job over, as its restart strategy decides.");

    public static final ConfigOption<ExternalizedCheckpointCleanup> EXTERNALIZED_CHECKPOINT_RETENTION = ConfigOptions
            .key("execution.checkpointing.externalized-checkpoint-retention").enumType(ExternalizedCheckpointCleanup.class)
            .defaultValue(ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION)
            .withDescription("On cancel: RETAIN_ON_CANCELLATION keeps the completed checkpoints, DELETE_ON_CANCELLATION deletes them.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key("state.checkpoints.dir")
            .stringType().noDefaultValue()
            .withDescription("Directory on any Hadoop file system for checkpoints: <dir>/<jobId>/chk-<n>/; required with checkpointing.");

    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = ConfigOptions.key("state.savepoints.dir")
            .stringType().noDefaultValue()
            .withDescription("Default target directory of savepoints triggered without one.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = ConfigOptions.key("state.checkpoints.num-retained")
            .intType().defaultValue(1)
            .withDescription("Completed checkpoints kept per job; older ones are deleted.");
}
