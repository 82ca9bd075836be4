package dev.spindle.api;

import dev.spindle.configuration.CheckpointingOptions;
import dev.spindle.configuration.Configuration;
import java.time.Duration;
import java.util.Objects;

/**
 * The checkpoint settings of a job, read from and written into the job's configuration (the
 * {@code execution.checkpointing.*} and {@code state.*} keys), which is all the runtime reads.
 */
public final class CheckpointConfig {

    private final Configuration configuration;

    public CheckpointConfig(Configuration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public boolean isCheckpointingEnabled() {
        return configuration.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL);
    }

    /** Starts a checkpoint every {@code intervalMillis}; checkpointing is on once this is set. */
    public void setCheckpointInterval(long intervalMillis) {
        if (intervalMillis < 10) {
            throw new IllegalArgumentException("checkpoint interval must be at least 10 ms, was " + intervalMillis);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(intervalMillis));
    }

    /** The interval in ms, or -1 when checkpointing is off. */
    public long getCheckpointInterval() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).map(Duration::toMillis).orElse(-1L);
    }

    public void setCheckpointingMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_MODE, Objects.requireNonNull(mode, "checkpointing mode"));
    }

    public CheckpointingMode getCheckpointingMode() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_MODE);
    }

    public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
        if (minPauseMillis < 0) {
            throw new IllegalArgumentException("min pause between checkpoints must not be negative, was " + minPauseMillis);
        }
        configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseMillis));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    public void setCheckpointTimeout(long timeoutMillis) {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("checkpoint timeout must be positive, was " + timeoutMillis);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(timeoutMillis));
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    /** Consecutive failed checkpoints tolerated before the job fails. */
    public void setTolerableCheckpointFailureNumber(int tolerable) {
        if (tolerable < 0) {
            throw new IllegalArgumentException("tolerable checkpoint failures must be 0 or more, was " + tolerable);
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerable);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max concurrent checkpoints must be at least 1, was " + max);
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, max);
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, Objects.requireNonNull(cleanup, "cleanup"));
    }

    /** Flink's older name of {@link #setExternalizedCheckpointCleanup}. */
    public void enableExternalizedCheckpoints(ExternalizedCheckpointCleanup cleanup) {
        setExternalizedCheckpointCleanup(cleanup);
    }

    public ExternalizedCheckpointCleanup getExternalizedCheckpointCleanup() {
        return configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
    }

    /** Where checkpoints go, on any Hadoop file system ({@code hdfs:///...}, {@code file:///...}). */
    public void setCheckpointStorage(String directoryUri) {
        if (directoryUri == null || directoryUri.isBlank()) {
            throw new IllegalArgumentException("checkpoint storage needs a directory URI, e.g. hdfs:///spindle/checkpoints");
        }
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directoryUri);
    }

    public String getCheckpointStorage() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).orElse(null);
    }

    /** Not supported: Spindle aligns barriers (EXACTLY_ONCE) or passes them (AT_LEAST_ONCE). Refused so no job believes it runs unaligned. */
    public void enableUnalignedCheckpoints() {
        throw new UnsupportedOperationException("Unaligned checkpoints are not supported by Spindle; remove "
                + "enableUnalignedCheckpoints() (aligned EXACTLY_ONCE or AT_LEAST_ONCE checkpoints are available)");
    }
}
