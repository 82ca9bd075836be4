package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.streamtask.harness.CollectSink;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class KeyedAggregationTest {

    private static StreamEnvironment env(int parallelism) {
        StreamEnvironment env = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
        env.setParallelism(parallelism);
        return env;
    }

    private static List<Tuple2<String, Long>> runKeyedSum(RuntimeMode mode) throws Exception {
        StreamEnvironment env = env(3);
        env.setRuntimeMode(mode);
        CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
        // keys a, b, c with values 1..30: a gets 1,4,7..., b 2,5,8..., c 3,6,9...
        env.fromSequence(1, 30)
                .map(i -> Tuple2.of(String.valueOf((char) ('a' + (i - 1) % 3)), i))
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(sink);
        env.execute("keyed sum " + mode);
        return sink.values();
    }

    @Test
    void batchModeEmitsOnlyTheFinalValuePerKey() throws Exception {
        List<Tuple2<String, Long>> out = runKeyedSum(RuntimeMode.BATCH);
        Map<String, Long> expected = Map.of("a", 145L, "b", 155L, "c", 165L);
        assertEquals(3, out.size(), "one record per key: " + out);
        assertEquals(expected, out.stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1)));
        // AUTOMATIC with only bounded sources behaves like BATCH.
        assertEquals(expected, runKeyedSum(RuntimeMode.AUTOMATIC).stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1)));
    }

    @Test
    void streamingModeEmitsARollingUpdatePerRecord() throws Exception {
        List<Tuple2<String, Long>> out = runKeyedSum(RuntimeMode.STREAMING);
        assertEquals(30, out.size());
        Map<String, Long> max = new HashMap<>();
        Map<String, List<Long>> perKey = new HashMap<>();
        for (Tuple2<String, Long> t : out) {
            max.merge(t.f0, t.f1, Math::max);
            perKey.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1);
        }
        assertEquals(Map.of("a", 145L, "b", 155L, "c", 165L), max);
        for (List<Long> updates : perKey.values()) {
            assertEquals(10, updates.size());
            for (int i = 1; i < updates.size(); i++) {
                assertTrue(updates.get(i) > updates.get(i - 1), "updates of one key arrive in order: " + updates);
            }
        }
    }

    @Test
    void countAndReduce() throws Exception {
        StreamEnvironment env = env(2);
        CollectSink<Tuple2<Long, Long>> counts = new CollectSink<>();
        CollectSink<Long> maxima = new CollectSink<>();
        DataStream<Long> numbers = env.fromSequence(0, 999);
        numbers.keyBy(x -> x % 7).count().addSink(counts);
        numbers.keyBy(x -> x % 7).reduce(Math::max).addSink(maxima);
        env.execute("count and reduce");
        Map<Long, Long> expected = new HashMap<>();
        for (long x = 0; x < 1000; x++) {
            expected.merge(x % 7, 1L, Long::sum);
        }
        assertEquals(expected, counts.values().stream().collect(Collectors.toMap(t -> t.f0, t -> t.f1)));
        assertEquals(new TreeSet<>(List.of(993L, 994L, 995L, 996L, 997L, 998L, 999L)), new TreeSet<>(maxima.values()));
    }

    @Test
    void hashPartitioningSendsEachKeyToExactlyOneSubtask() throws Exception {
        StreamEnvironment env = env(4);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSequence(0, 19_999)
                .map(i -> "key-" + (i % 500))
                .keyBy(s -> s)
                .map(s -> s)
                .addSink(sink);
        env.execute("hash routing");
        Map<Object, Set<Integer>> subtasksOfKey = new HashMap<>();
        for (Tuple2<Integer, Object> t : sink.withSubtasks()) {
            subtasksOfKey.computeIfAbsent(t.f1, k -> new TreeSet<>()).add(t.f0);
        }
        assertEquals(500, subtasksOfKey.size());
        subtasksOfKey.forEach((key, subtasks) -> assertEquals(1, subtasks.size(), key + " went to " + subtasks));
        Set<Integer> used = subtasksOfKey.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(Set.of(0, 1, 2, 3), used, "keys spread over all subtasks");
        assertEquals(20_000, sink.size());
    }

    /** Keeps a running total and a count per key in value state. */
    static final class RunningTotal extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> total;
        private transient ValueState<Integer> seen;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", 0L));
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", 0));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
            total.update(total.value() + value.f1);
            seen.update(seen.value() + 1);
            if (seen.value() == 10) {
                out.collect(ctx.getCurrentKey() + "=" + total.value());
                seen.clear();
                total.clear();
            }
        }
    }

    @Test
    void keyedProcessFunctionKeepsStatePerKey() throws Exception {
        StreamEnvironment env = env(2);
        CollectSink<String> sink = new CollectSink<>();
        // One producer, so each key's records arrive in sequence order at the two keyed subtasks.
        env.fromSequence(1, 60).setParallelism(1)
                .map(i -> Tuple2.of(i % 2 == 0 ? "even" : "odd", i)).setParallelism(1)
                .keyBy(t -> t.f0)
                .process(new RunningTotal())
                .addSink(sink);
        env.execute("state");
        // 30 values per key -> 3 windows of 10 each, state cleared after each window.
        List<String> out = new ArrayList<>(sink.values());
        out.sort(null);
        assertEquals(List.of("even=110", "even=310", "even=510", "odd=100", "odd=300", "odd=500"), out);
    }

    @Test
    void sumOnRecordsThatAreNotTuplesSaysWhatToUse() {
        StreamEnvironment env = env(1);
        env.fromElements(1L, 1L, 2L).keyBy(x -> x).sum(1).addSink(new CollectSink<>());
        JobExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(JobExecutionException.class, () -> env.execute("bad sum"));
        assertTrue(e.getCause().getMessage().contains("works on Tuple2 records") && e.getCause().getMessage().contains("java.lang.Long"),
                e.getCause().getMessage());
    }
}
