package dev.spindle.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Root causes of local failures and of failures that came from another process as text. */
class FailuresTest {

    @Test
    void theRootCauseIsTheInnermostCauseLocallyAndAfterTheWire() {
        Exception failure = new IllegalStateException("outer", new RuntimeException("middle", new IOException("the disk is gone")));
        assertEquals("java.io.IOException: the disk is gone", Failures.describeRootCause(failure));
        RemoteFailure remote = Failures.fromInfo(Failures.toInfo(failure));
        assertEquals("java.io.IOException: the disk is gone", Failures.describeRootCause(remote));
        assertTrue(Failures.stackTraceOf(remote).startsWith("java.lang.IllegalStateException: outer"), Failures.stackTraceOf(remote));
        assertTrue(Failures.stackTraceOf(remote).contains("FailuresTest"), "the trace of where it was thrown, not of where it was read");
    }

    @Test
    void aFailureWithoutCausesIsItsOwnRootCause() {
        assertEquals("java.lang.IllegalArgumentException: alone", Failures.describeRootCause(new IllegalArgumentException("alone")));
        assertEquals("java.lang.IllegalArgumentException: alone",
                Failures.describeRootCause(Failures.fromInfo(Failures.toInfo(new IllegalArgumentException("alone")))));
    }
}
