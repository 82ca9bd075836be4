package dev.spindle.configuration;

import java.time.Duration;

/** How a job reacts to task failures; read from the job's configuration, the cluster's as default. */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {
    }

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType().defaultValue("none")
            .withDescription("Restart strategy on task failure: 'none', 'fixed-delay' or 'failure-rate'.");

    public static final ConfigOption<Integer> FIXED_DELAY_ATTEMPTS = ConfigOptions.key("restart-strategy.fixed-delay.attempts")
            .intType().defaultValue(1)
            .withDescription("Restarts the fixed-delay strategy allows before the job fails.")
            .checkedBy(Range.atLeast(0));

    public static final ConfigOption<Duration> FIXED_DELAY_DELAY = ConfigOptions.key("restart-strategy.fixed-delay.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Pause between a failure and the restart under the fixed-delay strategy.")
            .checkedBy(Range.atLeast(Duration.ZERO));

    public static final ConfigOption<Integer> FAILURE_RATE_MAX_FAILURES = ConfigOptions.key("restart-strategy.failure-rate.max-failures-per-interval")
            .intType().defaultValue(1)
            .withDescription("Failures within one interval that the failure-rate strategy tolerates.")
            .checkedBy(Range.atLeast(0));

    public static final ConfigOption<Duration> FAILURE_RATE_INTERVAL = ConfigOptions.key("restart-strategy.failure-rate.failure-rate-interval")
            .durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Sliding interval over which the failure-rate strategy counts failures.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Duration> FAILURE_RATE_DELAY = ConfigOptions.key("restart-strategy.failure-rate.delay")
            .durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Pause between a failure and the restart under the failure-rate strategy.")
            .checkedBy(Range.atLeast(Duration.ZERO));
}
