package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.Test;

import dev.spindle.yarn.client.api.ApplicationStatus;

class ApplicationReportsTest {

    private static ApplicationReport report(YarnApplicationState state, FinalApplicationStatus status, String amUrl) {
        ApplicationReport r = ApplicationReport.newInstance(ApplicationId.newInstance(1, 7), null, "u", "default", "app",
                "host", 0, null, state, " done \n", "http://rm:8088/proxy/application_1_0007/", 0, 0, 0, status, null, "", 1f,
                "Spindle", null);
        r.setOriginalTrackingUrl(amUrl);
        return r;
    }

    @Test
    void finishedFailedAndKilledHaveEnded() {
        for (YarnApplicationState s : YarnApplicationState.values()) {
            boolean ended = s == YarnApplicationState.FINISHED || s == YarnApplicationState.FAILED
                    || s == YarnApplicationState.KILLED;
            assertEquals(ended, ApplicationReports.ended(report(s, FinalApplicationStatus.UNDEFINED, null)), s.name());
        }
    }

    @Test
    void noRestUrlBeforeTheAmRegisteredOrAfterItLeft() {
        assertNull(ApplicationReports.restUrl(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, "N/A")));
        assertNull(ApplicationReports.restUrl(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, " ")));
        assertNull(ApplicationReports.restUrl(report(YarnApplicationState.ACCEPTED, FinalApplicationStatus.UNDEFINED, null)));
        assertEquals("http://nm:4711", ApplicationReports.restUrl(report(YarnApplicationState.RUNNING,
                FinalApplicationStatus.UNDEFINED, "http://nm:4711")));
    }

    @Test
    void aWebUiTrackingUrlPointsClientsToTheHttpsRestEndpointOnTheRegisteredPort() {
        ApplicationReport r = report(YarnApplicationState.RUNNING, FinalApplicationStatus.UNDEFINED, "http://am-host:40123/web/");
        r.setRpcPort(40200);
        assertEquals("https://am-host:40200", ApplicationReports.restUrl(r));
        // the RM-provisioned HTTPS variant of the web UI entry point too
        r.setOriginalTrackingUrl("https://am-host:40123/web/");
        assertEquals("https://am-host:40200", ApplicationReports.restUrl(r));
    }

    @Test
    void statusCarriesStateFinalStatusAndTrimmedDiagnostics() {
        ApplicationStatus s = ApplicationReports.status(report(YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED,
                "N/A"));
        assertEquals("application_1_0007", s.applicationId());
        assertEquals("FINISHED", s.state());
        assertEquals("SUCCEEDED", s.finalStatus());
        assertEquals("done", s.diagnostics());
        assertTrue(s.ended() && s.succeeded());
        assertFalse(ApplicationReports.status(report(YarnApplicationState.RUNNING, FinalApplicationStatus.UNDEFINED, null))
                .succeeded(), "running is not success yet");
    }
}
