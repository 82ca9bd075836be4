package dev.spindle.runtime.jobmaster;

import dev.spindle.api.JobID;

/** Finds the running job master of a job (the dispatcher keeps them). */
public interface JobMasterRegistry {

    /** The job master, or null if the job is unknown or has ended. */
    JobMaster runningJobMaster(JobID jobId);
}
