package dev.spindle.yarn.am.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.hadoop.security.Credentials;
import org.junit.jupiter.api.Test;

import dev.spindle.yarn.common.security.TokenLifetime;

/** The scheduler against fake token operations, a fake clock and a timer that runs tasks when told. */
class TokenRenewalSchedulerTest {

    private static final long INTERVAL = 30_000;
    private static final long MAX_LIFETIME = 60_000;

    /** Tokens that expire INTERVAL after each obtain or renewal, capped at MAX_LIFETIME after their obtain. */
    private final class FakeOperations implements TokenOperations {
        final List<Credentials> obtained = new ArrayList<>();
        final List<Long> renewedAt = new ArrayList<>();
        long obtainedAt;
        int failuresToCome;

        @Override
        public Generation obtain() throws IOException {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IOException("NameNode unreachable");
            }
            obtainedAt = now;
            Credentials c = new Credentials();
            obtained.add(c);
            return new Generation(c, List.of(new TokenLifetime("hdfs", now + INTERVAL, now + MAX_LIFETIME)));
        }

        @Override
        public List<TokenLifetime> renew(Generation generation) throws IOException {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IOException("token renewal refused");
            }
            renewedAt.add(now);
            long max = obtainedAt + MAX_LIFETIME;
            return List.of(new TokenLifetime("hdfs", Math.min(now + INTERVAL, max), max));
        }
    }

    private long now = 1_000_000;
    private final TreeMap<Long, Runnable> due = new TreeMap<>();
    private final List<Credentials> published = new ArrayList<>();

    private TokenRenewalScheduler scheduler(FakeOperations ops) {
        return new TokenRenewalScheduler(ops, published::add, (delay, task) -> due.put(now + delay, task), () -> now, 0.5, 5_000);
    }

    /** Advances the clock to the next scheduled task and runs it; returns when it ran. */
    private long runNext() {
        var next = due.pollFirstEntry();
        now = next.getKey();
        next.getValue().run();
        return now;
    }

    @Test
    void renewsUntilTheMaxLifetimeThenPublishesANewGenerationBeforeIt() throws Exception {
        FakeOperations ops = new FakeOperations();
        long start = now;
        scheduler(ops).start();
        assertEquals(1, published.size());
        assertSame(ops.obtained.get(0), published.get(0));

        assertEquals(start + 15_000, runNext());
        assertEquals(start + 30_000, runNext());
        assertEquals(List.of(start + 15_000, start + 30_000), ops.renewedAt);
        assertEquals(1, published.size(), "renewing keeps the same tokens; nothing new to distribute");

        // The renewal at 30 s reached the max date (60 s): the next step replaces the generation.
        assertEquals(start + 45_000, runNext());
        assertEquals(2, published.size());
        assertSame(ops.obtained.get(1), published.get(1));

        // The new generation is renewed on its own schedule.
        assertEquals(start + 60_000, runNext());
        assertEquals(start + 60_000, (long) ops.renewedAt.get(2));
    }

    @Test
    void aFailedStepIsRetriedAfterTheBackoffWithANewGeneration() throws Exception {
        FakeOperations ops = new FakeOperations();
        long start = now;
        scheduler(ops).start();
        ops.failuresToCome = 2;
        assertEquals(start + 15_000, runNext()); // renewal fails
        assertEquals(start + 20_000, runNext()); // re-obtaining after the 5 s backoff fails too
        assertEquals(1, published.size());
        assertEquals(start + 25_000, runNext()); // and then works
        assertEquals(2, published.size());
    }

    @Test
    void aFailureToObtainTheFirstGenerationIsTheCallers() {
        FakeOperations ops = new FakeOperations();
        ops.failuresToCome = 1;
        assertThrows(IOException.class, () -> scheduler(ops).start());
        assertEquals(0, published.size());
    }

    @Test
    void aStoppedSchedulerDoesNothingMore() throws Exception {
        FakeOperations ops = new FakeOperations();
        TokenRenewalScheduler scheduler = scheduler(ops);
        scheduler.start();
        scheduler.stop();
        runNext();
        assertEquals(List.of(), ops.renewedAt);
    }
}
