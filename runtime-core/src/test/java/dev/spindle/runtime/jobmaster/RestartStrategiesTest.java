package dev.spindle.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartStrategiesTest {

    private static Configuration conf(String... kv) {
        Configuration c = new Configuration();
        for (int i = 0; i < kv.length; i += 2) {
            c.setString(kv[i], kv[i + 1]);
        }
        return c;
    }

    @Test
    void noneNeverRestarts() {
        assertFalse(RestartStrategies.create(new Configuration(), new Configuration()).onFailure(0));
    }

    @Test
    void fixedDelayAllowsTheConfiguredAttempts() {
        RestartStrategy s = RestartStrategies.create(conf(), conf("restart-strategy.type", "fixed-delay",
                "restart-strategy.fixed-delay.attempts", "2", "restart-strategy.fixed-delay.delay", "5 s"));
        assertEquals(Duration.ofSeconds(5), s.delay());
        assertTrue(s.onFailure(0));
        assertTrue(s.onFailure(1));
        assertFalse(s.onFailure(2));
    }

    @Test
    void theJobsConfigurationOverridesTheClusters() {
        RestartStrategy s = RestartStrategies.create(conf("restart-strategy.type", "none"), conf("restart-strategy.type", "fixed-delay"));
        assertFalse(s.onFailure(0));
    }

    @Test
    void failureRateCountsFailuresInASlidingInterval() {
        RestartStrategy s = RestartStrategies.create(conf("restart-strategy.type", "failure-rate",
                "restart-strategy.failure-rate.max-failures-per-interval", "2",
                "restart-strategy.failure-rate.failure-rate-interval", "10 s"), new Configuration());
        assertTrue(s.onFailure(0));
        assertTrue(s.onFailure(1_000));
        assertFalse(s.onFailure(2_000), "third failure within 10 s");
        assertTrue(s.onFailure(30_000), "old failures slid out of the interval");
    }

    @Test
    void anUnknownTypeNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestartStrategies.create(conf("restart-strategy.type", "sometimes"), new Configuration()));
        assertTrue(e.getMessage().contains("restart-strategy.type") && e.getMessage().contains("sometimes"), e.getMessage());
    }

    @Test
    void exponentialDelayGrowsByTheMultiplierUpToTheMaximumAndResetsAfterAQuietRun() {
        RestartStrategy s = RestartStrategies.create(conf("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "100 ms",
                "restart-strategy.exponential-delay.max-backoff", "1 s",
                "restart-strategy.exponential-delay.backoff-multiplier", "3.0",
                "restart-strategy.exponential-delay.reset-backoff-threshold", "10 s",
                "restart-strategy.exponential-delay.jitter-factor", "0"), new Configuration());
        long[] expected = {100, 300, 900, 1000, 1000};
        long now = 0;
        for (long delay : expected) {
            assertTrue(s.onFailure(now));
            assertEquals(Duration.ofMillis(delay), s.delay());
            now += delay + 50;
        }
        // the job then ran longer than pause + threshold without failing: back to the initial pause
        now += 1000 + 10_000;
        assertTrue(s.onFailure(now));
        assertEquals(Duration.ofMillis(100), s.delay());
    }

    @Test
    void exponentialDelayJitterStaysWithinItsShare() {
        RestartStrategy s = RestartStrategies.create(conf("restart-strategy.type", "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff", "1 s",
                "restart-strategy.exponential-delay.max-backoff", "1 s",
                "restart-strategy.exponential-delay.jitter-factor", "0.2"), new Configuration());
        for (int i = 0; i < 50; i++) {
            assertTrue(s.onFailure(i * 10L));
            long d = s.delay().toMillis();
            assertTrue(d >= 800 && d <= 1200, "pause " + d + " ms outside 1 s +- 20 %");
        }
    }

    @Test
    void exponentialDelayRefusesAMultiplierBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RestartStrategies.create(
                conf("restart-strategy.type", "exponential-delay", "restart-strategy.exponential-delay.backoff-multiplier", "0.5"),
                new Configuration()));
        assertTrue(e.getMessage().contains("backoff-multiplier"), e.getMessage());
    }

    @Test
    void flinksNamesWriteTheSameKeysAsTodaysForms() {
        assertEquals(dev.spindle.api.RestartStrategies.fixedDelay(3, Duration.ofSeconds(2)).asMap(),
                dev.spindle.api.RestartStrategies.fixedDelayRestart(3, Duration.ofSeconds(2)).asMap());
        assertEquals(dev.spindle.api.RestartStrategies.fixedDelay(3, Duration.ofMillis(2500)).asMap(),
                dev.spindle.api.RestartStrategies.fixedDelayRestart(3, 2500).asMap());
        assertEquals(dev.spindle.api.RestartStrategies.failureRate(2, Duration.ofMinutes(1), Duration.ofSeconds(1)).asMap(),
                dev.spindle.api.RestartStrategies.failureRateRestart(2, Duration.ofMinutes(1), Duration.ofSeconds(1)).asMap());
        Configuration c = new Configuration();
        dev.spindle.api.RestartStrategies.exponentialDelayRestart(Duration.ofMillis(10), Duration.ofMillis(40), 2.0,
                Duration.ofSeconds(5), 0.0).applyTo(c);
        RestartStrategy s = RestartStrategies.create(c, new Configuration());
        assertTrue(s.onFailure(0));
        assertEquals(Duration.ofMillis(10), s.delay());
        assertTrue(s.onFailure(20));
        assertEquals(Duration.ofMillis(20), s.delay());
    }
}
