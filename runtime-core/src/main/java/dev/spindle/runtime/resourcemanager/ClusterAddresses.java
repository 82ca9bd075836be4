package dev.spindle.runtime.resourcemanager;

/**
 * Where a running cluster's services listen: RPC for TaskExecutors, REST for clients, and the
 * browser-facing tracking URL (the web UI entry point the cluster manager's proxy reaches; the
 * REST URL itself when there is no separate one).
 */
public record ClusterAddresses(String rpcHost, int rpcPort, String restUrl, String trackingUrl) {

    /** Addresses whose tracking URL is the REST URL. */
    public ClusterAddresses(String rpcHost, int rpcPort, String restUrl) {
        this(rpcHost, rpcPort, restUrl, restUrl);
    }

    /** The REST endpoint's port. */
    public int restPort() {
        return java.net.URI.create(restUrl).getPort();
    }
}
