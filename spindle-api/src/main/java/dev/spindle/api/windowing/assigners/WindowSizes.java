package dev.spindle.api.windowing.assigners;

/** Checks of window sizes, offsets and timestamps shared by the time window assigners. */
final class WindowSizes {

    private WindowSizes() {
    }

    static long positive(String what, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("the window " + what + " must be positive, was " + millis + " ms");
        }
        return millis;
    }

    static long offset(long offset, long size) {
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException("the window offset (" + offset + " ms) must be smaller than the window size ("
                    + size + " ms)");
        }
        return offset;
    }

    static void requireTimestamp(long timestamp, String assigner) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException(assigner + " got a record without event timestamp; call "
                    + "assignTimestampsAndWatermarks(WatermarkStrategy...withTimestampAssigner(...)) before the window, "
                    + "or use a processing-time window");
        }
    }
}
