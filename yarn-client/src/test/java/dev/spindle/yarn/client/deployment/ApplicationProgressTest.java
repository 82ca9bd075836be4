package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;

class ApplicationProgressTest {

    private static ApplicationReport report(YarnApplicationState state, FinalApplicationStatus status, String diagnostics) {
        ApplicationReport r = ApplicationReport.newInstance(ApplicationId.newInstance(1, 3), null, "u", "root.default", "app",
                "host", 0, null, state, diagnostics, "http://rm:8088/proxy/application_1_0003/", 0, 0, 0, status, null, "", 0f,
                "Spindle", null);
        r.setQueue("root.default");
        return r;
    }

    @Test
    void oneLinePerChangeWithStateQueueUrlAndDiagnostics() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ApplicationProgress progress = new ApplicationProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8)::println);
        progress.update(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, "waiting for AM container"));
        progress.update(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, "waiting for AM container"));
        progress.update(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, "queue AM resource limit reached\n"));
        progress.update(report(YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED, ""));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, bytes.toString(StandardCharsets.UTF_8));
        assertEquals("Application application_1_0003 is ACCEPTED in queue root.default, tracking URL"
                + " http://rm:8088/proxy/application_1_0003/: waiting for AM container", lines[0]);
        assertEquals("Application application_1_0003 is ACCEPTED in queue root.default, tracking URL"
                + " http://rm:8088/proxy/application_1_0003/: queue AM resource limit reached", lines[1]);
        assertEquals("Application application_1_0003 is FINISHED (SUCCEEDED) in queue root.default, tracking URL"
                + " http://rm:8088/proxy/application_1_0003/", lines[2]);
    }
}
