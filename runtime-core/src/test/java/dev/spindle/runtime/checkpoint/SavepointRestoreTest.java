package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoint, cancel, resubmit with {@code execution.savepoint.path}: the restored job's keyed counts
 * carry on where the savepoint was and its sources resume there (each key's counts continue without
 * gap or repeat up to the key's total); state that no operator claims fails the submission naming its uid.
 */
@Timeout(120)
class SavepointRestoreTest {

    private static final int KEYS = 3;
    private static final long N = 30_000;

    @TempDir
    Path tmp;

    static Long slow(long i) throws InterruptedException {
        if (i % 5 == 0) {
            Thread.sleep(1);
        }
        return i;
    }

    private JobGraph job(Path out, String countsUid, String savepointPath, boolean ignoreUnclaimed) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(300);
        env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toUri().toString());
        if (savepointPath != null) {
            env.getConfig().set(DeploymentOptions.SAVEPOINT_PATH, savepointPath);
            env.getConfig().set(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, ignoreUnclaimed);
        }
        env.fromGenerator(N, SavepointRestoreTest::slow).uid("numbers")
                .map(i -> Tuple2.of(i % KEYS, 1L)).uid("to-pairs")
                .keyBy(t -> t.f0).sum(1).uid(countsUid)
                .writeAsText(out.toUri().toString()).uid("out");
        return dev.spindle.runtime.graph.PipelineTranslator.translate(env, "savepointed counts");
    }

    @Test
    void aJobRestoredFromASavepointContinuesItsCountsAndUnclaimedStateIsRefused() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            JobGraph first = job(tmp.resolve("out1"), "counts", null, false);
            cluster.getDispatcher().submitJob(first).get();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!CheckpointRecoveryTest.hasCompletedCheckpoint(tmp.resolve("checkpoints")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Map<String, Object> stats = cluster.getDispatcher().runningJobMaster(first.getJobId()).requestCheckpointStats().get();
            assertEquals(true, stats.get("enabled"));
            assertTrue(((Number) stats.get("completed")).longValue() >= 1, stats.toString());
            String savepoint = cluster.getDispatcher().runningJobMaster(first.getJobId())
                    .triggerSavepoint(tmp.resolve("savepoints").toUri().toString()).get(30, TimeUnit.SECONDS);
            assertTrue(Files.exists(Path.of(java.net.URI.create(savepoint)).resolve("_metadata")), savepoint);
            cluster.getDispatcher().cancelJob(first.getJobId()).get(30, TimeUnit.SECONDS);
            DispatcherJobClient firstClient = new DispatcherJobClient(cluster.getDispatcher(), first.getJobId());
            assertThrows(ExecutionException.class, () -> firstClient.getJobExecutionResult().get(30, TimeUnit.SECONDS));

            // DELETE_ON_CANCELLATION (the default): the canceled job's checkpoints are gone, the savepoint stays
            long until = System.currentTimeMillis() + 10_000;
            Path firstCheckpoints = tmp.resolve("checkpoints").resolve(first.getJobId().toString());
            while (Files.exists(firstCheckpoints) && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            assertTrue(!Files.exists(firstCheckpoints), "checkpoints of the canceled job remain");

            // the savepoint moved elsewhere still restores: its paths are relative
            Path moved = tmp.resolve("moved-savepoint");
            Files.move(Path.of(java.net.URI.create(savepoint)), moved);

            // an operator uid the savepoint does not know leaves the counts' state unclaimed
            JobGraph renamed = job(tmp.resolve("out-renamed"), "counts-v2", moved.toUri().toString(), false);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> cluster.getDispatcher().submitJob(renamed).get());
            assertTrue(refused.getCause().getMessage().contains("[counts]"), refused.getCause().getMessage());

            JobGraph second = job(tmp.resolve("out2"), "counts", moved.toUri().toString(), false);
            cluster.getDispatcher().submitJob(second).get();
            new DispatcherJobClient(cluster.getDispatcher(), second.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);

            Map<Long, long[]> minMax = new TreeMap<>();
            Map<Long, Integer> lines = new HashMap<>();
            for (String line : CheckpointRecoveryTest.committedLines(tmp.resolve("out2"))) {
                String[] kv = line.substring(1, line.length() - 1).split(",");
                long key = Long.parseLong(kv[0]);
                long count = Long.parseLong(kv[1]);
                long[] mm = minMax.computeIfAbsent(key, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                mm[0] = Math.min(mm[0], count);
                mm[1] = Math.max(mm[1], count);
                lines.merge(key, 1, Integer::sum);
            }
            assertEquals(KEYS, minMax.size());
            for (Map.Entry<Long, long[]> e : minMax.entrySet()) {
                long total = N / KEYS + (e.getKey() < N % KEYS ? 1 : 0);
                long[] mm = e.getValue();
                assertTrue(mm[0] > 1, "key " + e.getKey() + " counted from " + mm[0] + ": its state was not restored");
                assertEquals(total, mm[1], "key " + e.getKey() + " ends at another count than its number of records");
                assertEquals(mm[1] - mm[0] + 1, (long) lines.get(e.getKey()), "counts of key " + e.getKey() + " have gaps or repeats");
            }

            // with ignore-unclaimed the renamed job runs (its counts start fresh)
            JobGraph allowed = job(tmp.resolve("out-allowed"), "counts-v2", moved.toUri().toString(), true);
            cluster.getDispatcher().submitJob(allowed).get();
            cluster.getDispatcher().cancelJob(allowed.getJobId()).get(30, TimeUnit.SECONDS);
        }
        assertTrue(List.of(tmp.resolve("out2").toFile().list()).contains("_SUCCESS"));
    }
}
