package dev.spindle.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.runtime.rpc.proto.SerializedAccumulator;
import dev.spindle.runtime.testing.HostileStreams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccumulatorMergerTest {

    private static SerializedAccumulator of(byte[] bytes, String text) {
        return SerializedAccumulator.newBuilder().setJavaSerialized(ByteString.copyFrom(bytes)).setValueText(text).build();
    }

    @Test
    void builtInAccumulatorsMergeThroughTheFilter() throws Exception {
        Map<String, Object> merged = AccumulatorMerger.merge(List.of(
                Map.of("n", of(HostileStreams.serialize(new LongCounter(3)), "3")),
                Map.of("n", of(HostileStreams.serialize(new LongCounter(4)), "4"))));
        assertEquals(7L, merged.get("n"));
    }

    @Test
    void whatTheFilterRefusesIsReportedAsTextNeverInstantiated() throws Exception {
        Map<String, Object> merged = AccumulatorMerger.merge(List.of(
                Map.of("file", of(HostileStreams.foreignObject(), "a file"), "huge", of(HostileStreams.hugeArrayClaim(), "huge"))));
        assertEquals("a file", merged.get("file"));
        assertEquals("huge", merged.get("huge"));
    }
}
