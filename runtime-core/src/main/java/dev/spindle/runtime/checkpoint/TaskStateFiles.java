package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.runtime.state.OperatorStateData;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One file per task and checkpoint: the written state of each operator of the task's chain, by uid.
 * The content is bytes and strings only, readable without the user's classes.
 */
public final class TaskStateFiles {

    private TaskStateFiles() {
    }

    public static TaskStateHandle write(String directory, String fileName, Map<String, OperatorStateData> states) throws IOException {
        Path file = new Path(directory, fileName);
        FileSystem fs = file.getFileSystem(HadoopConfigurations.create());
        try (FSDataOutputStream raw = fs.create(file, false); ObjectOutputStream out = new ObjectOutputStream(raw)) {
            out.writeObject(new LinkedHashMap<>(states));
            out.flush();
            raw.hsync();
        }
        long size = fs.getFileStatus(file).getLen();
        return new TaskStateHandle(fileName, size, List.copyOf(states.keySet()));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, OperatorStateData> read(String directory, String fileName) throws IOException {
        Path file = new Path(directory, fileName);
        FileSystem fs = file.getFileSystem(HadoopConfigurations.create());
        try (ObjectInputStream in = new ObjectInputStream(fs.open(file))) {
            return (Map<String, OperatorStateData>) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("state file " + file + " is not a Spindle task state file: " + e.getMessage(), e);
        }
    }
}
