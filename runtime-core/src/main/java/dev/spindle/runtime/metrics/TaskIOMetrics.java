package dev.spindle.runtime.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one subtask did, cumulative since it started: records and bytes in and out, time spent
 * waiting for input (idle) and for room in its outputs (backpressured), and records in and out
 * of each operator of its chain. Written by the task's threads, read by the heartbeat.
 */
public final class TaskIOMetrics {

    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final WaitTimer idle = new WaitTimer();
    private final WaitTimer backpressured = new WaitTimer();
    private final List<OperatorIOMetrics> operators = new CopyOnWriteArrayList<>();
    private final long createdNanos = System.nanoTime();
    private volatile InputProgress sourceProgress;

    public void incRecordsIn() {
        recordsIn.increment();
    }

    public void incRecordsOut() {
        recordsOut.increment();
    }

    public void addRecordsIn(long n) {
        recordsIn.add(n);
    }

    public void addRecordsOut(long n) {
        recordsOut.add(n);
    }

    public void addBytesIn(long n) {
        bytesIn.add(n);
    }

    public void addBytesOut(long n) {
        bytesOut.add(n);
    }

    /** Times waits for input. */
    public WaitTimer idle() {
        return idle;
    }

    /** Times waits for room in an output. */
    public WaitTimer backpressured() {
        return backpressured;
    }

    /** Registers the counters of one operator of the chain, in chain order. */
    public OperatorIOMetrics addOperator(String name) {
        OperatorIOMetrics m = new OperatorIOMetrics(name);
        operators.add(m);
        return m;
    }

    public long getRecordsIn() {
        return recordsIn.sum();
    }

    public long getRecordsOut() {
        return recordsOut.sum();
    }

    public long getBytesIn() {
        return bytesIn.sum();
    }

    public long getBytesOut() {
        return bytesOut.sum();
    }

    public long getIdleNanos() {
        return idle.totalNanos();
    }

    public long getBackpressuredNanos() {
        return backpressured.totalNanos();
    }

    /** Wall time since these metrics were created (the task's start). */
    public long getRunningNanos() {
        return System.nanoTime() - createdNanos;
    }

    public List<OperatorIOMetrics> getOperators() {
        return List.copyOf(operators);
    }

    /** The task's head is a bounded source that reports how much of its input it read. */
    public void setSourceProgress(InputProgress progress) {
        this.sourceProgress = progress;
    }

    /** The bounded source's progress, or null when the task has none (not a source, or unbounded). */
    public InputProgress getSourceProgress() {
        return sourceProgress;
    }
}
