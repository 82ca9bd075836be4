package dev.spindle.runtime.resourcemanager;

/** Where a running cluster's services listen: RPC for TaskExecutors, REST for clients and the tracking URL. */
public record ClusterAddresses(String rpcHost, int rpcPort, String restUrl) {
}
