package dev.spindle.runtime.rpc;

import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.serialization.RestrictedDeserialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;

/**
 * Java serialization of job graphs as they travel to TaskExecutors and to a session's REST API.
 * A job graph holds no user classes, so anything else in the stream is refused, as are sizes
 * beyond the stream's ({@link dev.spindle.runtime.serialization.BoundedObjectFilter}): a crafted
 * stream can neither instantiate arbitrary classes in the cluster nor force a huge allocation.
 */
public final class JobGraphs {

    private JobGraphs() {
    }

    public static byte[] serialize(JobGraph graph) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(graph);
        }
        return bytes.toByteArray();
    }

    public static JobGraph deserialize(byte[] bytes) throws IOException {
        return deserialize(new ByteArrayInputStream(bytes));
    }

    /** Reads a job graph; throws IOException with a readable message if the bytes are not one. */
    public static JobGraph deserialize(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        try {
            Object o = RestrictedDeserialization.read(bytes, JobGraphs.class.getClassLoader(), "job graph");
            if (!(o instanceof JobGraph g)) {
                throw new IOException("expected a serialized " + JobGraph.class.getName() + " but got " + (o == null ? "null" : o.getClass().getName()));
            }
            return g;
        } catch (RestrictedDeserialization.RefusedObjectException e) {
            throw new IOException("not a job graph: " + e.getMessage(), e);
        } catch (InvalidClassException e) {
            throw new IOException("not a job graph: it contains a class a job graph may not contain (" + e.getMessage() + ")", e);
        } catch (ClassNotFoundException e) {
            throw new IOException("not a job graph: unknown class " + e.getMessage(), e);
        } catch (java.io.StreamCorruptedException | java.io.EOFException e) {
            throw new IOException("not a Java-serialized job graph: " + e.getMessage(), e);
        }
    }
}
