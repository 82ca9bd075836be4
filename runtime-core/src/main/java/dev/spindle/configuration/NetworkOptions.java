package dev.spindle.configuration;

import java.time.Duration;

/** The data exchange between subtasks ({@code taskmanager.network.*}). */
public final class NetworkOptions {

    private NetworkOptions() {
    }

    public static final ConfigOption<Integer> SUBPARTITION_QUEUE_BUFFERS = ConfigOptions.key("taskmanager.network.subpartition-buffers")
            .intType().defaultValue(4)
            .withDescription("Buffers a producer may queue per consumer before emit blocks (back pressure).")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL = ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
            .intType().defaultValue(2)
            .withDescription("Credits (free buffers) a consumer grants each input channel.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<Duration> PARTITION_REQUEST_TIMEOUT = ConfigOptions.key("taskmanager.network.partition-request.timeout")
            .durationType().defaultValue(Duration.ofSeconds(60))
            .withDescription("How long a consumer retries to reach a producer that is not deployed yet.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));
}
