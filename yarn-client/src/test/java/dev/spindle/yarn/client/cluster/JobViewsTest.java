package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobID;

class JobViewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A LongCounter of 5,000,000 crossed REST as a JSON int; main() casting it to Long failed with ClassCastException. */
    @Test
    void integralAccumulatorsComeBackAsLongsWhateverTheirSize() throws Exception {
        String details = "{\"accumulators\":{\"records\":5000000,\"big\":12345678901,\"ratio\":0.5,\"done\":true,"
                + "\"list\":[1,2],\"text\":\"x\",\"unset\":null}}";
        Map<String, Object> accumulators = JobViews.accumulators(JSON.readTree(details));
        assertEquals(Map.of("records", 5_000_000L, "big", 12_345_678_901L, "ratio", 0.5, "done", true, "list", List.of(1L, 2L),
                "text", "x"), accumulators);
        JobExecutionResult result = new JobExecutionResult(new JobID(), 1, accumulators);
        Long records = result.getAccumulatorResult("records");
        assertEquals(5_000_000L, records);
    }
}
