package dev.spindle.runtime.resourcemanager;

/** A started worker process: its id and the host it runs on. */
public record WorkerNode(ResourceID resourceId, String host, WorkerResourceSpec spec) {
}
