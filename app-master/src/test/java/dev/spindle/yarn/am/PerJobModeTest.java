package dev.spindle.yarn.am;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.api.JobID;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;

/** How a per-job AM's one job maps to the application's ending, and what it says when it has no usable graph. */
class PerJobModeTest {

    @TempDir
    Path tmp;

    private static JobResult result(JobStatus status, String cause) {
        return new JobResult(new JobID(), "wc", status, 1_000, 3_500, Map.of(), cause, null);
    }

    @Test
    void finishedSucceedsCanceledIsKilledFailedFails() {
        AppMasterOutcome finished = PerJobMode.outcome(result(JobStatus.FINISHED, null));
        assertEquals(ApplicationStatus.SUCCEEDED, finished.status());
        assertTrue(finished.diagnostics().endsWith("(wc) FINISHED in 2500 ms."), finished.diagnostics());
        assertEquals(ApplicationStatus.KILLED, PerJobMode.outcome(result(JobStatus.CANCELED, null)).status());
        AppMasterOutcome failed = PerJobMode.outcome(result(JobStatus.FAILED, "java.io.IOException: disk full"));
        assertEquals(ApplicationStatus.FAILED, failed.status());
        assertTrue(failed.diagnostics().endsWith("(wc) FAILED: java.io.IOException: disk full"), failed.diagnostics());
    }

    @Test
    void missingOrForeignGraphFileFailsInWordsBeforeTouchingTheCluster() throws Exception {
        // Neither case reaches the services: the file is read first.
        AppMasterOutcome missing = new PerJobMode(tmp.resolve("job.graph")).run(null, new Configuration());
        assertEquals(ApplicationStatus.FAILED, missing.status());
        assertTrue(missing.diagnostics().contains("No job graph was shipped"), missing.diagnostics());

        Path foreign = Files.writeString(tmp.resolve("other.graph"), "#!/bin/sh\necho not a graph\n");
        AppMasterOutcome unreadable = new PerJobMode(foreign).run(null, new Configuration());
        assertEquals(ApplicationStatus.FAILED, unreadable.status());
        assertTrue(unreadable.diagnostics().contains("is not a Spindle job graph"), unreadable.diagnostics());
    }
}
