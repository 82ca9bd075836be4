package dev.spindle.yarn.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCliTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private RecordingClients recording = new RecordingClients();
    private Configuration capturedConf;

    private int session(ClusterClientFactory clients, String... args) {
        return new SessionCli(Map.of(), clients).execute(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    /** Runs yarn-session.sh on clients that only record what they were asked. */
    private int capturing(String... args) {
        recording = new RecordingClients();
        int code = session(recording, args);
        capturedConf = recording.configuration;
        return code;
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheSessionOptions() {
        assertEquals(0, session(new ClusterClients(), "--help"));
        String out = outBytes.toString(StandardCharsets.UTF_8);
        for (String option : List.of("-nm,--name", "-qu,--queue", "-jm,--jobManagerMemory", "-tm,--taskManagerMemory",
                "-s,--slots", "-d,--detached", "-id,--applicationId", "-q,--query", "-t,--ship", "-at,--applicationType",
                "-nl,--nodeLabel", "--stop", "-D <key=value>", "-h,--help")) {
            assertTrue(out.contains(option), option + " missing from:\n" + out);
        }
    }

    @Test
    void flagsMapToConfiguration() {
        assertEquals(0, capturing("-nm", "shared", "-qu", "prod", "-jm", "1024", "-tm", "2g", "-s", "4", "-d", "-t",
                "/etc/a.txt", "-t", "/etc/b", "-at", "Batch", "-nl", "gpu", "-Dmy.key=v"));
        assertEquals("shared", capturedConf.getString("yarn.application.name"));
        assertEquals("prod", capturedConf.getString("yarn.application.queue"));
        assertEquals(MemorySize.parse("1024m"), capturedConf.get(JobManagerOptions.TOTAL_PROCESS_MEMORY),
                "a bare -jm number is MB");
        assertEquals(MemorySize.parse("2g"), capturedConf.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY));
        assertEquals(4, capturedConf.get(TaskManagerOptions.NUM_TASK_SLOTS));
        assertFalse(capturedConf.get(DeploymentOptions.ATTACHED));
        assertEquals("yarn-session", capturedConf.get(DeploymentOptions.TARGET));
        assertEquals("/etc/a.txt;/etc/b", capturedConf.getString("yarn.ship-files"));
        assertEquals("Batch", capturedConf.getString("yarn.application.type"));
        assertEquals("gpu", capturedConf.getString("yarn.application.node-label"));
        assertEquals("v", capturedConf.getString("my.key"));
    }

    @Test
    void stopAndQuery() {
        assertEquals(0, capturing("-id", "application_1700000000000_0007", "--stop"));
        assertTrue(recording.calls.contains("shutDownCluster"), recording.calls.toString());
        assertEquals("application_1700000000000_0007", capturedConf.getString("yarn.application.id"));
        assertEquals(0, capturing("-q"));
        assertTrue(recording.calls.contains("clusterResources"), recording.calls.toString());
    }

    @Test
    void badInputFails() {
        assertEquals(1, capturing("--bogus"));
        assertTrue(err().contains("unknown option '--bogus'") && err().contains("yarn-session.sh --help"), err());
        errBytes.reset();
        assertEquals(1, capturing("-jm", "lots"));
        assertTrue(err().contains("invalid value 'lots' for -jm"), err());
        errBytes.reset();
        assertEquals(1, capturing("-s", "-1"));
        assertTrue(err().contains("-s/--slots"), err());
        errBytes.reset();
        assertEquals(1, capturing("-id", "42"));
        assertTrue(err().contains("'42' is not a YARN application id"), err());
        errBytes.reset();
        assertEquals(1, capturing("extra"));
        assertTrue(err().contains("unexpected argument 'extra'"), err());
    }

    @Test
    void tooSmallTaskManagerFailsBeforeDeploying() {
        assertEquals(1, capturing("-tm", "256"));
        assertTrue(err().contains("'taskmanager.memory.process.size' is 256m, too small"), err());
        assertEquals(null, recording.target);
        assertEquals(0, capturing("-tm", "256", "-id", "application_1_0001", "--stop"), "stopping deploys nothing");
    }

    @Test
    void withoutBackEndSaysNotAvailable() {
        RecordingClients withoutBackEnd = new RecordingClients();
        withoutBackEnd.failure = new OperationNotSupportedException(OperationNotSupportedException.NOT_YET);
        assertEquals(1, session(withoutBackEnd, "-d"));
        assertTrue(err().contains("not available yet"), err());
    }
}
