package dev.spindle.api.windowing.windows;

/** The time interval {@code [start, end)} in milliseconds. */
public final class TimeWindow extends Window {

    private static final long serialVersionUID = 1L;

    private final long start;
    private final long end;

    /** The window {@code [start, end)}. */
    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /** The first timestamp of the window. */
    public long getStart() {
        return start;
    }

    /** The first timestamp after the window. */
    public long getEnd() {
        return end;
    }

    /** {@code end - 1}. */
    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch (session windows then merge). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The start of the window of length {@code windowSize} (shifted by {@code offset}) that holds {@code timestamp}. */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        // floor, also for negative timestamps
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }
}
