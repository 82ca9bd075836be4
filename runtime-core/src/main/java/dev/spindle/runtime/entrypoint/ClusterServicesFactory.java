package dev.spindle.runtime.entrypoint;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.resourcemanager.ResourceManagerDriver;
import dev.spindle.runtime.security.ClusterSecret;

/** Starts the JobManager-side services of a cluster. */
public final class ClusterServicesFactory {

    private ClusterServicesFactory() {
    }

    /**
     * Starts RPC, resource manager (driving {@code driver}), dispatcher and REST, bound to
     * {@code bindHost}. Every RPC and REST call must present {@code secret}.
     */
    public static ClusterServices start(Configuration configuration, ResourceManagerDriver driver,
            ClusterSecret secret, String bindHost) throws Exception {
        // Filled in by the distributed runtime (issue 3).
        throw new UnsupportedOperationException("cluster services are not built yet");
    }
}
