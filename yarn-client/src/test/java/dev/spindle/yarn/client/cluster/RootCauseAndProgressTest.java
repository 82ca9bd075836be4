package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RootCauseAndProgressTest {

    @Test
    void rootCauseIsTheInnermost() {
        IOException root = new IOException("connection refused");
        RuntimeException outer = new RuntimeException("deploy failed", new IllegalStateException("inner", root));
        assertEquals(root, RootCause.of(outer));
        assertEquals(" (IOException: connection refused)", RootCause.suffix(outer));
        assertEquals("deploy failed (java.io.IOException: connection refused)", RootCause.message(outer));
        RuntimeException alone = new RuntimeException("alone");
        assertEquals("", RootCause.suffix(alone));
        assertEquals("alone", RootCause.message(alone));
    }

    @Test
    void printedLinesReachTheListenerOneByOne() {
        List<String> lines = new ArrayList<>();
        try (ProgressPrintStream out = new ProgressPrintStream(lines::add)) {
            out.println("Job 1 (wc) is RUNNING");
            out.print("Job 1 (wc) ");
            out.print("FINISHED\r\n");
            out.print("unfinished");
        }
        assertEquals(List.of("Job 1 (wc) is RUNNING", "Job 1 (wc) FINISHED"), lines);
    }
}
