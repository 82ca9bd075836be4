package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.state.KeyGroups;
import dev.spindle.runtime.state.OperatorStateData;
import dev.spindle.runtime.state.OperatorStateRedistribution;
import dev.spindle.runtime.state.StateData;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the state of a checkpoint or savepoint to the tasks of a job by operator uid: which state
 * file each operator of a subtask reads, and whether the subtask had already finished.
 */
public final class RestoreAssignment {

    private final long checkpointId;
    private final String directory;
    private final CheckpointMetadata metadata;

    public RestoreAssignment(long checkpointId, String directory, CheckpointMetadata metadata) {
        this.checkpointId = checkpointId;
        this.directory = directory;
        this.metadata = metadata;
    }

    public long checkpointId() {
        return checkpointId;
    }

    public String directory() {
        return directory;
    }

    /**
     * Checks that the job can take this state: an operator whose parallelism changed must have only
     * state that can be redistributed (keyed state and even-split or union operator state, not a
     * built-in source's or file sink's own state) and at most as many subtasks as key groups; and,
     * unless {@code ignoreUnclaimed}, every operator of the state exists in the job.
     * {@code uidsWithParallelism}: for each vertex, its uids and parallelism.
     */
    public void validate(Map<List<String>, Integer> uidsWithParallelism, boolean ignoreUnclaimed) throws CheckpointException {
        Set<String> claimed = new TreeSet<>();
        for (Map.Entry<List<String>, Integer> v : uidsWithParallelism.entrySet()) {
            for (String uid : v.getKey()) {
                claimed.add(uid);
                CheckpointMetadata.OperatorEntry entry = metadata.operators().get(uid);
                if (entry != null && entry.parallelism() != v.getValue() && !entry.stateFiles().isEmpty()) {
                    checkRescalable(uid, entry, v.getValue());
                }
            }
        }
        Set<String> unclaimed = new TreeSet<>();
        for (Map.Entry<String, CheckpointMetadata.OperatorEntry> e : metadata.operators().entrySet()) {
            if (!claimed.contains(e.getKey()) && !e.getValue().stateFiles().isEmpty()) {
                unclaimed.add(e.getKey());
            }
        }
        if (!unclaimed.isEmpty() && !ignoreUnclaimed) {
            throw new CheckpointException("Cannot restore from " + directory + ": the state of operator(s) " + unclaimed + " is claimed by "
                    + "no operator of this job (was a uid changed or an operator removed?). Give the operators their old uid(...), "
                    + "or allow dropping that state with --allowNonRestoredState / -n (execution.savepoint.ignore-unclaimed-state: true)");
        }
    }

    /** Reads the operator's state files (only on a change of parallelism) to see whether all of it can move. */
    private void checkRescalable(String uid, CheckpointMetadata.OperatorEntry entry, int parallelism) throws CheckpointException {
        for (String file : new TreeSet<>(entry.stateFiles().values())) {
            OperatorStateData data;
            try {
                data = TaskStateFiles.read(directory, file).get(uid);
            } catch (IOException e) {
                throw new CheckpointException("Cannot restore operator '" + uid + "' from " + directory + ": its state file " + file
                        + " cannot be read: " + e.getMessage());
            }
            if (data == null) {
                continue;
            }
            if (!data.keyed().isEmpty() && parallelism > KeyGroups.DEFAULT_MAX_PARALLELISM) {
                throw new CheckpointException("Operator '" + uid + "' has keyed state in " + KeyGroups.DEFAULT_MAX_PARALLELISM
                        + " key groups in " + directory + "; it cannot run with parallelism " + parallelism + " (at most "
                        + KeyGroups.DEFAULT_MAX_PARALLELISM + ")");
            }
            for (Map.Entry<String, StateData> s : data.operator().entrySet()) {
                if (!OperatorStateRedistribution.isRedistributable(s.getValue().kind())) {
                    throw new CheckpointException("Operator '" + uid + "' has state for parallelism " + entry.parallelism() + " in "
                            + directory + " but now runs with parallelism " + parallelism + "; its state '" + s.getKey()
                            + "' belongs to single subtasks (a built-in source's read position or a file sink's pending files) and "
                            + "cannot be redistributed: run this operator with parallelism " + entry.parallelism());
                }
            }
        }
    }

    /**
     * What subtask {@code subtask} of the vertex with {@code uids}, now running with
     * {@code parallelism}, restores. With another parallelism than in the checkpoint, a subtask has
     * finished only if every old subtask had.
     */
    public TaskRestore forTask(List<String> uids, int subtask, int parallelism) {
        Map<String, String> files = new HashMap<>();
        Map<String, OperatorStateFiles> allFiles = new HashMap<>();
        boolean known = false;
        boolean allFinished = !uids.isEmpty();
        for (String uid : uids) {
            CheckpointMetadata.OperatorEntry entry = metadata.operators().get(uid);
            if (entry == null) {
                allFinished = false;
                continue;
            }
            known = true;
            if (entry.parallelism() == parallelism) {
                String file = entry.stateFiles().get(subtask);
                if (file != null) {
                    files.put(uid, file);
                }
                allFinished &= entry.finishedSubtasks().contains(subtask);
            } else {
                allFinished &= entry.finishedSubtasks().size() == entry.parallelism();
            }
            if (!entry.stateFiles().isEmpty()) {
                allFiles.put(uid, new OperatorStateFiles(entry.parallelism(), Map.copyOf(entry.stateFiles())));
            }
        }
        // A savepoint taken from other code may not know this vertex at all: it then starts fresh (with its uids' state, if any).
        return new TaskRestore(checkpointId, directory, files, known && allFinished, allFiles);
    }
}
