package dev.spindle.runtime.state;

import dev.spindle.api.state.ListState;
import dev.spindle.runtime.serialization.JavaSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Operator list state of one subtask: one element per entry, so a rescale can split or union the
 * elements; its kind says how ({@link OperatorStateRedistribution}).
 */
final class HeapListState<T> implements ListState<T>, SnapshottableState {

    private final String name;
    private final String kind;
    private final List<T> elements = new ArrayList<>();

    HeapListState(String name, String kind) {
        this.name = name;
        this.kind = kind;
    }

    @Override
    public Iterable<T> get() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        elements.add(java.util.Objects.requireNonNull(value, "ListState.add(null): a list state holds no null elements"));
    }

    @Override
    public void addAll(List<T> values) {
        elements.addAll(values);
    }

    @Override
    public void update(List<T> values) {
        elements.clear();
        elements.addAll(values);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Snapshot snapshot() {
        List<T> copy = new ArrayList<>(elements);
        return () -> {
            List<byte[]> out = new ArrayList<>(copy.size());
            for (T e : copy) {
                out.add(JavaSerialization.toBytes(e));
            }
            return new StateData(kind, Map.of(StateData.OPERATOR_GROUP, out));
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(StateData data, ClassLoader userClassLoader) throws IOException, ClassNotFoundException {
        elements.clear();
        for (byte[] e : data.groups().getOrDefault(StateData.OPERATOR_GROUP, List.of())) {
            elements.add((T) JavaSerialization.fromBytes(e, userClassLoader));
        }
    }
}
