package dev.spindle.runtime.task;

import dev.spindle.api.accumulators.Accumulator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The accumulators one subtask has registered; reported to the job master when the subtask ends. */
public final class AccumulatorRegistry {

    private final Map<String, Accumulator<?, ?>> accumulators = new ConcurrentHashMap<>();

    /** Registers {@code accumulator} under {@code name}, or returns the one already registered. */
    @SuppressWarnings("unchecked")
    public <V, R extends java.io.Serializable> Accumulator<V, R> getOrRegister(String name, Accumulator<V, R> accumulator) {
        return (Accumulator<V, R>) accumulators.computeIfAbsent(name, n -> accumulator);
    }

    public Map<String, Accumulator<?, ?>> snapshot() {
        return Map.copyOf(accumulators);
    }
}
