package dev.spindle.configuration;

import java.time.Duration;

/** Liveness between TaskExecutors and the resource manager / job masters. */
public final class HeartbeatOptions {

    private HeartbeatOptions() {
    }

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("heartbeat.interval")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withDescription("How often TaskExecutors send heartbeats to the resource manager and their job masters.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.key("heartbeat.timeout")
            .durationType().defaultValue(Duration.ofSeconds(50))
            .withDescription("Silence after which a TaskExecutor (or, seen from it, its resource manager / job master) is declared lost.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));
}
