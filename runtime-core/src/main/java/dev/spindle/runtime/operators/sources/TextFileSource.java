package dev.spindle.runtime.operators.sources;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SourceFunction;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lines of a file, or of every non-hidden file under a directory, on any Hadoop
 * FileSystem. Parallel readers split the files into byte ranges and each line is read once.
 */
public final class TextFileSource extends AbstractRichFunction implements SourceFunction<String> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TextFileSource.class);
    private static final long DEFAULT_MIN_SPLIT_SIZE = 64 * 1024;

    private final String path;
    private final long minSplitSize;
    private transient volatile boolean canceled;

    public TextFileSource(String path) {
        this(path, DEFAULT_MIN_SPLIT_SIZE);
    }

    /** {@code minSplitSize} bounds how small the byte ranges get (small inputs are not cut into crumbs). */
    public TextFileSource(String path, long minSplitSize) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("readTextFile needs a path");
        }
        this.path = path;
        this.minSplitSize = minSplitSize;
    }

    public String getPath() {
        return path;
    }

    @Override
    public void run(SourceContext<String> ctx) throws Exception {
        int index = getRuntimeContext().getIndexOfThisSubtask();
        int readers = getRuntimeContext().getNumberOfParallelSubtasks();
        Path root = new Path(path);
        FileSystem fs = root.getFileSystem(new Configuration());
        FileSplitPlanner planner = new FileSplitPlanner(minSplitSize);
        List<FileStatus> files = planner.listFiles(fs, root);
        List<FileSplit> mine = FileSplitPlanner.assigned(planner.plan(files, readers), index, readers);
        LOG.info("Text file reader {}/{} of {}: {} file(s), {} split(s) assigned", index + 1, readers, path, files.size(), mine.size());
        for (FileSplit split : mine) {
            try (LineSplitReader reader = new LineSplitReader(fs.open(split.path()), split.start(), split.end())) {
                String line;
                while (!canceled && (line = reader.readLine()) != null) {
                    ctx.collect(line);
                }
            }
            if (canceled) {
                return;
            }
        }
    }

    @Override
    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isBounded() {
        return true;
    }
}
