package dev.spindle.runtime.state;

import dev.spindle.api.state.ListState;
import dev.spindle.runtime.serialization.JavaSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Operator list state of one subtask: one element per entry, so a rescale can split or union the elements. */
final class HeapListState<T> implements ListState<T>, SnapshottableState {

    static final String KIND = "OPERATOR_LIST";

    private final String name;
    private final List<T> elements = new ArrayList<>();

    HeapListState(String name) {
        this.name = name;
    }

    @Override
    public Iterable<T> get() {
        return Collections.unmodifiableList(elements);
    }

    @Override
    public void add(T value) {
        elements.add(value);
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
        return KIND;
    }

    @Override
    public Snapshot snapshot() {
        List<T> copy = new ArrayList<>(elements);
        return () -> {
            List<byte[]> out = new ArrayList<>(copy.size());
            for (T e : copy) {
                out.add(JavaSerialization.toBytes(e));
            }
            return new StateData(KIND, Map.of(StateData.OPERATOR_GROUP, out));
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
