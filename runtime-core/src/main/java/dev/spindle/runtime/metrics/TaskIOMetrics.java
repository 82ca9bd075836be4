package dev.spindle.runtime.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Records in and out of one subtask, shown in the REST job detail. */
public final class TaskIOMetrics {

    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();

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

    public long getRecordsIn() {
        return recordsIn.sum();
    }

    public long getRecordsOut() {
        return recordsOut.sum();
    }
}
