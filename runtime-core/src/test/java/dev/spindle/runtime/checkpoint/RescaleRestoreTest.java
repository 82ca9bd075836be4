package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RichFlatMapFunction;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint restored into a job with another parallelism, on the MiniCluster with two
 * TaskExecutors: keyed state (value and map state) follows its key groups from 2 to 3 and from 3 to
 * 1 subtasks, so every key's count continues exactly where the savepoint left it; even-split
 * operator state is cut into contiguous ranges over the new subtasks and union state reaches every
 * subtask; state that belongs to single subtasks (a built-in source's position) is refused by name.
 */
@Timeout(180)
class RescaleRestoreTest {

    private static final int KEYS = 40;
    private static final long N = 20_000;
    /** What each subtask of the operator-state map restored, by "job|subtask". */
    static final Map<String, List<String>> RESTORED_EVEN = new ConcurrentHashMap<>();
    static final Map<String, List<String>> RESTORED_UNION = new ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    static Long slow(long i) throws InterruptedException {
        if (i % 4 == 0) {
            Thread.sleep(1);
        }
        return i;
    }

    /** Counts per key in value state and keeps the count of each residue in map state; emits "key count residues". */
    static final class Counting extends RichFlatMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;
        private transient MapState<Long, Long> residues;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            count = context.getState(new ValueStateDescriptor<>("count", Long.class));
            residues = context.getMapState(new MapStateDescriptor<>("residues", Long.class, Long.class));
        }

        @Override
        public void flatMap(Long i, Collector<String> out) {
            long c = (count.value() == null ? 0 : count.value()) + 1;
            count.update(c);
            Long r = residues.get(i % 2);
            residues.put(i % 2, r == null ? 1 : r + 1);
            long evens = residues.get(0L) == null ? 0 : residues.get(0L);
            out.collect((i % KEYS) + " " + c + " " + evens);
        }
    }

    /** Passes records on; holds 5 even-split elements and 1 union element per first-run subtask. */
    static final class Tokens extends RichMapFunction<Long, Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final String run;
        private transient ListState<String> even;
        private transient ListState<String> union;
        private transient FunctionInitializationContext init;

        Tokens(String run) {
            this.run = run;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
            even = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("tokens", String.class));
            union = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("everyone", String.class));
            init = context;
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            int subtask = context.getIndexOfThisSubtask();
            if (!init.isRestored()) {
                List<String> mine = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    mine.add(subtask + "-" + t);
                }
                even.update(mine);
                union.update(List.of("u" + subtask));
            } else if (context.getAttemptNumber() == 0) {
                List<String> e = new ArrayList<>();
                even.get().forEach(e::add);
                List<String> u = new ArrayList<>();
                union.get().forEach(u::add);
                RESTORED_EVEN.put(run + "|" + subtask, e);
                RESTORED_UNION.put(run + "|" + subtask, u);
                // keep only this subtask's share, so the next savepoint does not multiply the union elements
                union.update(List.of("u" + subtask));
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    private JobGraph job(String run, Path out, int parallelism, int tokensParallelism, int sourceParallelism, String savepoint) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(300);
        env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toUri().toString());
        if (savepoint != null) {
            env.getConfig().set(DeploymentOptions.SAVEPOINT_PATH, savepoint);
        }
        env.fromGenerator(N, RescaleRestoreTest::slow).setParallelism(sourceParallelism).uid("numbers")
                .rebalance()
                .map(new Tokens(run)).setParallelism(tokensParallelism).uid("tokens")
                .keyBy(i -> i % KEYS)
                .flatMap(new Counting()).setParallelism(parallelism).uid("counts")
                .writeAsText(out.toUri().toString()).setParallelism(1).uid("out");
        return PipelineTranslator.translate(env, "rescaled counts " + run);
    }

    private static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 4);
        return conf;
    }

    /** Runs the first job to a savepoint, cancels it and returns the savepoint. */
    private String savepointOf(MiniCluster cluster, JobGraph first) throws Exception {
        cluster.getDispatcher().submitJob(first).get();
        // a completed checkpoint of this job: all its tasks run
        Path own = tmp.resolve("checkpoints").resolve(first.getJobId().toString());
        long deadline = System.currentTimeMillis() + 30_000;
        while (!CheckpointRecoveryTest.hasCompletedCheckpoint(own) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(CheckpointRecoveryTest.hasCompletedCheckpoint(own), "no checkpoint of " + first.getJobId() + " completed");
        String savepoint = cluster.getDispatcher().runningJobMaster(first.getJobId())
                .triggerSavepoint(tmp.resolve("savepoints").toUri().toString()).get(30, TimeUnit.SECONDS);
        cluster.getDispatcher().cancelJob(first.getJobId()).get(30, TimeUnit.SECONDS);
        return savepoint;
    }

    /**
     * Each key's lines of the restored job: they must continue the savepoint's counts without gap or
     * repeat up to the key's total, and the map state's count of even records must match the count.
     */
    private static void assertCountsContinue(Path out) throws Exception {
        Map<Long, List<long[]>> byKey = new TreeMap<>();
        for (String line : CheckpointRecoveryTest.committedLines(out)) {
            String[] f = line.split(" ");
            byKey.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        }
        assertEquals(KEYS, byKey.size(), "keys in the restored output");
        for (Map.Entry<Long, List<long[]>> e : byKey.entrySet()) {
            long key = e.getKey();
            List<long[]> lines = e.getValue();
            lines.sort((a, b) -> Long.compare(a[0], b[0]));
            long total = N / KEYS + (key < N % KEYS ? 1 : 0);
            long first = lines.get(0)[0];
            assertTrue(first > 1, "key " + key + " counted from " + first + ": its state was not restored");
            for (int j = 0; j < lines.size(); j++) {
                long c = lines.get(j)[0];
                assertEquals(first + j, c, "key " + key + " has a gap or a repeat");
                // records of key k are k, k + KEYS, ...: the c-th is even iff k is even (KEYS is even)
                assertEquals(key % 2 == 0 ? c : 0, lines.get(j)[1], "map state of key " + key + " at count " + c);
            }
            assertEquals(total, lines.get(lines.size() - 1)[0], "key " + key + " ends at another count than its number of records");
        }
    }

    @Test
    void keyedStateFollowsItsKeyGroupsFromTwoToThreeAndFromThreeToOneSubtask() throws Exception {
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            String first = savepointOf(cluster, job("a", tmp.resolve("out-a"), 2, 2, 1, null));
            JobGraph three = job("b", tmp.resolve("out-b"), 3, 3, 1, first);
            String second = savepointOf(cluster, three);
            assertCountsContinueUpToTheSavepoint(tmp.resolve("out-b"));
            JobGraph one = job("c", tmp.resolve("out-c"), 1, 3, 1, second);
            cluster.getDispatcher().submitJob(one).get();
            new DispatcherJobClient(cluster.getDispatcher(), one.getJobId()).getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        assertCountsContinue(tmp.resolve("out-c"));

        // operator state 2 -> 3: 10 even-split elements in contiguous ranges (old subtask order), the union everywhere
        assertEquals(List.of("0-0", "0-1", "0-2"), RESTORED_EVEN.get("b|0"));
        assertEquals(List.of("0-3", "0-4", "1-0"), RESTORED_EVEN.get("b|1"));
        assertEquals(List.of("1-1", "1-2", "1-3", "1-4"), RESTORED_EVEN.get("b|2"));
        for (int s = 0; s < 3; s++) {
            assertEquals(List.of("u0", "u1"), RESTORED_UNION.get("b|" + s), "union state of subtask " + s);
        }
        // 3 -> 3 (unchanged): even-split keeps each subtask's list; union still gives everyone all of it
        assertEquals(List.of("0-0", "0-1", "0-2"), RESTORED_EVEN.get("c|0"));
        assertEquals(List.of("1-1", "1-2", "1-3", "1-4"), RESTORED_EVEN.get("c|2"));
        for (int s = 0; s < 3; s++) {
            assertEquals(List.of("u0", "u1", "u2"), RESTORED_UNION.get("c|" + s), "union state of subtask " + s);
        }
    }

    /** The middle job was canceled after its savepoint: its committed lines continue the first job's counts without gaps. */
    private static void assertCountsContinueUpToTheSavepoint(Path out) throws Exception {
        Map<Long, List<Long>> counts = new HashMap<>();
        for (String line : CheckpointRecoveryTest.committedLines(out)) {
            String[] f = line.split(" ");
            counts.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(Long.parseLong(f[1]));
        }
        for (Map.Entry<Long, List<Long>> e : counts.entrySet()) {
            List<Long> c = e.getValue();
            c.sort(null);
            assertTrue(c.get(0) > 1, "key " + e.getKey() + " started over after the rescale to 3");
            assertEquals(c.get(c.size() - 1) - c.get(0) + 1, c.size(), "key " + e.getKey() + " has gaps or repeats");
        }
    }

    @Test
    void aSourcePositionCannotBeRedistributedAndTheRefusalNamesTheOperator() throws Exception {
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            String savepoint = savepointOf(cluster, job("d", tmp.resolve("out-d"), 2, 2, 2, null));
            JobGraph moreSources = job("e", tmp.resolve("out-e"), 2, 2, 3, savepoint);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> cluster.getDispatcher().submitJob(moreSources).get());
            String message = StateKindsRecoveryTest.messages(refused);
            assertTrue(message.contains("'numbers'") && message.contains("generator-next-index") && message.contains("parallelism 2"),
                    message);
        }
    }
}
