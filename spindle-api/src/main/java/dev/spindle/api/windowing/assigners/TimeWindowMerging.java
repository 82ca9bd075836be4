package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Merges time windows that intersect, for the session assigners. */
final class TimeWindowMerging {

    private TimeWindowMerging() {
    }

    static void mergeWindows(Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> Long.compare(a.getStart(), b.getStart()));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow w : sorted) {
            if (cover == null) {
                cover = w;
                group.add(w);
            } else if (cover.intersects(w)) {
                cover = cover.cover(w);
                group.add(w);
            } else {
                report(group, cover, callback);
                group = new ArrayList<>();
                group.add(w);
                cover = w;
            }
        }
        if (cover != null) {
            report(group, cover, callback);
        }
    }

    private static void report(List<TimeWindow> group, TimeWindow cover, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }
}
