package dev.spindle.api;

import dev.spindle.runtime.graph.OneInputTransformation;
import dev.spindle.runtime.graph.Transformation;
import dev.spindle.runtime.operators.SinkOperator;
import dev.spindle.runtime.operators.sinks.TextOutputSink;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks file outputs before submission, so a job does not start only to fail on existing output:
 * an output directory holding data is an error unless written with {@link WriteMode#OVERWRITE},
 * in which case it is removed.
 */
final class OutputPreparation {

    void prepare(List<Transformation<?>> transformations) throws IOException {
        for (Transformation<?> t : transformations) {
            if (t instanceof OneInputTransformation<?, ?> op && op.getOperator() instanceof SinkOperator<?> sink
                    && sink.getFunction() instanceof TextOutputSink<?> text) {
                prepare(new Path(text.getDirectory()), text.getWriteMode());
            }
        }
    }

    private void prepare(Path path, WriteMode mode) throws IOException {
        FileSystem fs = path.getFileSystem(new Configuration());
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
