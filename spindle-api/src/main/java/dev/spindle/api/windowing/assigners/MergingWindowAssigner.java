package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows merge (sessions): overlapping windows become one. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /** Finds the windows of {@code windows} that merge and reports each group to {@code callback}. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives one group of windows that merge into {@code mergeResult}. */
    public interface MergeCallback<W> {

        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
