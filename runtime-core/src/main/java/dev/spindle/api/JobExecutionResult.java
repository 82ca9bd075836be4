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
        return "Job " + jobId + " finished in " + netRuntimeMillis + " ms" + (accumulators.isEmpty() ? "" : ", accumulators " + accumulators);
    }
}
