package dev.spindle.runtime.resourcemanager;

import dev.spindle.runtime.rpc.proto.ProcessMetrics;

/**
 * A registered TaskExecutor as the REST API shows it; {@code process} holds its latest JVM figures
 * and memory model (empty before its first heartbeat), {@code logUrl} where the cluster manager shows its log (or null).
 */
public record TaskExecutorInfo(String id, String host, int port, int slotsTotal, int slotsFree, long lastHeartbeat,
        ProcessMetrics process, String logUrl) {

    /** Without process figures or log link. */
    public TaskExecutorInfo(String id, String host, int port, int slotsTotal, int slotsFree, long lastHeartbeat) {
        this(id, host, port, slotsTotal, slotsFree, lastHeartbeat, ProcessMetrics.getDefaultInstance(), null);
    }
}
