package dev.spindle.yarn.client.api;

import dev.spindle.configuration.Configuration;

/** Gives the client of a target for a configuration. */
@FunctionalInterface
public interface ClusterClientFactory {

    /** A client for the target, using the configuration, reporting progress to the listener. */
    ClusterClient create(DeploymentTarget target, Configuration configuration, ProgressListener listener);
}
