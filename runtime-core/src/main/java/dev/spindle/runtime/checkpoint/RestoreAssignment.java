package dev.spindle.runtime.checkpoint;

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
     * Checks that the job can take this state: every operator with state keeps its parallelism (no
     * rescale yet), and, unless {@code ignoreUnclaimed}, every operator of the state exists in the job.
     * {@code uidsByVertexParallelism}: for each vertex, its uids and parallelism.
     */
    public void validate(Map<List<String>, Integer> uidsWithParallelism, boolean ignoreUnclaimed) throws CheckpointException {
        Set<String> claimed = new TreeSet<>();
        for (Map.Entry<List<String>, Integer> v : uidsWithParallelism.entrySet()) {
            for (String uid : v.getKey()) {
                claimed.add(uid);
                CheckpointMetadata.OperatorEntry entry = metadata.operators().get(uid);
                if (entry != null && entry.parallelism() != v.getValue() && !entry.stateFiles().isEmpty()) {
                    throw new CheckpointException("Operator '" + uid + "' has state for parallelism " + entry.parallelism() + " in "
                            + directory + " but now runs with parallelism " + v.getValue() + "; restoring with another parallelism "
                            + "is not supported yet: run it with parallelism " + entry.parallelism());
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

    /** What subtask {@code subtask} of the vertex with {@code uids} restores. */
    public TaskRestore forTask(List<String> uids, int subtask) {
        Map<String, String> files = new HashMap<>();
        boolean known = false;
        boolean allFinished = !uids.isEmpty();
        for (String uid : uids) {
            CheckpointMetadata.OperatorEntry entry = metadata.operators().get(uid);
            if (entry == null) {
                allFinished = false;
                continue;
            }
            known = true;
            String file = entry.stateFiles().get(subtask);
            if (file != null) {
                files.put(uid, file);
            }
            allFinished &= entry.finishedSubtasks().contains(subtask);
        }
        // A savepoint taken from other code may not know this vertex at all: it then starts fresh (with its uids' state, if any).
        return new TaskRestore(checkpointId, directory, files, known && allFinished);
    }
}
