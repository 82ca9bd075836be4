package dev.spindle.api.state;

/** Appending state whose contents for two scopes (e.g. merging windows) can be combined. */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {
}
