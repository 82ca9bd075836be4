package dev.spindle.yarn.client;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.application.ApplicationClusterClient;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.local.LocalClusterClient;
import dev.spindle.yarn.client.perjob.PerJobClusterClient;
import dev.spindle.yarn.client.session.SessionClusterClient;

/** The client of each target, on the Hadoop configuration the locator finds (HADOOP_CONF_DIR, ...). */
public final class ClusterClients implements ClusterClientFactory {

    private final HadoopConfLocator locator;

    /** Clients that find the Hadoop configuration the way {@code bin/spindle} does. */
    public ClusterClients() {
        this(new HadoopConfLocator());
    }

    /** Clients that find the Hadoop configuration with this locator (tests pass their own environment). */
    public ClusterClients(HadoopConfLocator locator) {
        this.locator = locator;
    }

    @Override
    public ClusterClient create(DeploymentTarget target, Configuration configuration, ProgressListener listener) {
        return switch (target) {
            case LOCAL -> new LocalClusterClient(configuration, listener);
            case YARN_APPLICATION -> new ApplicationClusterClient(locator, configuration, listener);
            case YARN_PER_JOB -> new PerJobClusterClient(locator, configuration, listener);
            case YARN_SESSION -> new SessionClusterClient(locator, configuration, listener);
        };
    }
}
