package dev.spindle.runtime.checkpoint;

import dev.spindle.api.CheckpointingMode;
import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.configuration.CheckpointingOptions;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ExecutionCheckpointingOptions;
import dev.spindle.configuration.IllegalConfigurationException;

/** A job's checkpoint settings as the coordinator uses them, read from the job's effective configuration. */
public record CheckpointSettings(long intervalMillis, CheckpointingMode mode, long timeoutMillis, long minPauseMillis,
        int maxConcurrent, int tolerableFailures, ExternalizedCheckpointCleanup cleanup, String checkpointsDirectory,
        String savepointsDirectory, int numRetained, boolean checkpointsAfterTasksFinish) {

    /** Settings that keep checkpointing after tasks finished (the default). */
    public CheckpointSettings(long intervalMillis, CheckpointingMode mode, long timeoutMillis, long minPauseMillis, int maxConcurrent,
            int tolerableFailures, ExternalizedCheckpointCleanup cleanup, String checkpointsDirectory, String savepointsDirectory,
            int numRetained) {
        this(intervalMillis, mode, timeoutMillis, minPauseMillis, maxConcurrent, tolerableFailures, cleanup, checkpointsDirectory,
                savepointsDirectory, numRetained, true);
    }

    /** The settings, or null when checkpointing is off. Fails, naming the key, on settings that cannot work. */
    public static CheckpointSettings fromConfiguration(Configuration conf) {
        if (!conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            return null;
        }
        long interval = conf.get(CheckpointingOptions.CHECKPOINTING_INTERVAL).toMillis();
        if (interval < 10) {
            throw new IllegalConfigurationException(CheckpointingOptions.CHECKPOINTING_INTERVAL.key() + " must be at least 10 ms, was "
                    + interval + " ms");
        }
        String dir = conf.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null);
        if (dir == null || dir.isBlank()) {
            throw new IllegalConfigurationException("Checkpointing is on (" + CheckpointingOptions.CHECKPOINTING_INTERVAL.key()
                    + ") but " + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + " is not set; set it to a directory every "
                    + "TaskExecutor and the job master can reach, e.g. hdfs:///spindle/checkpoints (or call "
                    + "getCheckpointConfig().setCheckpointStorage(...))");
        }
        int retained = conf.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS);
        if (retained < 1) {
            throw new IllegalConfigurationException(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS.key() + " must be at least 1, was " + retained);
        }
        int concurrent = conf.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
        if (concurrent < 1) {
            throw new IllegalConfigurationException(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.key() + " must be at least 1, was "
                    + concurrent);
        }
        int tolerable = conf.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
        if (tolerable < 0) {
            throw new IllegalConfigurationException(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS.key() + " must not be negative, was "
                    + tolerable);
        }
        return new CheckpointSettings(interval, conf.get(CheckpointingOptions.CHECKPOINTING_MODE),
                conf.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis(),
                conf.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis(), concurrent, tolerable,
                conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION), dir,
                conf.getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY).orElse(null), retained,
                conf.get(ExecutionCheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH));
    }
}
