package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckpointFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachCompletedCheckpointIsReportedOnceWithItsDurationAndSize() throws Exception {
        CheckpointFigures figures = new CheckpointFigures();
        String none = "{\"enabled\":true,\"triggered\":1,\"completed\":0,\"inProgress\":[{\"id\":1}]}";
        assertNull(figures.newlyCompleted("j1", JSON.readTree(none)));
        String twelve = "{\"enabled\":true,\"completed\":12,\"latestCompleted\":{\"id\":12,\"savepoint\":false,"
                + "\"path\":\"hdfs://nn/c/j1/chk-12\",\"durationMs\":180,\"sizeBytes\":4404019}}";
        assertEquals("Job j1: checkpoint 12 completed in 180 ms, 4.2 MB", figures.newlyCompleted("j1", JSON.readTree(twelve)));
        assertNull(figures.newlyCompleted("j1", JSON.readTree(twelve)), "told twice");
        assertEquals("0.5 KB", CheckpointFigures.size(512));
    }

    @Test
    void statisticsParseIntoTheFiguresInfoShows() throws Exception {
        String stats = "{\"enabled\":true,\"triggered\":5,\"completed\":3,\"failed\":2,\"tolerableFailures\":4,"
                + "\"latestCompleted\":{\"id\":5,\"savepoint\":true,\"path\":\"/sp/savepoint-1\",\"durationMs\":20,\"sizeBytes\":10},"
                + "\"retained\":[\"/c/chk-4\"],\"inProgress\":[]}";
        var c = CheckpointFigures.parse(JSON.readTree(stats));
        assertEquals(3, c.completed());
        assertEquals(2, c.failed());
        assertEquals(4, c.tolerableFailures());
        assertEquals("/sp/savepoint-1", c.latest().path());
        assertEquals("savepoint 5 completed in 20 ms, 0.0 KB", CheckpointFigures.completedLine(c.latest()));
        assertEquals(java.util.List.of("/c/chk-4"), c.retained());
    }
}
