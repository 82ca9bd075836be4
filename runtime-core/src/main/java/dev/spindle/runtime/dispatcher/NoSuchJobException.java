package dev.spindle.runtime.dispatcher;

import dev.spindle.api.JobID;

/** The dispatcher knows no running or finished job with this id. */
public final class NoSuchJobException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoSuchJobException(JobID jobId) {
        super("no job " + jobId);
    }
}
