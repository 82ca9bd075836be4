package dev.spindle.runtime.streamtask.harness;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Test sink: collects (subtask index, record) pairs into a JVM-wide registry under a fresh id, so
 * a test can read what every parallel sink subtask received (the harness runs in this JVM).
 */
public final class CollectSink<T> extends AbstractRichFunction implements SinkFunction<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Tuple2<Integer, Object>>> RESULTS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public CollectSink() {
        RESULTS.put(id, new ConcurrentLinkedQueue<>());
    }

    @Override
    public void invoke(T value) {
        RESULTS.get(id).add(Tuple2.of(getRuntimeContext().getIndexOfThisSubtask(), value));
    }

    /** Every record received, in arrival order per subtask. */
    @SuppressWarnings("unchecked")
    public List<T> values() {
        List<T> out = new ArrayList<>();
        for (Tuple2<Integer, Object> t : RESULTS.get(id)) {
            out.add((T) t.f1);
        }
        return out;
    }

    /** (subtask index, record) pairs. */
    public List<Tuple2<Integer, Object>> withSubtasks() {
        return new ArrayList<>(RESULTS.get(id));
    }

    public int size() {
        return RESULTS.get(id).size();
    }
}
