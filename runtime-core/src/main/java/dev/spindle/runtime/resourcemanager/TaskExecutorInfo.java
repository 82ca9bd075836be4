package dev.spindle.runtime.resourcemanager;

/** A registered TaskExecutor as the REST API shows it. */
public record TaskExecutorInfo(String id, String host, int port, int slotsTotal, int slotsFree, long lastHeartbeat) {
}
