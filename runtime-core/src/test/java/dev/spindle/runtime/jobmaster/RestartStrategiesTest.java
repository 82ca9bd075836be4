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
}
