package dev.spindle.runtime.execution;

import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.api.WriteMode;
import dev.spindle.api.dag.Pipeline;
import dev.spindle.api.dag.SinkDescription;
import dev.spindle.api.dag.SinkTransformation;
import dev.spindle.api.dag.Transformation;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks file outputs before submission, so a job does not start only to fail on existing output:
 * an output directory holding data is an error unless written with {@link WriteMode#OVERWRITE},
 * in which case it is removed. Run by {@link TranslatingPipelineExecutor} in the JVM that submits the
 * job (client or ApplicationMaster), before the job starts.
 */
final class OutputPreparation {

    private OutputPreparation() {
    }

    /** Checks (and for OVERWRITE clears) the output of every text file sink of {@code pipeline}. */
    static void prepare(Pipeline pipeline) throws IOException {
        for (Transformation<?> t : pipeline.getTransformations()) {
            if (t instanceof SinkTransformation<?> sink && sink.getSink() instanceof SinkDescription.TextFile<?> text) {
                prepare(new Path(text.directory()), text.writeMode());
            }
        }
    }

    private static void prepare(Path path, WriteMode mode) throws IOException {
        FileSystem fs = path.getFileSystem(HadoopConfigurations.create());
        if (!fs.exists(path)) {
            return;
        }
        FileStatus status = fs.getFileStatus(path);
        boolean hasData = status.isFile() || fs.listStatus(path, p -> !p.getName().startsWith(".") && !p.getName().startsWith("_")).length > 0;
        if (!hasData) {
            return;
        }
        if (mode != WriteMode.OVERWRITE) {
            throw new IOException("writeAsText: output path " + path + " already exists and holds data; delete it, "
                    + "choose another output path, or use writeAsText(path, WriteMode.OVERWRITE)");
        }
        if (!fs.delete(path, true)) {
            throw new IOException("writeAsText: could not delete existing output " + path + " to overwrite it");
        }
    }
}
