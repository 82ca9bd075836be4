package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.graph.PipelineTranslator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyed, stateful, checkpointed job on the distributed runtime (MiniCluster, two TaskExecutors,
 * the real exchange) fails mid-run and recovers from its latest checkpoint: the committed output is
 * exactly the reference (no record lost, none duplicated) and the sources did not start over.
 */
@Timeout(120)
class CheckpointRecoveryTest {

    private static final int KEYS = 7;
    private static final long N = 24_000;
    /** Calls of the generator in this JVM (the MiniCluster runs here): tells a restore from a start over. */
    static final AtomicLong GENERATED = new AtomicLong();
    static final AtomicBoolean THROWN = new AtomicBoolean();

    @TempDir
    Path tmp;

    /** Slow enough (about 2.5 s per attempt) for several 200 ms checkpoints before the failure. */
    static Long generate(long i) throws InterruptedException {
        GENERATED.incrementAndGet();
        if (i % 5 == 0) {
            Thread.sleep(1);
        }
        return i;
    }

    /** Throws once, in the first attempt, once a checkpoint completed and a third of key 0 went by. */
    static final class FailOnce extends AbstractRichFunction implements MapFunction<Tuple2<Long, Long>, Tuple2<Long, Long>> {
        private final String checkpoints;

        FailOnce(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public Tuple2<Long, Long> map(Tuple2<Long, Long> t) throws IOException {
            if (checkpoints != null && t.f0 == 0 && t.f1 >= N / KEYS / 3 && t.f1 % 50 == 0 && getRuntimeContext().getAttemptNumber() == 0
                    && hasCompletedCheckpoint(Path.of(checkpoints)) && THROWN.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return t;
        }
    }

    static JobGraph job(Path out, Path checkpoints, boolean failOnce) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(dev.spindle.api.RuntimeMode.STREAMING);
        env.enableCheckpointing(200);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getConfig().setString("restart-strategy.fixed-delay.delay", "100 ms");
        env.fromGenerator(N, CheckpointRecoveryTest::generate).uid("numbers")
                .map(i -> Tuple2.of(i % KEYS, 1L)).uid("to-pairs")
                .keyBy(t -> t.f0).sum(1).uid("counts")
                .map(new FailOnce(failOnce ? checkpoints.toString() : null)).uid("fail-once")
                .writeAsText(out.toUri().toString()).uid("out");
        return PipelineTranslator.translate(env, "checkpointed counts");
    }

    static List<String> expected() {
        List<String> lines = new ArrayList<>();
        for (long k = 0; k < KEYS; k++) {
            long n = N / KEYS + (k < N % KEYS ? 1 : 0);
            for (long c = 1; c <= n; c++) {
                lines.add(Tuple2.of(k, c).toString());
            }
        }
        lines.sort(null);
        return lines;
    }

    static List<String> committedLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    static boolean hasCompletedCheckpoint(Path checkpoints) throws IOException {
        if (!Files.exists(checkpoints)) {
            return false;
        }
        // The job writes and renames files while this looks, so a walk can meet a file that just vanished: ask again.
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> all = Files.walk(checkpoints)) {
                return all.anyMatch(p -> p.getFileName().toString().equals(CheckpointStorage.METADATA_FILE));
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** {@code fastLossDetection}: a killed TaskExecutor is noticed within 2 s (too tight for the other test on a busy machine). */
    private static Configuration cluster(boolean fastLossDetection) {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        if (fastLossDetection) {
            conf.setString("heartbeat.interval", "100 ms");
            conf.setString("heartbeat.timeout", "2 s");
        }
        return conf;
    }

    @Test
    void aTaskThatThrowsOnceRecoversFromTheLatestCheckpointWithExactOutput() throws Exception {
        GENERATED.set(0);
        THROWN.set(false);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        JobGraph job = job(out, checkpoints, true);
        try (MiniCluster cluster = new MiniCluster(cluster(false)).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
        assertTrue(THROWN.get(), "the injected failure did not happen");
        assertEquals(expected(), committedLines(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "no _SUCCESS after the bounded job finished");
        // a start over would have generated 1.5 N records; the restore resumed from a checkpointed position
        assertTrue(GENERATED.get() < N + N / 2, "generated " + GENERATED.get() + " records: the sources started over");
    }

    @Test
    void aLostTaskExecutorIsReplacedAndTheJobRecoversWithExactOutput() throws Exception {
        GENERATED.set(0);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        JobGraph job = job(out, checkpoints, false);
        try (MiniCluster cluster = new MiniCluster(cluster(true)).start()) {
            cluster.getDispatcher().submitJob(job).get();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!hasCompletedCheckpoint(checkpoints) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(hasCompletedCheckpoint(checkpoints), "no checkpoint completed");
            TaskExecutor victim = cluster.getTaskExecutors().get(0);
            cluster.killTaskExecutor(victim.getResourceId());
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
        assertEquals(expected(), committedLines(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }
}
