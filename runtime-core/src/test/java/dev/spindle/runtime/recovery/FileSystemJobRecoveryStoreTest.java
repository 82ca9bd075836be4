package dev.spindle.runtime.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobID;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemJobRecoveryStoreTest {

    @TempDir
    Path tmp;

    private FileSystemJobRecoveryStore store() throws Exception {
        return new FileSystemJobRecoveryStore(new org.apache.hadoop.fs.Path(tmp.toUri()), new org.apache.hadoop.conf.Configuration());
    }

    private static JobGraph graph(String name) {
        JobGraph g = new JobGraph(new JobID(), name, new Configuration());
        g.addVertex(new JobVertex(new JobVertexID(), "source", 1, "never.Run", new byte[] {1, 2, 3}));
        return g;
    }

    @Test
    void recoversJobsInSubmissionOrderWithTheirLatestCheckpointAndResult() throws Exception {
        FileSystemJobRecoveryStore first = store();
        JobGraph a = graph("a");
        JobGraph b = graph("b");
        first.jobSubmitted(a);
        first.jobSubmitted(b);
        first.checkpointCompleted(a.getJobId(), 3, "hdfs://nn/chk/a/chk-3");
        first.checkpointCompleted(a.getJobId(), 4, "hdfs://nn/chk/a/chk-4");
        first.jobEnded(new JobResult(b.getJobId(), "b", JobStatus.FINISHED, 10, 20, Map.of("lines", 42L), null, null));

        List<RecoveredJob> jobs = store().recover(getClass().getClassLoader());

        assertEquals(List.of(a.getJobId(), b.getJobId()), jobs.stream().map(j -> j.graph().getJobId()).toList());
        assertEquals("hdfs://nn/chk/a/chk-4", jobs.get(0).latestCheckpoint());
        assertFalse(jobs.get(0).ended());
        assertNull(jobs.get(1).latestCheckpoint());
        assertTrue(jobs.get(1).ended());
        assertEquals(JobStatus.FINISHED, jobs.get(1).result().status());
        assertEquals(42L, jobs.get(1).result().accumulators().get("lines"));
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(FileSystemJobRecoveryStore.CHECKPOINT_PREFIX)).count(),
                    "only the latest checkpoint pointer is kept");
        }
    }

    @Test
    void aLaterAttemptKeepsNumberingAndMovesThePointerOfARecoveredJob() throws Exception {
        FileSystemJobRecoveryStore first = store();
        JobGraph a = graph("a");
        first.jobSubmitted(a);
        first.checkpointCompleted(a.getJobId(), 1, "file:/chk-1");

        FileSystemJobRecoveryStore second = store();
        second.recover(getClass().getClassLoader());
        second.checkpointCompleted(a.getJobId(), 2, "file:/chk-2");
        JobGraph c = graph("c");
        second.jobSubmitted(c);

        List<RecoveredJob> jobs = store().recover(getClass().getClassLoader());
        assertEquals(List.of("a", "c"), jobs.stream().map(j -> j.graph().getName()).toList());
        assertEquals("file:/chk-2", jobs.get(0).latestCheckpoint());
    }

    @Test
    void anEmptyOrMissingStoreHasNothingToRecover() throws Exception {
        assertEquals(List.of(), new FileSystemJobRecoveryStore(new org.apache.hadoop.fs.Path(tmp.resolve("none").toUri()),
                new org.apache.hadoop.conf.Configuration()).recover(getClass().getClassLoader()));
    }
}
