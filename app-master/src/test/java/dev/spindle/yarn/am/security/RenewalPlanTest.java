package dev.spindle.yarn.am.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.spindle.yarn.am.security.RenewalPlan.Action;
import dev.spindle.yarn.am.security.RenewalPlan.Step;
import dev.spindle.yarn.common.security.TokenLifetime;

class RenewalPlanTest {

    @Test
    void renewsAtTheRatioOfTheTimeLeftUntilTheEarliestExpiry() {
        List<TokenLifetime> tokens = List.of(new TokenLifetime("hdfs", 40_000, 100_000), new TokenLifetime("rm", 30_000, 100_000));
        assertEquals(new Step(22_500, Action.RENEW), RenewalPlan.next(0, tokens, 0.75).orElseThrow());
        assertEquals(new Step(25_000, Action.RENEW), RenewalPlan.next(20_000, tokens, 0.5).orElseThrow());
    }

    @Test
    void reobtainsOnceTheEarliestTokenIsAtItsMaxDate() {
        // Renewal capped at the max date: renewing again changes nothing, a new generation is needed.
        List<TokenLifetime> tokens = List.of(new TokenLifetime("hdfs", 60_000, 60_000), new TokenLifetime("rm", 90_000, 200_000));
        assertEquals(new Step(52_500, Action.REOBTAIN), RenewalPlan.next(45_000, tokens, 0.5).orElseThrow());
    }

    @Test
    void aShortLivedGenerationIsRenewedTwiceThenReplacedBeforeItsMaxLifetime() {
        // renew interval 30 s, max lifetime 60 s, ratio 0.5
        long interval = 30_000;
        long max = 60_000;
        long now = 0;
        TokenLifetime t = new TokenLifetime("hdfs", interval, max);
        Step s1 = RenewalPlan.next(now, List.of(t), 0.5).orElseThrow();
        assertEquals(new Step(15_000, Action.RENEW), s1);
        t = new TokenLifetime("hdfs", Math.min(s1.at() + interval, max), max);
        Step s2 = RenewalPlan.next(s1.at(), List.of(t), 0.5).orElseThrow();
        assertEquals(new Step(30_000, Action.RENEW), s2);
        t = new TokenLifetime("hdfs", Math.min(s2.at() + interval, max), max);
        Step s3 = RenewalPlan.next(s2.at(), List.of(t), 0.5).orElseThrow();
        assertEquals(new Step(45_000, Action.REOBTAIN), s3);
        assertTrue(s3.at() < max);
    }

    @Test
    void nothingToDoWithoutKnownLifetimes() {
        assertTrue(RenewalPlan.next(0, List.of(), 0.75).isEmpty());
    }

    @Test
    void retriesAfterTheBackoffButBeforeTheTokensExpire() {
        List<TokenLifetime> tokens = List.of(new TokenLifetime("hdfs", 100_000, 1_000_000));
        assertEquals(10_000, RenewalPlan.retryAt(0, tokens, 0.75, 10_000));
        assertEquals(75_000, RenewalPlan.retryAt(0, tokens, 0.75, 3_600_000));
        assertEquals(5_000, RenewalPlan.retryAt(0, List.of(), 0.75, 5_000));
    }
}
