package dev.spindle.runtime.jobmaster;

import dev.spindle.configuration.CheckpointingOptions;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;

/** Builds the restart strategy a job asked for, falling back to the cluster's configuration. */
public final class RestartStrategies {

    private RestartStrategies() {
    }

    public static RestartStrategy create(Configuration jobConfiguration, Configuration clusterConfiguration) {
        Configuration conf = new Configuration(clusterConfiguration);
        conf.addAll(jobConfiguration);
        if (!conf.contains(RestartStrategyOptions.RESTART_STRATEGY) && conf.contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            // As in Flink: a checkpointed job without a configured strategy restarts (practically) without limit.
            return new FixedDelay(Integer.MAX_VALUE, conf.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
        }
        String type = conf.get(RestartStrategyOptions.RESTART_STRATEGY).trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "none", "off", "disable" -> new NoRestart();
            case "fixed-delay", "fixeddelay" -> new FixedDelay(nonNegative(conf.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS),
                    RestartStrategyOptions.FIXED_DELAY_ATTEMPTS.key()), conf.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
            case "failure-rate", "failurerate" -> new FailureRate(
                    nonNegative(conf.get(RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES), RestartStrategyOptions.FAILURE_RATE_MAX_FAILURES.key()),
                    conf.get(RestartStrategyOptions.FAILURE_RATE_INTERVAL), conf.get(RestartStrategyOptions.FAILURE_RATE_DELAY));
            case "exponential-delay", "exponentialdelay" -> exponentialDelay(conf);
            default -> throw new IllegalArgumentException("restart-strategy.type must be 'none', 'fixed-delay', 'failure-rate' or "
                    + "'exponential-delay', was '" + type + "'");
        };
    }

    private static RestartStrategy exponentialDelay(Configuration conf) {
        Duration initial = conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF);
        Duration max = conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF);
        double multiplier = conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
        double jitter = conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_JITTER_FACTOR);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(RestartStrategyOptions.EXPONENTIAL_DELAY_MAX_BACKOFF.key() + " (" + max
                    + ") must not be shorter than " + RestartStrategyOptions.EXPONENTIAL_DELAY_INITIAL_BACKOFF.key() + " (" + initial + ")");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException(RestartStrategyOptions.EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER.key() + " must be at least 1, was "
                    + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException(RestartStrategyOptions.EXPONENTIAL_DELAY_JITTER_FACTOR.key() + " must be between 0 and 1, was "
                    + jitter);
        }
        return new ExponentialDelay(initial, max, multiplier, conf.get(RestartStrategyOptions.EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD),
                jitter, new java.util.Random());
    }

    private static int nonNegative(int v, String key) {
        if (v < 0) {
            throw new IllegalArgumentException(key + " must not be negative, was " + v);
        }
        return v;
    }

    static final class NoRestart implements RestartStrategy {
        @Override
        public boolean onFailure(long nowMillis) {
            return false;
        }

        @Override
        public Duration delay() {
            return Duration.ZERO;
        }

        @Override
        public String describe() {
            return "no restarts";
        }
    }

    static final class FixedDelay implements RestartStrategy {
        private final int attempts;
        private final Duration delay;
        private int restarts;

        FixedDelay(int attempts, Duration delay) {
            this.attempts = attempts;
            this.delay = delay;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            if (restarts >= attempts) {
                return false;
            }
            restarts++;
            return true;
        }

        @Override
        public Duration delay() {
            return delay;
        }

        @Override
        public String describe() {
            return "fixed-delay (" + restarts + " of " + (attempts == Integer.MAX_VALUE ? "unlimited" : attempts)
                    + " restarts used, delay " + delay.toMillis() + " ms)";
        }
    }

    static final class FailureRate implements RestartStrategy {
        private final int maxFailures;
        private final Duration interval;
        private final Duration delay;
        private final ArrayDeque<Long> failures = new ArrayDeque<>();

        FailureRate(int maxFailures, Duration interval, Duration delay) {
            this.maxFailures = maxFailures;
            this.interval = interval;
            this.delay = delay;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            failures.addLast(nowMillis);
            while (!failures.isEmpty() && failures.peekFirst() <= nowMillis - interval.toMillis()) {
                failures.removeFirst();
            }
            return failures.size() <= maxFailures;
        }

        @Override
        public Duration delay() {
            return delay;
        }

        @Override
        public String describe() {
            return "failure-rate (at most " + maxFailures + " failures per " + interval.toMillis() + " ms, delay " + delay.toMillis() + " ms)";
        }
    }

    /**
     * Restarts after every failure; the pause doubles (by the multiplier) up to the maximum, and goes
     * back to the initial pause once the job ran {@code resetThreshold} after its last pause without failing.
     */
    static final class ExponentialDelay implements RestartStrategy {
        private final long initialMillis;
        private final long maxMillis;
        private final double multiplier;
        private final long resetThresholdMillis;
        private final double jitter;
        private final java.util.Random random;
        private long backoffMillis;
        private long lastFailure = -1;
        private long nextDelayMillis;
        private int restarts;

        ExponentialDelay(Duration initial, Duration max, double multiplier, Duration resetThreshold, double jitter, java.util.Random random) {
            this.initialMillis = initial.toMillis();
            this.maxMillis = max.toMillis();
            this.multiplier = multiplier;
            this.resetThresholdMillis = resetThreshold.toMillis();
            this.jitter = jitter;
            this.random = random;
        }

        @Override
        public boolean onFailure(long nowMillis) {
            if (lastFailure < 0 || nowMillis - lastFailure >= backoffMillis + resetThresholdMillis) {
                backoffMillis = initialMillis;
            } else {
                backoffMillis = Math.min(maxMillis, (long) Math.ceil(backoffMillis * multiplier));
            }
            lastFailure = nowMillis;
            long spread = (long) (backoffMillis * jitter);
            nextDelayMillis = spread == 0 ? backoffMillis : backoffMillis - spread + (long) (random.nextDouble() * (2 * spread + 1));
            restarts++;
            return true;
        }

        @Override
        public Duration delay() {
            return Duration.ofMillis(Math.max(0, nextDelayMillis));
        }

        @Override
        public String describe() {
            return "exponential-delay (" + restarts + " restarts, current pause " + nextDelayMillis + " ms, at most " + maxMillis + " ms)";
        }
    }
}
