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

    /** The result of a job that ended, with its run time and accumulator values. */
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

    /** The job this result belongs to. */
    public JobID getJobId() {
        return jobId;
    }

    /** How long the job ran, in milliseconds (-1 when detached). */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    /** Every accumulator's final value, by name. */
    public Map<String, Object> getAllAccumulatorResults() {
        return accumulators;
    }

    @SuppressWarnings("unchecked")
    /** The final value of accumulator {@code name}, or null. */
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
