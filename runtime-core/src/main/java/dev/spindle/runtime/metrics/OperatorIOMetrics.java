package dev.spindle.runtime.metrics;

import java.util.concurrent.atomic.LongAdder;

/** Records into and out of one operator of a chain (Flink's per-operator numRecordsIn/Out). */
public final class OperatorIOMetrics {

    private final String name;
    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();

    OperatorIOMetrics(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void incRecordsIn() {
        recordsIn.increment();
    }

    public void incRecordsOut() {
        recordsOut.increment();
    }

    public long getRecordsIn() {
        return recordsIn.sum();
    }

    public long getRecordsOut() {
        return recordsOut.sum();
    }
}
