package dev.spindle.runtime.operators.sinks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part files of one text sink subtask under checkpointing (two-phase commit). Records go into
 * {@code .part-<s>-<n>.inprogress}; a checkpoint closes it as {@code .part-<s>-<n>.pending}; when that
 * checkpoint completes it becomes {@code part-<s>-<n>}. Hidden names (leading dot) are what readers
 * skip, so only committed data is visible. Part numbers are part of the checkpointed state: a restore
 * commits the pending files of the restored checkpoint and deletes every file numbered after it,
 * whatever its stage, so replayed records are never written twice.
 */
final class PartFileTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(PartFileTransactions.class);
    static final String SUCCESS_MARKER = "_SUCCESS";

    private final FileSystem fs;
    private final Path dir;
    private final int subtask;
    private final Pattern ownFiles;
    private long nextPart;
    private Writer current;
    private long currentPart = -1;
    /** Parts closed by a checkpoint that has not completed yet, by checkpoint id. */
    private final TreeMap<Long, List<Long>> pendingByCheckpoint = new TreeMap<>();

    PartFileTransactions(FileSystem fs, Path dir, int subtask) {
        this.fs = fs;
        this.dir = dir;
        this.subtask = subtask;
        this.ownFiles = Pattern.compile("^\\.?part-" + subtask + "-(\\d+)(\\.inprogress|\\.pending)?$");
    }

    static String committedName(int subtask, long part) {
        return "part-" + subtask + "-" + part;
    }

    private Path inProgress(long part) {
        return new Path(dir, "." + committedName(subtask, part) + ".inprogress");
    }

    private Path pending(long part) {
        return new Path(dir, "." + committedName(subtask, part) + ".pending");
    }

    private Path committed(long part) {
        return new Path(dir, committedName(subtask, part));
    }

    private Path finishedMarker() {
        return new Path(dir, ".subtask-" + subtask + ".finished");
    }

    /** A start without restored state: nothing of this subtask's earlier output is covered by a checkpoint. */
    void startFresh(boolean failIfOutputExists) throws IOException {
        if (failIfOutputExists) {
            for (FileStatus f : list()) {
                Matcher m = ownFiles.matcher(f.getPath().getName());
                if (m.matches() && m.group(2) == null) {
                    throw new IOException("writeAsText: output file " + f.getPath() + " already exists; delete it, choose another "
                            + "output path, or write with WriteMode.OVERWRITE");
                }
            }
        }
        nextPart = 0;
        cleanUp(Long.MIN_VALUE);
    }

    void continueNumberingAt(long part) {
        nextPart = Math.max(nextPart, part);
    }

    /** Restores from checkpointed {@code [nextPart, pendingPart...]}: commits those pending parts, deletes the later ones. */
    void restore(List<Long> state) throws IOException {
        nextPart = state.get(0);
        for (long part : state.subList(1, state.size())) {
            commit(part);
        }
        cleanUp(nextPart);
        LOG.info("Text sink {} of {} restored: parts before {} committed, later ones discarded", subtask, dir, nextPart);
    }

    /** Deletes the subtask's markers and its files numbered {@code from} or later (all when {@code from} is MIN_VALUE); hidden stray files too. */
    private void cleanUp(long from) throws IOException {
        fs.delete(new Path(dir, SUCCESS_MARKER), false);
        fs.delete(finishedMarker(), false);
        for (FileStatus f : list()) {
            Matcher m = ownFiles.matcher(f.getPath().getName());
            if (m.matches() && (Long.parseLong(m.group(1)) >= from || m.group(2) != null)) {
                fs.delete(f.getPath(), false);
            }
        }
    }

    private List<FileStatus> list() throws IOException {
        if (!fs.exists(dir)) {
            return List.of();
        }
        return List.of(fs.listStatus(dir));
    }

    void write(String line) throws IOException {
        if (current == null) {
            currentPart = nextPart++;
            current = new BufferedWriter(new OutputStreamWriter(fs.create(inProgress(currentPart), true), StandardCharsets.UTF_8), 64 * 1024);
        }
        current.write(line);
        current.write('\n');
    }

    /** Checkpoint {@code checkpointId}: closes the open part as pending; returns the state to checkpoint. */
    List<Long> snapshot(long checkpointId) throws IOException {
        if (current != null) {
            closeCurrentAs(pending(currentPart));
            pendingByCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>()).add(currentPart);
        }
        List<Long> state = new ArrayList<>();
        state.add(nextPart);
        for (List<Long> parts : pendingByCheckpoint.values()) {
            state.addAll(parts);
        }
        return state;
    }

    /** Checkpoint {@code checkpointId} completed: what it and earlier checkpoints closed becomes visible. */
    void commitUpTo(long checkpointId) throws IOException {
        Map<Long, List<Long>> done = pendingByCheckpoint.headMap(checkpointId, true);
        for (List<Long> parts : done.values()) {
            for (long part : parts) {
                commit(part);
            }
        }
        done.clear();
    }

    private void commit(long part) throws IOException {
        Path from = pending(part);
        Path to = committed(part);
        if (fs.exists(from)) {
            if (!fs.rename(from, to)) {
                throw new IOException("writeAsText: could not commit " + from + " as " + to);
            }
            LOG.debug("Committed {}", to);
        } else if (!fs.exists(to)) {
            throw new IOException("writeAsText: pending part " + from + " of a completed checkpoint is gone; the output in " + dir
                    + " is incomplete");
        }
    }

    /** The input ended: everything is committed; the last subtask to finish writes _SUCCESS. */
    void finish(int parallelism) throws IOException {
        if (current != null) {
            closeCurrentAs(committed(currentPart));
        }
        commitUpTo(Long.MAX_VALUE);
        fs.create(finishedMarker(), true).close();
        int finished = 0;
        for (FileStatus f : list()) {
            if (f.getPath().getName().matches("^\\.subtask-\\d+\\.finished$")) {
                finished++;
            }
        }
        if (finished >= parallelism) {
            fs.create(new Path(dir, SUCCESS_MARKER), true).close();
            LOG.info("All {} text sink subtasks of {} committed; wrote {}", parallelism, dir, SUCCESS_MARKER);
        }
    }

    private void closeCurrentAs(Path target) throws IOException {
        current.close();
        current = null;
        if (!fs.rename(inProgress(currentPart), target)) {
            throw new IOException("writeAsText: could not rename " + inProgress(currentPart) + " to " + target);
        }
    }

    /** Ends without finishing (failure, cancel): the open part is dropped; pending parts stay for a restore to commit. */
    void abort() {
        if (current != null) {
            try {
                current.close();
                fs.delete(inProgress(currentPart), false);
            } catch (IOException e) {
                LOG.debug("Could not drop {}: {}", inProgress(currentPart), e.toString());
            }
            current = null;
        }
    }
}
