package dev.spindle.api;

import dev.spindle.api.JobID;
import java.io.Serializable;
import java.util.Map;

/** The outcome of a successful job: its id, net runtime and the merged accumulator values. */
public final class JobExecutionResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulators;
    private final boolean detached;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulators) {
        this(jobId, netRuntimeMillis, accumulators, false);
    }

    private JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulators, boolean detached) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulators = Map.copyOf(accumulators);
        this.detached = detached;
    }

    /** The "result" of a job submitted detached ({@code -d}): only its id is known; nobody waited for it. */
    public static JobExecutionResult detached(JobID jobId) {
        return new JobExecutionResult(jobId, -1, Map.of(), true);
    }

    /** Whether the job was submitted detached, so runtime and accumulators are unknown. */
    public boolean isDetached() {
        return detached;
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
        if (detached) {
            return "Job " + jobId + " submitted (detached); its result is not awaited";
        }
        return "Job " + jobId + " finished in " + netRuntimeMillis + " ms" + (accumulators.isEmpty() ? "" : ", accumulators " + accumulators);
    }
}
