package dev.spindle.yarn.client.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class WorkerProgressTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsAllFourCountsInFunnelOrder() throws Exception {
        assertEquals("TaskExecutor containers: 3 requested, 2 allocated, 1 running, 0 registered", WorkerProgress.describe(
                json.readTree("{\"registered\":0,\"running\":1,\"allocated\":2,\"requested\":3}")));
    }

    @Test
    void noLineWhenTheClusterReportsNoCounts() throws Exception {
        assertNull(WorkerProgress.describe(null));
        assertNull(WorkerProgress.describe(json.readTree("{\"taskExecutors\":1}").get("workers")));
        assertNull(WorkerProgress.describe(json.readTree("{\"requested\":0,\"allocated\":0,\"running\":0,\"registered\":0}")),
                "nothing asked for yet is not progress");
    }
}
