package dev.spindle.api;

import dev.spindle.runtime.jobgraph.JobID;
import java.io.Serializable;
import java.util.Map;

/** The outcome of a successful job: its id, net runtime and the merged accumulator values. */
public final class JobExecutionResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulators;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulators) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulators = Map.copyOf(accumulators);
    }

    /**
     * What {@code execute()} returns when the job was only submitted (detached per-job mode): the
     * job id, no runtime ({@link #getNetRuntime()} is -1) and no accumulators, since the job has not
     * run yet when the client's main() goes on.
     */
    public static JobExecutionResult detached(JobID jobId) {
        return new JobExecutionResult(jobId, -1, Map.of());
    }

    /** Whether this result stands for a detached submission rather than a finished job. */
    public boolean isDetached() {
        return netRuntimeMillis < 0;
    }

    public JobID getJobId() {
        return jobId;
    }

    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }

    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String name) {
        return (T) accumulators.get(name);
    }

    @Override
    public String toString() {
        if (isDetached()) {
            return "Job " + jobId + " submitted (detached); its result is not known to this client";
        }
        return "Job " + jobId + " finished in " + netRuntimeMillis + " ms" + (accumulators.isEmpty() ? "" : ", accumulators " + accumulators);
    }
}
