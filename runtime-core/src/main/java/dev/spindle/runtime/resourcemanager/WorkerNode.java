package dev.spindle.runtime.resourcemanager;

/** A started worker process: its id, the host it runs on, and where the cluster manager shows its log (null if nowhere). */
public record WorkerNode(ResourceID resourceId, String host, WorkerResourceSpec spec, String logUrl) {

    /** A worker whose log the cluster manager does not show. */
    public WorkerNode(ResourceID resourceId, String host, WorkerResourceSpec spec) {
        this(resourceId, host, spec, null);
    }
}
