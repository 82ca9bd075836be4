package dev.spindle.api;

/** Lifecycle of a job as the user sees it in {@code list}, {@code info} and the REST API. */
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    RESTARTING,
    CANCELLING,
    FINISHED,
    FAILED,
    CANCELED;

    /** Whether the job can no longer change state. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
