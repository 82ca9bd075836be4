package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobStatus;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.testing.MessageFaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink commits at the end of its input only with its job master's grant, which goes to the
 * attempt the job master runs in the slot it deployed it to: a request naming another slot, or an
 * attempt the job already left, is refused and that task fails without committing; the job's
 * restart then commits the output once, exactly.
 */
@Timeout(120)
class FinalCommitGrantTest {

    private static final long N = 2_000;

    @TempDir
    Path tmp;

    @Test
    void onlyTheAttemptInTheSlotItWasDeployedToMayCommit() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        // attempt 0 of sink subtask 0 names a slot it does not run in; attempt 1 poses as attempt 0
        MessageFaults faults = new MessageFaults().on(JobMasterServiceGrpc.getRequestFinalCommitMethod(), r -> {
            if (r.getSubtask() == 0 && r.getAttempt() == 0) {
                return r.toBuilder().setAllocationId("a-slot-of-another-job-master").build();
            }
            if (r.getSubtask() == 0 && r.getAttempt() == 1) {
                return r.toBuilder().setAttempt(0).build();
            }
            return r;
        });
        Path out = tmp.resolve("out");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.getConfig().setString("restart-strategy.type", "fixed-delay");
        env.getConfig().setString("restart-strategy.fixed-delay.attempts", "3");
        env.getConfig().setString("restart-strategy.fixed-delay.delay", "10 ms");
        env.fromGenerator(N, i -> i).writeAsText(out.toUri().toString());
        JobGraph job = PipelineTranslator.translate(env, "fenced commit");

        try (MiniCluster cluster = new MiniCluster(conf, JobRecoveryStore.none(), faults, null).start()) {
            cluster.getDispatcher().submitJob(job).get();
            JobResult result = cluster.getDispatcher().requestJobResult(job.getJobId()).get(90, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.failureCause()));
            JobDetails details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get();
            assertEquals(2, details.restarts(), "one restart per refused commit");
            String causes = details.exceptions().stream().map(JobDetails.ExceptionEntry::rootCause).collect(Collectors.joining("\n"));
            assertTrue(causes.contains("was not deployed by this job master into slot a-slot-of-another-job-master"), causes);
            assertTrue(causes.contains("attempt 0 is not running (the job runs attempt 1"), causes);
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        List<String> expected = LongStream.range(0, N).mapToObj(Long::toString).sorted().toList();
        assertEquals(expected, lines, "every record committed once");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".inprogress")).toList(), "no uncommitted file left");
        }
    }
}
