package dev.spindle.runtime.jobmaster;

/** Lifecycle of one subtask attempt as the job master tracks it. */
public enum SubtaskStatus {
    CREATED,
    SCHEDULED,
    DEPLOYING,
    RUNNING,
    FINISHED,
    FAILED,
    CANCELED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
