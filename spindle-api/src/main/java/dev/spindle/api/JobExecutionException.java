package dev.spindle.api;

import dev.spindle.api.JobID;

/** A job that ended FAILED (or CANCELED); the cause is the root failure of its tasks. */
public class JobExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final JobStatus finalStatus;

    /** A job that ended in {@code finalStatus}, with the failure's root cause. */
    public JobExecutionException(JobID jobId, JobStatus finalStatus, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.finalStatus = finalStatus;
    }

    /** The job that failed or was canceled. */
    public JobID getJobId() {
        return jobId;
    }

    /** FAILED or CANCELED. */
    public JobStatus getFinalStatus() {
        return finalStatus;
    }
}
