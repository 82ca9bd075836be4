package dev.spindle.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.runtime.jobmaster.SourceInputProgress.SourceSubtask;
import dev.spindle.runtime.rpc.proto.TaskMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceInputProgressTest {

    private static SourceSubtask reading(long consumed, long total) {
        return new SourceSubtask(false, TaskMetrics.newBuilder().setBoundedSource(true).setSourceConsumed(consumed).setSourceTotal(total).build());
    }

    @Test
    void meanOverSourceSubtasksWithFinishedOnesCountingAsAllRead() {
        assertEquals(0.5, SourceInputProgress.of(List.of(reading(25, 100), reading(3, 4), new SourceSubtask(true, null),
                new SourceSubtask(false, null))), 1e-9);
    }

    @Test
    void aTotalNotKnownYetCountsAsNothingRead() {
        assertEquals(0.0, SourceInputProgress.of(List.of(reading(0, 0), new SourceSubtask(false, null))));
    }

    @Test
    void anUnboundedOrUntrackedSourceMakesTheProgressUnknown() {
        TaskMetrics unbounded = TaskMetrics.newBuilder().setRecordsOut(1000).build();
        assertEquals(SourceInputProgress.UNKNOWN, SourceInputProgress.of(List.of(reading(1, 2), new SourceSubtask(false, unbounded))));
        assertEquals(SourceInputProgress.UNKNOWN, SourceInputProgress.of(List.of()));
    }

    @Test
    void neverMoreThanAll() {
        assertEquals(1.0, SourceInputProgress.of(List.of(reading(150, 100))));
    }
}
