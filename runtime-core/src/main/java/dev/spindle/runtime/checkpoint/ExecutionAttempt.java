package dev.spindle.runtime.checkpoint;

/** One subtask attempt as the coordinator knows it: acknowledgements of other attempts are ignored. */
public record ExecutionAttempt(String vertexId, int subtask, int attempt) {

    @Override
    public String toString() {
        return vertexId + "#" + subtask + "@" + attempt;
    }
}
