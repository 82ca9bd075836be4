package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.fs.HadoopConfigurations;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checkpoint directories on any Hadoop file system: {@code <base>/<jobId>/chk-<n>/} holding one state
 * file per task and {@code _metadata}; savepoints are directories of the same shape anywhere.
 */
public final class CheckpointStorage {

    public static final String METADATA_FILE = "_metadata";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String baseDirectory;
    private final String jobId;

    public CheckpointStorage(String baseDirectory, String jobId) {
        this.baseDirectory = baseDirectory;
        this.jobId = jobId;
    }

    public String jobDirectory() {
        return new Path(baseDirectory, jobId).toString();
    }

    public String checkpointDirectory(long checkpointId) {
        return new Path(jobDirectory(), "chk-" + checkpointId).toString();
    }

    /**
     * The highest {@code chk-<n>} under the job's directory, complete or not, or 0: a job that starts
     * over (an earlier attempt left files but no checkpoint to resume from) numbers after it.
     */
    public long highestCheckpointId() throws IOException {
        Path dir = new Path(jobDirectory());
        FileSystem fs = dir.getFileSystem(HadoopConfigurations.create());
        if (!fs.exists(dir)) {
            return 0;
        }
        long highest = 0;
        for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(dir, p -> p.getName().startsWith("chk-"))) {
            try {
                highest = Math.max(highest, Long.parseLong(s.getPath().getName().substring("chk-".length())));
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
        return highest;
    }

    public static void writeMetadata(String directory, CheckpointMetadata metadata) throws IOException {
        Path file = new Path(directory, METADATA_FILE);
        FileSystem fs = file.getFileSystem(HadoopConfigurations.create());
        // written under a temporary name and renamed: a directory with _metadata is always complete
        Path temp = new Path(directory, "." + METADATA_FILE + ".inprogress");
        try (OutputStream out = fs.create(temp, true)) {
            JSON.writeValue(out, metadata);
        }
        if (!fs.rename(temp, file)) {
            throw new IOException("could not rename " + temp + " to " + file);
        }
    }

    /** Reads {@code path}/_metadata ({@code path} may also name the _metadata file itself). */
    public static CheckpointMetadata readMetadata(String path) throws IOException {
        Path p = new Path(path);
        Path file = METADATA_FILE.equals(p.getName()) ? p : new Path(p, METADATA_FILE);
        FileSystem fs = file.getFileSystem(HadoopConfigurations.create());
        if (!fs.exists(file)) {
            throw new FileNotFoundException("No checkpoint or savepoint at " + path + ": " + file + " does not exist");
        }
        try (InputStream in = fs.open(file)) {
            CheckpointMetadata m = JSON.readValue(in, CheckpointMetadata.class);
            if (m.version() != CheckpointMetadata.VERSION) {
                throw new IOException(file + " has metadata version " + m.version() + "; this Spindle reads version " + CheckpointMetadata.VERSION);
            }
            return m;
        }
    }

    /** The directory holding _metadata for a path given as either the directory or the file. */
    public static String directoryOf(String path) {
        Path p = new Path(path);
        return METADATA_FILE.equals(p.getName()) ? p.getParent().toString() : p.toString();
    }

    public static void discard(String directory) throws IOException {
        Path dir = new Path(directory);
        FileSystem fs = dir.getFileSystem(HadoopConfigurations.create());
        fs.delete(dir, true);
    }
}
