package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.RestartStrategies;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RichFlatMapFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every keyed state kind (value, list, map, reducing, aggregating) used from a rich flatMap after
 * keyBy (not a process function), on the MiniCluster with two TaskExecutors: a failure mid-run
 * restores all of them from the latest checkpoint and the committed output equals a reference
 * computed here record by record. Keyed state on a non-keyed stream fails the job with a clear message.
 */
@Timeout(120)
class StateKindsRecoveryTest {

    private static final int KEYS = 5;
    private static final long N = 12_000;
    static final AtomicBoolean THROWN = new AtomicBoolean();

    @TempDir
    Path tmp;

    static Long slow(long i) throws InterruptedException {
        if (i % 5 == 0) {
            Thread.sleep(1);
        }
        return i;
    }

    /** A mutable accumulator, so the state must protect its snapshot from in-place changes. */
    static final class MaxAccumulator implements Serializable {
        private static final long serialVersionUID = 1L;
        long max = Long.MIN_VALUE;
    }

    static final class Max implements AggregateFunction<Long, MaxAccumulator, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public MaxAccumulator createAccumulator() {
            return new MaxAccumulator();
        }

        @Override
        public MaxAccumulator add(Long value, MaxAccumulator accumulator) {
            accumulator.max = Math.max(accumulator.max, value);
            return accumulator;
        }

        @Override
        public Long getResult(MaxAccumulator accumulator) {
            return accumulator.max;
        }

        @Override
        public MaxAccumulator merge(MaxAccumulator a, MaxAccumulator b) {
            a.max = Math.max(a.max, b.max);
            return a;
        }
    }

    static final class AllStates extends RichFlatMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private final String checkpoints;
        private transient ValueState<Long> count;
        private transient ListState<Long> lastThree;
        private transient MapState<Long, Long> residues;
        private transient ReducingState<Long> sum;
        private transient AggregatingState<Long, Long> max;

        AllStates(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
            lastThree = context.getListState(new ListStateDescriptor<>("last-three", Long.class));
            residues = context.getMapState(new MapStateDescriptor<>("residues", Long.class, Long.class));
            sum = context.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
            max = context.getAggregatingState(new AggregatingStateDescriptor<>("max", new Max(), MaxAccumulator.class));
        }

        @Override
        public void flatMap(Long i, Collector<String> out) throws Exception {
            long c = (count.value() == null ? 0 : count.value()) + 1;
            count.update(c);
            List<Long> last = new ArrayList<>();
            lastThree.get().forEach(last::add);
            last.add(i);
            lastThree.update(last.size() > 3 ? last.subList(last.size() - 3, last.size()) : last);
            Long r = residues.get(i % 3);
            residues.put(i % 3, r == null ? 1 : r + 1);
            sum.add(i);
            max.add(i);
            if (i % KEYS == 0 && c >= N / KEYS / 3 && c % 50 == 0 && getRuntimeContext().getAttemptNumber() == 0
                    && CheckpointRecoveryTest.hasCompletedCheckpoint(Path.of(checkpoints)) && THROWN.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            List<Long> now = new ArrayList<>();
            lastThree.get().forEach(now::add);
            Map<Long, Long> map = new TreeMap<>();
            residues.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
            out.collect(line(i % KEYS, c, now, map, sum.get(), max.get()));
        }
    }

    static String line(long key, long count, List<Long> last, Map<Long, Long> residues, long sum, long max) {
        return key + "|" + count + "|" + last + "|" + residues + "|" + sum + "|" + max;
    }

    /** The reference: each key's records in generator order, with plain collections. */
    static List<String> expected() {
        List<String> lines = new ArrayList<>();
        for (long k = 0; k < KEYS; k++) {
            long count = 0;
            long sum = 0;
            long max = Long.MIN_VALUE;
            List<Long> last = new ArrayList<>();
            Map<Long, Long> residues = new TreeMap<>();
            for (long i = k; i < N; i += KEYS) {
                count++;
                sum += i;
                max = Math.max(max, i);
                last.add(i);
                if (last.size() > 3) {
                    last.remove(0);
                }
                residues.merge(i % 3, 1L, Long::sum);
                lines.add(line(k, count, last, residues, sum, max));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        return conf;
    }

    @Test
    void everyStateKindInARichFunctionOnAKeyedStreamSurvivesAFailureWithExactOutput() throws Exception {
        THROWN.set(false);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(200);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, java.time.Duration.ofMillis(100)));
        // one source subtask: each key's records reach their keyed subtask in generator order
        env.fromGenerator(N, StateKindsRecoveryTest::slow).setParallelism(1).uid("numbers")
                .keyBy(i -> i % KEYS)
                .flatMap(new AllStates(checkpoints.toString())).uid("all-states")
                .writeAsText(out.toUri().toString()).uid("out");
        JobGraph job = PipelineTranslator.translate(env, "all state kinds");
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
        assertTrue(THROWN.get(), "the injected failure did not happen");
        assertEquals(expected(), CheckpointRecoveryTest.committedLines(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    static final class KeyedStateOnAPlainStream extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            context.getMapState(new MapStateDescriptor<>("not-keyed", String.class, Long.class));
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void keyedStateOnANonKeyedStreamFailsTheJobNamingTheState() throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(1, 10).map(new KeyedStateOnAPlainStream()).writeAsText(tmp.resolve("plain").toUri().toString());
        JobGraph job = PipelineTranslator.translate(env, "keyed state without keyBy");
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(60, TimeUnit.SECONDS));
            String messages = messages(failed);
            assertTrue(messages.contains("getMapState('not-keyed')") && messages.contains("only available in functions on a keyed stream"),
                    messages);
        }
    }

    static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Map<Throwable, Boolean> seen = new HashMap<>();
        for (Throwable c = t; c != null && seen.put(c, true) == null; c = c.getCause()) {
            sb.append(c).append(" / ");
        }
        return sb.toString();
    }
}
