package dev.spindle.runtime.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.ConnectedStreams;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.functions.co.CoFlatMapFunction;
import dev.spindle.api.functions.co.CoMapFunction;
import dev.spindle.api.functions.co.KeyedCoProcessFunction;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * connect(...) with CoMap and CoFlatMap on the MiniCluster with three TaskExecutors: both inputs at
 * parallelism 2, the connected operator at 3 (records cross the network), outputs compared with
 * references computed here; keyed connected streams share keyed state across both inputs.
 */
@Timeout(120)
class ConnectedStreamsTest {

    static final Map<String, Queue<String>> OUTPUTS = new ConcurrentHashMap<>();

    /** Collects into {@link #OUTPUTS} under the test's name (the MiniCluster runs in this JVM). */
    public static final class Collect implements SinkFunction<String> {
        private static final long serialVersionUID = 1L;
        private final String name;

        Collect(String name) {
            this.name = name;
            OUTPUTS.put(name, new ConcurrentLinkedQueue<>());
        }

        @Override
        public void invoke(String value) {
            OUTPUTS.get(name).add(value);
        }
    }

    static List<String> sorted(String name) {
        List<String> lines = new ArrayList<>(OUTPUTS.get(name));
        lines.sort(null);
        return lines;
    }

    static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 3);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 3);
        return conf;
    }

    static void run(StreamEnvironment env, String name) throws Exception {
        JobGraph job = PipelineTranslator.translate(env, name);
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
    }

    static StreamEnvironment environment() {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        return env;
    }

    static final class Tag implements CoMapFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map1(Long value) {
            return "L" + value * 2;
        }

        @Override
        public String map2(String value) {
            return "S" + value.toUpperCase();
        }
    }

    static final class Split implements CoFlatMapFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap1(Long value, Collector<String> out) {
            if (value % 3 == 0) {
                out.collect("third " + value);
                out.collect("again " + value);
            }
        }

        @Override
        public void flatMap2(String value, Collector<String> out) {
            out.collect("word " + value);
        }
    }

    @Test
    void coMapAndCoFlatMapSeeEveryRecordOfBothInputsOnce() throws Exception {
        StreamEnvironment env = environment();
        ConnectedStreams<Long, String> connected = env.fromSequence(1, 3000)
                .connect(env.fromGenerator(1000, i -> "w" + i));
        connected.map(new Tag()).setParallelism(3).addSink(new Collect("co-map")).setParallelism(2);
        connected.flatMap(new Split()).setParallelism(3).addSink(new Collect("co-flat-map")).setParallelism(1);
        run(env, "co-map and co-flat-map");

        List<String> coMap = new ArrayList<>();
        List<String> coFlatMap = new ArrayList<>();
        for (long v = 1; v <= 3000; v++) {
            coMap.add("L" + v * 2);
            if (v % 3 == 0) {
                coFlatMap.add("third " + v);
                coFlatMap.add("again " + v);
            }
        }
        for (long i = 0; i < 1000; i++) {
            coMap.add("SW" + i);
            coFlatMap.add("word w" + i);
        }
        coMap.sort(null);
        coFlatMap.sort(null);
        assertEquals(coMap, sorted("co-map"));
        assertEquals(coFlatMap, sorted("co-flat-map"));
    }

    /** Counts the records of each key over both inputs in one keyed ValueState. */
    static final class CountBothInputs extends AbstractRichFunction implements CoMapFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        private long next() throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            return c;
        }

        @Override
        public String map1(Long value) throws Exception {
            return (value % 7) + "|" + next();
        }

        @Override
        public String map2(Long value) throws Exception {
            return (value % 70 / 10) + "|" + next();
        }
    }

    @Test
    void keyedConnectedStreamsShareEachKeysStateAcrossBothInputs() throws Exception {
        StreamEnvironment env = environment();
        env.fromSequence(0, 699)
                .connect(env.fromSequence(0, 699).map(v -> v * 10))
                .keyBy(v -> v % 7, v -> v % 70 / 10)
                .map(new CountBothInputs()).setParallelism(3)
                .addSink(new Collect("keyed-co-map"));
        run(env, "keyed co-map");
        // every key gets 100 records from each input: its counts run 1..200 whatever the interleaving
        List<String> expected = new ArrayList<>();
        for (long k = 0; k < 7; k++) {
            for (long c = 1; c <= 200; c++) {
                expected.add(k + "|" + c);
            }
        }
        expected.sort(null);
        assertEquals(expected, sorted("keyed-co-map"));
    }

    @Test
    void keyedCoProcessNeedsKeyedStreams() {
        StreamEnvironment env = environment();
        ConnectedStreams<Long, Long> plain = env.fromSequence(0, 1).connect(env.fromSequence(0, 1));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> plain.process(new KeyedCoProcessFunction<Long, Long, Long, Long>() {
                    @Override
                    public void processElement1(Long value, Context ctx, Collector<Long> out) {
                    }

                    @Override
                    public void processElement2(Long value, Context ctx, Collector<Long> out) {
                    }
                }));
        assertTrue(e.getMessage().contains("keyBy(keySelector1, keySelector2)"), e.getMessage());
    }
}
