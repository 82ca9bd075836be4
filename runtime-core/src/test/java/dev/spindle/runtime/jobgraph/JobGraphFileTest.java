package dev.spindle.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.spindle.api.JobID;
import dev.spindle.configuration.Configuration;

class JobGraphFileTest {

    private static final ClassLoader LOADER = JobGraphFileTest.class.getClassLoader();

    private static JobGraph graph() {
        JobGraph g = new JobGraph(new JobID(), "two vertices", new Configuration());
        JobVertex a = new JobVertex(new JobVertexID(), "source", 2, "x.Source", new byte[] {1, 2, 3});
        JobVertex b = new JobVertex(new JobVertexID(), "sink", 2, "x.Sink", null);
        g.addVertex(a).addVertex(b);
        g.connect(a.getId(), b.getId(), ShipStrategy.FORWARD);
        return g;
    }

    @Test
    void roundTripKeepsIdNameVerticesAndEdges() throws Exception {
        JobGraph original = graph();
        JobGraph read = JobGraphFile.read(JobGraphFile.write(original), LOADER);
        assertEquals(original.getJobId(), read.getJobId());
        assertEquals(original.getName(), read.getName());
        assertEquals(original.getVertices().toString(), read.getVertices().toString());
        assertEquals(1, read.getEdges().size());
        assertEquals(3, read.getVertices().get(0).getTaskConfiguration().length);
    }

    @Test
    void flippedByteIsReportedAsCorrupt() {
        byte[] data = JobGraphFile.write(graph());
        data[data.length / 2] ^= 0x55;
        var e = assertThrows(JobGraphFile.UnreadableJobGraphException.class, () -> JobGraphFile.read(data, LOADER));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void otherFormatVersionIsNamed() {
        byte[] data = JobGraphFile.write(graph());
        ByteBuffer.wrap(data).putInt("SPINDLE-JOBGRAPH".length(), 7);
        var e = assertThrows(JobGraphFile.UnreadableJobGraphException.class, () -> JobGraphFile.read(data, LOADER));
        assertTrue(e.getMessage().contains("format version 7") && e.getMessage().contains("reads version 1"), e.getMessage());
    }

    @Test
    void truncatedAndForeignFilesAreNamed() {
        byte[] data = JobGraphFile.write(graph());
        var truncated = assertThrows(JobGraphFile.UnreadableJobGraphException.class,
                () -> JobGraphFile.read(Arrays.copyOf(data, data.length - 20), LOADER));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        var foreign = assertThrows(JobGraphFile.UnreadableJobGraphException.class,
                () -> JobGraphFile.read("this is not a graph at all".getBytes(), LOADER));
        assertTrue(foreign.getMessage().contains("not a Spindle job graph"), foreign.getMessage());
    }

    /** A job.graph file with a valid header and checksum around {@code payload}. */
    private static byte[] fileAround(byte[] payload) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(16 + 8 + payload.length + 8).put("SPINDLE-JOBGRAPH".getBytes()).putInt(JobGraphFile.FORMAT_VERSION)
                .putInt(payload.length).put(payload).putLong(crc.getValue()).array();
    }

    @Test
    void anOversizedArrayInTheFileIsRefusedBeforeItIsAllocated() throws Exception {
        var e = assertThrows(JobGraphFile.UnreadableJobGraphException.class,
                () -> JobGraphFile.read(fileAround(dev.spindle.runtime.testing.HostileStreams.hugeArrayClaim()), LOADER));
        assertTrue(e.getMessage().contains("Refused to deserialize the job graph in job.graph")
                && e.getMessage().contains("an array of 2147483639 elements of long"), e.getMessage());
    }

    @Test
    void aClassNoJobGraphHoldsIsRefusedAndNamed() throws Exception {
        var e = assertThrows(JobGraphFile.UnreadableJobGraphException.class,
                () -> JobGraphFile.read(fileAround(dev.spindle.runtime.testing.HostileStreams.foreignObject()), LOADER));
        assertTrue(e.getMessage().contains("class java.io.File, which may not be deserialized here"), e.getMessage());
        // and the well-formed graph still goes through the same filter
        assertEquals("two vertices", JobGraphFile.read(fileAround(dev.spindle.runtime.testing.HostileStreams.serialize(graph())), LOADER).getName());
    }
}
