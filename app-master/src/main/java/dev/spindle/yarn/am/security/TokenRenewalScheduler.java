package dev.spindle.yarn.am.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.apache.hadoop.security.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.yarn.common.security.TokenLifetime;

/**
 * Keeps the application's delegation tokens alive for as long as the AM runs: renews them before
 * they expire and obtains a new generation before the current one reaches its max lifetime, handing
 * every new generation to {@code onNewGeneration} (the AM's own user and the TaskExecutors). A
 * failed step is retried after the backoff, always before the tokens expire.
 */
public final class TokenRenewalScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRenewalScheduler.class);

    /** Runs a task after a delay; a scheduled executor in the AM, a recording fake in tests. */
    public interface Timer {
        void runAfter(long delayMillis, Runnable task);
    }

    private final TokenOperations operations;
    private final Consumer<Credentials> onNewGeneration;
    private final Timer timer;
    private final LongSupplier clock;
    private final double ratio;
    private final long retryBackoffMillis;

    private TokenOperations.Generation current;
    private List<TokenLifetime> lifetimes = List.of();
    private volatile boolean stopped;

    TokenRenewalScheduler(TokenOperations operations, Consumer<Credentials> onNewGeneration, Timer timer, LongSupplier clock,
            double ratio, long retryBackoffMillis) {
        this.operations = operations;
        this.onNewGeneration = onNewGeneration;
        this.timer = timer;
        this.clock = clock;
        this.ratio = ratio;
        this.retryBackoffMillis = retryBackoffMillis;
    }

    /**
     * Obtains the first generation now (the client's tokens are renewed by the RM, not by us, and
     * end at their max lifetime) and schedules what follows. A failure here is the caller's: the
     * keytab or a service is unusable.
     */
    public synchronized void start() throws Exception {
        reobtain();
        scheduleNext();
    }

    /** No further steps run. */
    public void stop() {
        stopped = true;
    }

    /** The lifetimes of the current generation as last renewed. */
    public synchronized List<TokenLifetime> lifetimes() {
        return lifetimes;
    }

    private void reobtain() throws Exception {
        TokenOperations.Generation next = operations.obtain();
        current = next;
        lifetimes = next.lifetimes();
        onNewGeneration.accept(next.credentials());
        LOG.info("Obtained {} delegation tokens; earliest expiry {}, earliest max date {}", next.credentials().numberOfTokens(),
                describe(lifetimes, false), describe(lifetimes, true));
    }

    private synchronized void runStep(RenewalPlan.Action action) {
        if (stopped) {
            return;
        }
        try {
            if (action == RenewalPlan.Action.RENEW) {
                lifetimes = operations.renew(current);
                LOG.info("Renewed {} delegation tokens; earliest expiry now {}", lifetimes.size(), describe(lifetimes, false));
            } else {
                reobtain();
            }
            scheduleNext();
        } catch (Exception | LinkageError e) {
            long at = RenewalPlan.retryAt(clock.getAsLong(), lifetimes, ratio, retryBackoffMillis);
            LOG.error("Could not {} delegation tokens ({}); retrying at {}", action == RenewalPlan.Action.RENEW ? "renew" : "re-obtain",
                    e.toString(), Instant.ofEpochMilli(at));
            // After a failed renewal a fresh generation is the surer way out; a failed re-obtaining is simply tried again.
            schedule(at, RenewalPlan.Action.REOBTAIN);
        }
    }

    private void scheduleNext() {
        Optional<RenewalPlan.Step> step = RenewalPlan.next(clock.getAsLong(), lifetimes, ratio);
        if (step.isEmpty()) {
            LOG.warn("None of the delegation tokens has a known lifetime; they are not renewed");
            return;
        }
        schedule(step.get().at(), step.get().action());
    }

    private void schedule(long at, RenewalPlan.Action action) {
        LOG.info("Next delegation token step: {} at {}", action, Instant.ofEpochMilli(at));
        timer.runAfter(Math.max(0, at - clock.getAsLong()), () -> runStep(action));
    }

    private static String describe(List<TokenLifetime> lifetimes, boolean maxDate) {
        java.util.OptionalLong min = lifetimes.stream().mapToLong(t -> maxDate ? t.maxDate() : t.expiresAt()).min();
        return min.isPresent() ? Instant.ofEpochMilli(min.getAsLong()).toString() : "unknown";
    }
}
