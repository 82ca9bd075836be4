package dev.spindle.yarn.client.deployment;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before asking YARN for an application report again. YARN has no change
 * notification, and its state changes come in bursts (ACCEPTED, RUNNING; FINISHING, FINISHED), so
 * the wait starts short after each change and grows to the longest while nothing changes: a
 * client sees the next state within tens of milliseconds without asking the RM 20 times a second
 * through a long job.
 */
final class ReportPoll {

    static final Duration SHORTEST = Duration.ofMillis(40);
    static final Duration LONGEST = Duration.ofMillis(250);

    private long nextMillis = SHORTEST.toMillis();
    private Object lastSeen;

    /** The wait before the next report, given what this one showed ({@code seen}: the state, or any value that changes with it). */
    long afterSeeing(Object seen) {
        if (!Objects.equals(seen, lastSeen)) {
            lastSeen = seen;
            nextMillis = SHORTEST.toMillis();
        }
        long wait = nextMillis;
        nextMillis = Math.min(LONGEST.toMillis(), nextMillis * 3 / 2);
        return wait;
    }
}
