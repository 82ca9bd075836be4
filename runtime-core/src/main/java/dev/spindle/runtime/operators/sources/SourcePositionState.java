package dev.spindle.runtime.operators.sources;

import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.runtime.state.DefaultOperatorStateStore;
import java.util.ArrayList;
import java.util.List;

/** The checkpointed read position of a built-in source subtask: a few longs in operator list state. */
final class SourcePositionState {

    private final ListState<Long> state;
    private final long[] restored;

    SourcePositionState(FunctionInitializationContext context, String name) {
        // A position is this subtask's own: it cannot be split or merged when the parallelism changes.
        this.state = ((DefaultOperatorStateStore) context.getOperatorStateStore()).getSubtaskListState(
                new ListStateDescriptor<>(name, Long.class));
        List<Long> values = new ArrayList<>();
        state.get().forEach(values::add);
        this.restored = context.isRestored() && !values.isEmpty() ? values.stream().mapToLong(Long::longValue).toArray() : null;
    }

    /** The position saved in the restored checkpoint, or null on a fresh start. */
    long[] restored() {
        return restored;
    }

    void save(long... position) {
        List<Long> values = new ArrayList<>(position.length);
        for (long p : position) {
            values.add(p);
        }
        state.update(values);
    }
}
