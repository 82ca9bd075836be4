package dev.spindle.runtime.jobgraph;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.serialization.RestrictedDeserialization;

/**
 * The {@code job.graph} file a per-job client ships to its ApplicationMaster: magic, format
 * version, length, the serialized graph and a CRC32 of it. The header lets an AM of another
 * Spindle version, or one handed a damaged file, say so in words instead of failing inside
 * Java deserialization.
 */
public final class JobGraphFile {

    /** Name of the file in the staging dir and in the AM's working dir. */
    public static final String FILE_NAME = "job.graph";
    /** Format version written by this build; readers accept exactly this one. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "SPINDLE-JOBGRAPH".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4 + 4;
    private static final int TRAILER = 8;

    private JobGraphFile() {
    }

    public static byte[] write(JobGraph graph) {
        byte[] payload = JavaSerialization.toBytes(graph);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(HEADER + payload.length + TRAILER);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(payload.length);
            out.write(payload);
            out.writeLong(crc(payload, 0, payload.length));
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a graph written by {@link #write}; every way the bytes can be wrong ends in an
     * {@link UnreadableJobGraphException} whose message says what is wrong and what to do.
     */
    public static JobGraph read(byte[] data, ClassLoader classLoader) throws UnreadableJobGraphException {
        if (data.length < MAGIC.length || !ByteBuffer.wrap(data, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME + " (" + data.length
                    + " bytes) is not a Spindle job graph: it does not start with the job graph file header.");
        }
        if (data.length < HEADER + TRAILER) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME + " is truncated: " + data.length
                    + " bytes, shorter than an empty job graph file.");
        }
        ByteBuffer in = ByteBuffer.wrap(data, MAGIC.length, data.length - MAGIC.length);
        int version = in.getInt();
        if (version != FORMAT_VERSION) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME + " has job graph format version " + version
                    + ", but this ApplicationMaster reads version " + FORMAT_VERSION
                    + ": the client and the cluster run different Spindle versions; submit with a matching client.");
        }
        int length = in.getInt();
        if (length < 0 || length != data.length - HEADER - TRAILER) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME + " is truncated or corrupt: its header announces "
                    + length + " bytes of job graph, but " + (data.length - HEADER - TRAILER) + " follow.");
        }
        long expected = ByteBuffer.wrap(data, HEADER + length, TRAILER).getLong();
        if (expected != crc(data, HEADER, length)) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME
                    + " is corrupt: its checksum does not match its content (damaged in the staging dir?); submit the job again.");
        }
        try {
            Object graph = RestrictedDeserialization.read(data, HEADER, length, classLoader, "job graph in " + FILE_NAME);
            if (!(graph instanceof JobGraph jobGraph)) {
                throw new UnreadableJobGraphException("The file " + FILE_NAME + " holds a "
                        + graph.getClass().getName() + ", not a job graph.");
            }
            return jobGraph;
        } catch (RestrictedDeserialization.RefusedObjectException e) {
            throw new UnreadableJobGraphException(e.getMessage() + "; a job graph holds only framework classes.", e);
        } catch (InvalidClassException e) {
            throw new UnreadableJobGraphException("The file " + FILE_NAME + " was written by an incompatible Spindle build ("
                    + e.getMessage() + "); submit with a client of the cluster's Spindle version.", e);
        } catch (ClassNotFoundException e) {
            throw new UnreadableJobGraphException("The job graph in " + FILE_NAME + " needs class " + e.getMessage()
                    + ", which this ApplicationMaster does not have.", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableJobGraphException("The job graph in " + FILE_NAME + " cannot be read: " + e, e);
        }
    }

    private static long crc(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    /** A job graph file that cannot be used; the message is meant for the user. */
    public static final class UnreadableJobGraphException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableJobGraphException(String message) {
            super(message);
        }

        public UnreadableJobGraphException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
