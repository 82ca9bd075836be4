package dev.spindle.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Total time threads spent waiting, including waits still going on: a task blocked on its input
 * for a minute must show as idle during that minute, not only once the wait ends. Lock-free; a
 * reading taken while a wait begins or ends may be off by that wait's few nanoseconds.
 */
public final class WaitTimer {

    private final LongAdder finished = new LongAdder();
    private final AtomicLong openWaits = new AtomicLong();
    private final AtomicLong openStartSum = new AtomicLong();

    /** Marks the start of a wait; pass the result to {@link #end}. */
    public long begin() {
        long now = System.nanoTime();
        openStartSum.addAndGet(now);
        openWaits.incrementAndGet();
        return now;
    }

    public void end(long start) {
        long now = System.nanoTime();
        openWaits.decrementAndGet();
        openStartSum.addAndGet(-start);
        finished.add(now - start);
    }

    /** Nanoseconds waited so far, the waits in progress included. */
    public long totalNanos() {
        long now = System.nanoTime();
        long open = openWaits.get() * now - openStartSum.get();
        return finished.sum() + Math.max(0, open);
    }
}
