package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.windows.TimeWindow;
import java.util.List;

/** The window one record opens in a session assigner: {@code [timestamp, timestamp + gap)}. */
final class SessionWindows {

    private SessionWindows() {
    }

    static List<TimeWindow> window(long timestamp, long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("a session gap must be positive, was " + gap + " ms");
        }
        return List.of(new TimeWindow(timestamp, timestamp + gap));
    }
}
