package dev.spindle.configuration;

import java.time.Duration;

/** How a job reacts to task failures; read from the job's configuration, the cluster's as default. */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {
    }

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType().defaultValue("none")
            .withDescription("Restart strategy on task failure: 'none', 'fixed-delay', 'failure-rate' or 'exponential-delay'.");

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

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_INITIAL_BACKOFF = ConfigOptions
            .key("restart-strategy.exponential-delay.initial-backoff").durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Pause before the first restart under the exponential-delay strategy.")
            .checkedBy(Range.atLeast(Duration.ZERO));

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_MAX_BACKOFF = ConfigOptions
            .key("restart-strategy.exponential-delay.max-backoff").durationType().defaultValue(Duration.ofMinutes(1))
            .withDescription("Longest pause between a failure and the restart under the exponential-delay strategy.")
            .checkedBy(Range.atLeast(Duration.ZERO));

    public static final ConfigOption<Double> EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER = ConfigOptions
            .key("restart-strategy.exponential-delay.backoff-multiplier").doubleType().defaultValue(2.0)
            .withDescription("Factor (at least 1) the exponential-delay pause grows by after each failure.");

    public static final ConfigOption<Duration> EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD = ConfigOptions
            .key("restart-strategy.exponential-delay.reset-backoff-threshold").durationType().defaultValue(Duration.ofHours(1))
            .withDescription("Time the job must run without failure (after the pause) for the exponential-delay pause to go back to the initial one.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Double> EXPONENTIAL_DELAY_JITTER_FACTOR = ConfigOptions
            .key("restart-strategy.exponential-delay.jitter-factor").doubleType().defaultValue(0.1)
            .withDescription("Random share (0 to 1) of the exponential-delay pause added or taken away, so that many jobs do not restart at once.");
}
