package dev.spindle.api;

import dev.spindle.configuration.Configuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the job master does when a task fails: give up ({@link #noRestart()}), restart a fixed number
 * of times ({@link #fixedDelay}), or restart unless failures come too often ({@link #failureRate}).
 * Set through {@code StreamEnvironment.setRestartStrategy}; written as {@code restart-strategy.*} keys.
 */
public final class RestartStrategies {

    public static final String TYPE = "restart-strategy.type";
    public static final String FIXED_DELAY_ATTEMPTS = "restart-strategy.fixed-delay.attempts";
    public static final String FIXED_DELAY_DELAY = "restart-strategy.fixed-delay.delay";
    public static final String FAILURE_RATE_MAX_FAILURES = "restart-strategy.failure-rate.max-failures-per-interval";
    public static final String FAILURE_RATE_INTERVAL = "restart-strategy.failure-rate.failure-rate-interval";
    public static final String FAILURE_RATE_DELAY = "restart-strategy.failure-rate.delay";

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
                    FAILURE_RATE_INTERVAL, FAILURE_RATE_DELAY}) {
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
