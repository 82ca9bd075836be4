package dev.spindle.yarn.client.logs;

/** A container of a running application and the NodeManager web address that serves its logs. */
record RunningContainer(String containerId, String nodeHttpAddress) {
}
