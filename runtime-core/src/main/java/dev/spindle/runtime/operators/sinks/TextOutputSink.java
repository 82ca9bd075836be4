package dev.spindle.runtime.operators.sinks;

import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.api.WriteMode;
import dev.spindle.api.checkpoint.CheckpointListener;
import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.runtime.state.DefaultOperatorStateStore;
import dev.spindle.configuration.CheckpointingOptions;
import java.util.ArrayList;
import java.util.List;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SinkFunction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each record's {@code toString()} as a line into {@code <dir>/part-<subtask>} on any Hadoop
 * FileSystem. The data goes to a hidden temporary file named after the attempt and is renamed
 * into place only when the subtask finished successfully; a failed or canceled attempt deletes it.
 * With checkpointing the sink is a two-phase commit sink instead ({@link PartFileTransactions}):
 * {@code part-<subtask>-<n>} files appear when the checkpoint covering them completes, and
 * {@code _SUCCESS} when every subtask finished.
 */
public final class TextOutputSink<T> extends AbstractRichFunction implements SinkFunction<T>, CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TextOutputSink.class);

    private final String directory;
    private final WriteMode writeMode;

    private transient FileSystem fs;
    private transient Path tempFile;
    private transient Path finalFile;
    private transient Writer writer;
    private transient boolean committed;
    /** [output directory, next part, pending parts...]: the directory tells a restore into another output apart. */
    private transient ListState<String> transactionState;
    private transient List<String> restoredTransactions;
    private transient PartFileTransactions transactions;

    @Override
    public void initializeState(FunctionInitializationContext context) {
        // [directory, next part, pending parts...] belongs to this subtask: it cannot be split when the parallelism changes.
        transactionState = ((DefaultOperatorStateStore) context.getOperatorStateStore()).getSubtaskListState(
                new ListStateDescriptor<>("text-sink-parts", String.class));
        List<String> state = new ArrayList<>();
        transactionState.get().forEach(state::add);
        restoredTransactions = context.isRestored() && !state.isEmpty() ? state : null;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws IOException {
        if (transactions != null) {
            List<String> state = new ArrayList<>();
            state.add(directory);
            transactions.snapshot(context.getCheckpointId()).forEach(part -> state.add(Long.toString(part)));
            transactionState.update(state);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws IOException {
        if (transactions != null) {
            transactions.commitUpTo(checkpointId);
        }
    }

    public TextOutputSink(String directory, WriteMode writeMode) {
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("writeAsText needs an output path");
        }
        this.directory = directory;
        this.writeMode = writeMode == null ? WriteMode.NO_OVERWRITE : writeMode;
    }

    public String getDirectory() {
        return directory;
    }

    public WriteMode getWriteMode() {
        return writeMode;
    }

    /** The file subtask {@code index} commits to. */
    public static Path partFile(Path directory, int index) {
        return new Path(directory, "part-" + index);
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        super.open(context);
        int index = context.getIndexOfThisSubtask();
        int attempt = context.getAttemptNumber();
        Path dir = new Path(directory);
        fs = dir.getFileSystem(HadoopConfigurations.create());
        if (fs.exists(dir) && fs.getFileStatus(dir).isFile()) {
            if (writeMode != WriteMode.OVERWRITE) {
                throw new IOException("writeAsText: output path " + dir + " exists and is a file; remove it or use WriteMode.OVERWRITE");
            }
            fs.delete(dir, false);
        }
        if (context.getJobConfiguration().contains(CheckpointingOptions.CHECKPOINTING_INTERVAL)) {
            transactions = new PartFileTransactions(fs, dir, index);
            List<Long> parts = restoredTransactions == null ? null
                    : restoredTransactions.subList(1, restoredTransactions.size()).stream().map(Long::parseLong).toList();
            if (parts != null && restoredTransactions.get(0).equals(directory)) {
                transactions.restore(parts);
            } else if (parts != null) {
                // restored (a savepoint) into another output: the old output's pending files stay there, numbering goes on
                LOG.info("Text sink {} restored from state of output {}; writing into {}", index, restoredTransactions.get(0), directory);
                transactions.startFresh(writeMode != WriteMode.OVERWRITE);
                transactions.continueNumberingAt(parts.get(0));
            } else {
                transactions.startFresh(writeMode != WriteMode.OVERWRITE && attempt == 0);
            }
            return;
        }
        finalFile = partFile(dir, index);
        // An existing part file on a restart was written by an earlier attempt of this job (attempt 0 checked), so replace it.
        if (fs.exists(finalFile)) {
            if (writeMode != WriteMode.OVERWRITE && attempt == 0) {
                throw new IOException("writeAsText: output file " + finalFile + " already exists; delete it, choose "
                        + "another output path, or write with WriteMode.OVERWRITE");
            }
            fs.delete(finalFile, false);
        }
        tempFile = new Path(dir, ".part-" + index + ".attempt-" + attempt + ".inprogress");
        try {
            writer = new BufferedWriter(new OutputStreamWriter(fs.create(tempFile, true), StandardCharsets.UTF_8), 64 * 1024);
        } catch (IOException | RuntimeException e) {
            // A cancel's interrupt can fail the create after the file exists (Hadoop then throws InterruptedIOException),
            // and close() runs only after a successful open: the file would stay behind.
            deleteTempFile();
            if (e instanceof java.io.InterruptedIOException) {
                Thread.currentThread().interrupt(); // Hadoop took the interrupt; the canceled task keeps it
            }
            throw e;
        }
    }

    /** Deletes this attempt's temporary file even on a canceled (interrupted) thread, whose file system calls would fail. */
    private void deleteTempFile() throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            if (fs.delete(tempFile, false)) {
                LOG.info("Deleted temporary output file {} of an unfinished attempt", tempFile);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void invoke(T value) throws IOException {
        if (transactions != null) {
            transactions.write(String.valueOf(value));
            return;
        }
        writer.write(String.valueOf(value));
        writer.write('\n');
    }

    @Override
    public void finish() throws IOException {
        if (transactions != null) {
            transactions.finish(getRuntimeContext().getNumberOfParallelSubtasks());
            committed = true;
            return;
        }
        writer.close();
        writer = null;
        if (!fs.rename(tempFile, finalFile)) {
            throw new IOException("writeAsText: could not rename " + tempFile + " to " + finalFile);
        }
        committed = true;
        LOG.info("Committed output file {}", finalFile);
    }

    @Override
    public void close() throws Exception {
        if (transactions != null) {
            if (!committed) {
                transactions.abort();
            }
            super.close();
            return;
        }
        try {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        } finally {
            if (!committed && tempFile != null && fs != null) {
                deleteTempFile();
            }
            super.close();
        }
    }
}
