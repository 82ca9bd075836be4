package dev.spindle.runtime.rpc;

import dev.spindle.runtime.jobgraph.JobGraph;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Java serialization of job graphs as they travel to TaskExecutors and to a session's REST API.
 * A job graph holds no user classes, so anything else in the stream is refused: a crafted stream
 * cannot instantiate arbitrary classes in the cluster.
 */
public final class JobGraphs {

    private static final ObjectInputFilter FILTER = info -> {
        Class<?> c = info.serialClass();
        if (c == null) {
            return info.depth() > 50 || info.references() > 1_000_000 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String n = c.getName();
        // JobID (and its base class) live in the API module; nothing else of the API belongs in a job graph.
        boolean allowed = c.isPrimitive() || n.startsWith("dev.spindle.runtime.jobgraph.") || n.startsWith("dev.spindle.configuration.")
                || n.equals("dev.spindle.api.JobID") || n.equals("dev.spindle.api.AbstractId")
                || n.startsWith("java.lang.") || n.startsWith("java.util.") || n.equals("java.net.URI") || n.startsWith("java.time.");
        return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

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
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(FILTER);
            Object o = ois.readObject();
            if (!(o instanceof JobGraph g)) {
                throw new IOException("expected a serialized " + JobGraph.class.getName() + " but got " + (o == null ? "null" : o.getClass().getName()));
            }
            return g;
        } catch (InvalidClassException e) {
            throw new IOException("not a job graph: it contains a class a job graph may not contain (" + e.getMessage() + ")", e);
        } catch (ClassNotFoundException e) {
            throw new IOException("not a job graph: unknown class " + e.getMessage(), e);
        } catch (java.io.StreamCorruptedException | java.io.EOFException e) {
            throw new IOException("not a Java-serialized job graph: " + e.getMessage(), e);
        }
    }
}
