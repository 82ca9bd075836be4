package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.graph.PipelineTranslator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionException;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints that cannot be written count against the tolerable number; one more fails the job over
 * through its restart strategy, as in Flink, and once that gives up the job fails saying why.
 */
@Timeout(120)
class CheckpointStorageFailureTest {

    @TempDir
    Path tmp;

    static Long slow(long i) throws InterruptedException {
        Thread.sleep(1);
        return i;
    }

    @Test
    void unwritableCheckpointStorageFailsTheJobOverAfterTheTolerableNumberOfFailuresUntilTheRestartStrategyGivesUp() throws Exception {
        // a regular file where the checkpoint directory should be: no task can write its state under it
        Path notADirectory = Files.writeString(tmp.resolve("not-a-directory"), "x");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(2);
        env.setRestartStrategy(dev.spindle.api.RestartStrategies.fixedDelayRestart(1, java.time.Duration.ofMillis(100)));
        env.getCheckpointConfig().setCheckpointStorage(notADirectory.toUri().toString());
        env.fromGenerator(CheckpointStorageFailureTest::slow).uid("numbers")
                .keyBy(x -> x % 5).reduce(Long::sum).uid("sums")
                .writeAsText(tmp.resolve("out").toUri().toString()).uid("out");
        JobGraph job = PipelineTranslator.translate(env, "unwritable checkpoints");
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(90, TimeUnit.SECONDS));
            JobExecutionException failure = assertInstanceOf(JobExecutionException.class, e.getCause());
            String message = failure.getMessage();
            assertTrue(message.contains("tolerable number of failed checkpoints (2") && message.contains("could not write its state"),
                    message);
            JobDetails details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get(10, TimeUnit.SECONDS);
            assertEquals(1, details.restarts(), "the first time the tolerable number was exceeded the job restarted");
            assertEquals(2, details.exceptions().stream().filter(x -> x.rootCause().contains("tolerable number of failed checkpoints")).count(),
                    details.exceptions().toString());
        }
    }
}
