package dev.spindle.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.RestartStrategies;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.RichMapFunction;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart strategies under Flink's names on the MiniCluster with two TaskExecutors: how many
 * attempts a job gets before it finishes or fails.
 */
@Timeout(120)
class RestartStrategyBehaviourTest {

    static final AtomicInteger HIGHEST_ATTEMPT = new AtomicInteger();

    @TempDir
    Path tmp;

    /** Fails in every attempt below {@code failingAttempts}. */
    static final class FailFirstAttempts extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int failingAttempts;

        FailFirstAttempts(int failingAttempts) {
            this.failingAttempts = failingAttempts;
        }

        @Override
        public Long map(Long value) {
            int attempt = getRuntimeContext().getAttemptNumber();
            HIGHEST_ATTEMPT.accumulateAndGet(attempt, Math::max);
            if (attempt < failingAttempts && value == 50) {
                throw new IllegalStateException("injected failure in attempt " + attempt);
            }
            return value;
        }
    }

    private JobGraph job(RestartStrategies.RestartStrategyConfiguration strategy, int failingAttempts, String name) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRestartStrategy(strategy);
        env.fromSequence(1, 100).map(new FailFirstAttempts(failingAttempts)).writeAsText(tmp.resolve(name).toUri().toString());
        return PipelineTranslator.translate(env, name);
    }

    private void run(JobGraph job) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS);
        }
    }

    @Test
    void exponentialDelayRestartsUntilTheJobSucceeds() throws Exception {
        HIGHEST_ATTEMPT.set(0);
        run(job(RestartStrategies.exponentialDelayRestart(Duration.ofMillis(10), Duration.ofMillis(40), 2.0, Duration.ofMinutes(1), 0.0),
                3, "exponential"));
        assertEquals(3, HIGHEST_ATTEMPT.get(), "three failed attempts, the fourth succeeded");
    }

    @Test
    void failureRateRestartGivesUpOnTheFailureTooMany() {
        HIGHEST_ATTEMPT.set(0);
        assertThrows(ExecutionException.class, () -> run(job(RestartStrategies.failureRateRestart(2, Duration.ofMinutes(1),
                Duration.ofMillis(10)), Integer.MAX_VALUE, "failure-rate")));
        assertEquals(2, HIGHEST_ATTEMPT.get(), "two failures are tolerated per interval, the third fails the job");
    }

    @Test
    void fixedDelayRestartAllowsItsAttempts() throws Exception {
        HIGHEST_ATTEMPT.set(0);
        assertThrows(ExecutionException.class, () -> run(job(RestartStrategies.fixedDelayRestart(1, 10L), Integer.MAX_VALUE, "fixed-1")));
        assertEquals(1, HIGHEST_ATTEMPT.get());
        HIGHEST_ATTEMPT.set(0);
        run(job(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(10)), 2, "fixed-2"));
        assertEquals(2, HIGHEST_ATTEMPT.get());
    }
}
