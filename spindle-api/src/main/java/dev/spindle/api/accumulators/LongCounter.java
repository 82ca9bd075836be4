package dev.spindle.api.accumulators;

/** Sums longs. */
public final class LongCounter implements Accumulator<Long, Long> {

    private static final long serialVersionUID = 1L;

    private long value;

    /** A counter at 0. */
    public LongCounter() {
    }

    /** A counter at {@code value}. */
    public LongCounter(long value) {
        this.value = value;
    }

    @Override
    public void add(Long v) {
        value += v;
    }

    /** Adds {@code v}. */
    public void add(long v) {
        value += v;
    }

    @Override
    public Long getLocalValue() {
        return value;
    }

    @Override
    public void resetLocal() {
        value = 0;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        value += other.getLocalValue();
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(value);
    }

    @Override
    public String toString() {
        return "LongCounter " + value;
    }
}
