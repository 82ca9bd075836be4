package dev.spindle.api;

import dev.spindle.configuration.Configuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the job master does when a task fails: give up ({@link #noRestart()}), restart a fixed number
 * of times ({@link #fixedDelayRestart}), restart unless failures come too often
 * ({@link #failureRateRestart}), or restart with a pause that grows with every failure
 * ({@link #exponentialDelayRestart}). Flink's names; {@link #fixedDelay} and {@link #failureRate} are the same.
 * Set through {@code StreamEnvironment.setRestartStrategy}; written as {@code restart-strategy.*} keys.
 */
public final class RestartStrategies {

    public static final String TYPE = "restart-strategy.type";
    public static final String FIXED_DELAY_ATTEMPTS = "restart-strategy.fixed-delay.attempts";
    public static final String FIXED_DELAY_DELAY = "restart-strategy.fixed-delay.delay";
    public static final String FAILURE_RATE_MAX_FAILURES = "restart-strategy.failure-rate.max-failures-per-interval";
    public static final String FAILURE_RATE_INTERVAL = "restart-strategy.failure-rate.failure-rate-interval";
    public static final String FAILURE_RATE_DELAY = "restart-strategy.failure-rate.delay";
    public static final String EXPONENTIAL_DELAY_INITIAL_BACKOFF = "restart-strategy.exponential-delay.initial-backoff";
    public static final String EXPONENTIAL_DELAY_MAX_BACKOFF = "restart-strategy.exponential-delay.max-backoff";
    public static final String EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER = "restart-strategy.exponential-delay.backoff-multiplier";
    public static final String EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD = "restart-strategy.exponential-delay.reset-backoff-threshold";
    public static final String EXPONENTIAL_DELAY_JITTER_FACTOR = "restart-strategy.exponential-delay.jitter-factor";

    private RestartStrategies() {
    }

    /** Fail the job on the first task failure. */
    public static RestartStrategyConfiguration noRestart() {
        return new RestartStrategyConfiguration(Map.of(TYPE, "none"));
    }

    /** Restart up to {@code attempts} times, waiting {@code delay} before each restart. */
    public static RestartStrategyConfiguration fixedDelay(int attempts, Duration delay) {
        if (attempts < 0) {
            throw new IllegalArgumentException("fixedDelay: attempts must be 0 or more, was " + attempts);
        }
        requireNonNegative("fixedDelay", "delay", delay);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(TYPE, "fixed-delay");
        keys.put(FIXED_DELAY_ATTEMPTS, Integer.toString(attempts));
        keys.put(FIXED_DELAY_DELAY, Configuration.toText(delay));
        return new RestartStrategyConfiguration(keys);
    }

    /** Restart after {@code delay} unless more than {@code maxFailures} failures happened within {@code interval}. */
    public static RestartStrategyConfiguration failureRate(int maxFailures, Duration interval, Duration delay) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("failureRate: maxFailures must be at least 1, was " + maxFailures);
        }
        requireNonNegative("failureRate", "interval", interval);
        requireNonNegative("failureRate", "delay", delay);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(TYPE, "failure-rate");
        keys.put(FAILURE_RATE_MAX_FAILURES, Integer.toString(maxFailures));
        keys.put(FAILURE_RATE_INTERVAL, Configuration.toText(interval));
        keys.put(FAILURE_RATE_DELAY, Configuration.toText(delay));
        return new RestartStrategyConfiguration(keys);
    }

    /** Flink's name of {@link #fixedDelay}: restart up to {@code restartAttempts} times, {@code delay} after each failure. */
    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, Duration delay) {
        return fixedDelay(restartAttempts, delay);
    }

    /** {@link #fixedDelayRestart(int, Duration)} with the delay in milliseconds. */
    public static RestartStrategyConfiguration fixedDelayRestart(int restartAttempts, long delayBetweenAttemptsMillis) {
        return fixedDelay(restartAttempts, Duration.ofMillis(delayBetweenAttemptsMillis));
    }

    /** Flink's name of {@link #failureRate}: restart unless more than {@code failureRate} failures happen within {@code failureInterval}. */
    public static RestartStrategyConfiguration failureRateRestart(int failureRate, Duration failureInterval, Duration delayInterval) {
        return failureRate(failureRate, failureInterval, delayInterval);
    }

    /**
     * Restart after every failure, the pause starting at {@code initialBackoff} and multiplied by
     * {@code backoffMultiplier} after each failure up to {@code maxBackoff}; after a run of
     * {@code resetBackoffThreshold} without failure it starts again at {@code initialBackoff}.
     * {@code jitterFactor} (0 to 1) of the pause is added or taken away at random.
     */
    public static RestartStrategyConfiguration exponentialDelayRestart(Duration initialBackoff, Duration maxBackoff,
            double backoffMultiplier, Duration resetBackoffThreshold, double jitterFactor) {
        requireNonNegative("exponentialDelayRestart", "initialBackoff", initialBackoff);
        requireNonNegative("exponentialDelayRestart", "maxBackoff", maxBackoff);
        requireNonNegative("exponentialDelayRestart", "resetBackoffThreshold", resetBackoffThreshold);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("exponentialDelayRestart: maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
        if (!(backoffMultiplier >= 1.0)) {
            throw new IllegalArgumentException("exponentialDelayRestart: backoffMultiplier must be at least 1, was " + backoffMultiplier);
        }
        if (!(jitterFactor >= 0.0 && jitterFactor <= 1.0)) {
            throw new IllegalArgumentException("exponentialDelayRestart: jitterFactor must be between 0 and 1, was " + jitterFactor);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(TYPE, "exponential-delay");
        keys.put(EXPONENTIAL_DELAY_INITIAL_BACKOFF, Configuration.toText(initialBackoff));
        keys.put(EXPONENTIAL_DELAY_MAX_BACKOFF, Configuration.toText(maxBackoff));
        keys.put(EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, Double.toString(backoffMultiplier));
        keys.put(EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, Configuration.toText(resetBackoffThreshold));
        keys.put(EXPONENTIAL_DELAY_JITTER_FACTOR, Double.toString(jitterFactor));
        return new RestartStrategyConfiguration(keys);
    }

    private static void requireNonNegative(String strategy, String what, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(strategy + ": " + what + " must be a non-negative duration, was " + d);
        }
    }

    /** A chosen restart strategy as configuration keys. */
    public static final class RestartStrategyConfiguration {

        private final Map<String, String> keys;

        RestartStrategyConfiguration(Map<String, String> keys) {
            this.keys = Map.copyOf(keys);
        }

        /** Writes the keys, removing those of other strategies so no stale setting survives. */
        public void applyTo(Configuration configuration) {
            for (String key : new String[] {TYPE, FIXED_DELAY_ATTEMPTS, FIXED_DELAY_DELAY, FAILURE_RATE_MAX_FAILURES,
                    FAILURE_RATE_INTERVAL, FAILURE_RATE_DELAY, EXPONENTIAL_DELAY_INITIAL_BACKOFF, EXPONENTIAL_DELAY_MAX_BACKOFF,
                    EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER, EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, EXPONENTIAL_DELAY_JITTER_FACTOR}) {
                configuration.removeKey(key);
            }
            keys.forEach(configuration::setString);
        }

        /** The {@code restart-strategy.*} keys and values this strategy writes. */
        public Map<String, String> asMap() {
            return keys;
        }

        @Override
        public String toString() {
            return keys.toString();
        }
    }
}
