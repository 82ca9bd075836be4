package dev.spindle.runtime.operators.sources;

import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SourceFunction;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lines of a file, or of every non-hidden file under a directory, on any Hadoop
 * FileSystem. Parallel readers split the files into byte ranges and each line is read once.
 */
public final class TextFileSource extends AbstractRichFunction implements SourceFunction<String>, CheckpointedFunction,
        dev.spindle.runtime.metrics.InputProgress {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TextFileSource.class);
    private static final long DEFAULT_MIN_SPLIT_SIZE = 64 * 1024;

    private final String path;
    private final long minSplitSize;
    private transient volatile boolean canceled;
    private transient SourcePositionState position;
    /** Index (in this reader's splits) of the split being read and the byte offset of its next line; guarded by the checkpoint lock. */
    private transient long splitIndex;
    private transient long offset;
    private transient boolean restoredPosition;
    /** For the heartbeat: bytes of this reader's splits read, and their sum (-1 until the splits are planned). */
    private transient volatile long progressBytes;
    private transient volatile long progressTotal = -1;

    @Override
    public void initializeState(FunctionInitializationContext context) {
        position = new SourcePositionState(context, "text-file-split-and-offset");
        if (position.restored() != null) {
            splitIndex = position.restored()[0];
            offset = position.restored()[1];
            restoredPosition = true;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        position.save(splitIndex, offset);
    }

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
        FileSystem fs = root.getFileSystem(HadoopConfigurations.create());
        FileSplitPlanner planner = new FileSplitPlanner(minSplitSize);
        List<FileStatus> files = planner.listFiles(fs, root);
        List<FileSplit> mine = FileSplitPlanner.assigned(planner.plan(files, readers), index, readers);
        LOG.info("Text file reader {}/{} of {}: {} file(s), {} split(s) assigned", index + 1, readers, path, files.size(), mine.size());
        long total = 0;
        for (FileSplit split : mine) {
            total += split.end() - split.start();
        }
        progressTotal = total;
        Object lock = ctx.getCheckpointLock();
        synchronized (lock) {
            if (!restoredPosition) {
                splitIndex = 0;
                offset = -1;
            }
        }
        if (offset >= 0) {
            LOG.info("Text file reader {}/{} of {} resumes in split {} at byte {}", index + 1, readers, path, splitIndex, offset);
        }
        for (int s = (int) splitIndex; s < mine.size(); s++) {
            FileSplit split = mine.get(s);
            long before = bytesBefore(mine, s);
            // a restored offset is the start of a line: the reader treats it like a split start
            long start = offset >= 0 ? offset : split.start();
            progressBytes = before + start - split.start();
            try (LineSplitReader reader = new LineSplitReader(fs.open(split.path()), start, split.end())) {
                while (!canceled) {
                    synchronized (lock) {
                        String line = reader.readLine();
                        if (line == null) {
                            break;
                        }
                        ctx.collect(line);
                        splitIndex = s;
                        offset = reader.position();
                        // the last line may run past the split's end
                        progressBytes = before + Math.min(offset, split.end()) - split.start();
                    }
                }
            }
            if (canceled) {
                return;
            }
            synchronized (lock) {
                splitIndex = s + 1;
                offset = -1;
                progressBytes = before + split.end() - split.start();
            }
        }
    }

    private static long bytesBefore(List<FileSplit> splits, int index) {
        long sum = 0;
        for (int i = 0; i < index; i++) {
            sum += splits.get(i).end() - splits.get(i).start();
        }
        return sum;
    }

    @Override
    public long inputConsumed() {
        return progressBytes;
    }

    @Override
    public long inputTotal() {
        return progressTotal;
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
