package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobStatus;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint restored into a job whose keyed state has another value type, or whose keys have
 * another type, fails the job with a message naming the state and both types (not a
 * ClassCastException in user code); the same job with unchanged types restores.
 */
@Timeout(150)
class StateTypeMismatchRestoreTest {

    private static final long N = 20_000;

    @TempDir
    Path tmp;

    /** Remembers the last number seen per key, as a Long or as its text. */
    static final class LastSeen<K> extends RichMapFunction<Long, String> {
        private final Class<?> stateType;
        private transient ValueState<Object> last;

        LastSeen(Class<?> stateType) {
            this.stateType = stateType;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            last = getRuntimeContext().getState(new ValueStateDescriptor("last", stateType));
        }

        @Override
        public String map(Long value) throws Exception {
            last.update(stateType == Long.class ? (Object) value : String.valueOf(value));
            return String.valueOf(value);
        }
    }

    /** {@code mapParallelism}: of the stateful map only; the source and the sink keep 2 (their state is per subtask). */
    private JobGraph job(String out, Class<?> stateType, boolean textKeys, String savepoint, int mapParallelism) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(300);
        env.getConfig().setString("restart-strategy.type", "none"); // the refused restore must fail the job, not restart it
        env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toUri().toString());
        if (savepoint != null) {
            env.getConfig().set(DeploymentOptions.SAVEPOINT_PATH, savepoint);
        }
        KeySelector<Long, Object> key = textKeys ? i -> "k" + (i % 3) : i -> i % 3;
        env.fromGenerator(N, SavepointRestoreTest::slow).uid("numbers")
                .keyBy(key).map(new LastSeen<>(stateType)).uid("last-seen").setParallelism(mapParallelism)
                .writeAsText(tmp.resolve(out).toUri().toString()).uid("out").setParallelism(2);
        return PipelineTranslator.translate(env, "last seen");
    }

    private String savepointOfAFirstJob(MiniCluster cluster) throws Exception {
        JobGraph first = job("out-first", Long.class, false, null, 2);
        cluster.getDispatcher().submitJob(first).get();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!CheckpointRecoveryTest.hasCompletedCheckpoint(tmp.resolve("checkpoints")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        String savepoint = cluster.getDispatcher().runningJobMaster(first.getJobId())
                .triggerSavepoint(tmp.resolve("savepoints").toUri().toString()).get(30, TimeUnit.SECONDS);
        cluster.getDispatcher().cancelJob(first.getJobId()).get(30, TimeUnit.SECONDS);
        return savepoint;
    }

    private static JobResult run(MiniCluster cluster, JobGraph job) throws Exception {
        cluster.getDispatcher().submitJob(job).get();
        return cluster.getDispatcher().requestJobResult(job.getJobId()).get(90, TimeUnit.SECONDS);
    }

    @Test
    void changedValueAndKeyTypesFailTheRestoreNamingBothTypes() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            String savepoint = savepointOfAFirstJob(cluster);

            JobResult valueType = run(cluster, job("out-value", String.class, false, savepoint, 2));
            assertEquals(JobStatus.FAILED, valueType.status());
            assertTrue(valueType.failureCause().contains("State 'last' was restored with values of type java.lang.Long, but the job"
                    + " declares java.lang.String"), valueType.failureCause());

            // at parallelism 1 the one subtask restores every key group, so it meets the restored keys
            // (a subtask whose key groups held no state has no restored keys to compare with)
            JobResult keyType = run(cluster, job("out-key", Long.class, true, savepoint, 1));
            assertEquals(JobStatus.FAILED, keyType.status());
            assertTrue(keyType.failureCause().contains("State 'last' was restored with keys of type java.lang.Long, but this job's"
                    + " keys (keyBy) are of type java.lang.String"), keyType.failureCause());

            JobResult same = run(cluster, job("out-same", Long.class, false, savepoint, 2));
            assertEquals(JobStatus.FINISHED, same.status(), same.failureCause());
        }
    }
}
