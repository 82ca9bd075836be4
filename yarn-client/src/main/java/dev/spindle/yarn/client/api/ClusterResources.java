package dev.spindle.yarn.client.api;

import java.util.List;
import java.util.Set;

/** The YARN cluster's NodeManagers and queues, as {@code yarn-session.sh -q} shows them. */
public record ClusterResources(List<Node> nodes, List<Queue> queues) {

    /** A running NodeManager: capacity and use. */
    public record Node(String id, long memoryMb, long usedMemoryMb, int vcores, Set<String> labels) {
    }

    /** A queue: state and capacities as fractions of 1. */
    public record Queue(String name, String state, float capacity, float maximumCapacity, float currentCapacity) {
    }
}
