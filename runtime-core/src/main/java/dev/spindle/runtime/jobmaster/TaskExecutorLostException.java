package dev.spindle.runtime.jobmaster;

/** The TaskExecutor running some of a job's subtasks stopped answering or its process ended. */
public final class TaskExecutorLostException extends Exception {

    private static final long serialVersionUID = 1L;

    public TaskExecutorLostException(String message) {
        super(message);
    }
}
