package dev.spindle.it.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.spindle.localcluster.LocalYarnCluster;

/**
 * One {@link LocalYarnCluster} per test class: register it as a static field with
 * {@code @RegisterExtension}; the cluster (and its conf dir) is available from {@code beforeAll}
 * on and removed after the class.
 */
public final class LocalYarnClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final int numNodeManagers;
    private final Map<String, String> overrides;
    private LocalYarnCluster cluster;
    private YarnClient yarnClient;

    public LocalYarnClusterExtension() {
        this(2);
    }

    public LocalYarnClusterExtension(int numNodeManagers) {
        this(numNodeManagers, Map.of());
    }

    /** A cluster with Hadoop settings of its own (e.g. the NodeManagers' memory check), for one test class. */
    public LocalYarnClusterExtension(int numNodeManagers, Map<String, String> overrides) {
        this.numNodeManagers = numNodeManagers;
        this.overrides = Map.copyOf(overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        // Under target/ so that a crashed run leaves nothing outside the build dir.
        Path base = Path.of(System.getProperty("basedir", "."), "target", "local-yarn", name);
        cluster = new LocalYarnCluster(base, name, numNodeManagers, null, overrides).start(Duration.ofSeconds(60));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (yarnClient != null) {
            yarnClient.stop();
            yarnClient = null;
        }
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    public LocalYarnCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the local YARN cluster is only available between beforeAll and afterAll");
        }
        return cluster;
    }

    /** A client of the cluster's ResourceManager, started on first use and stopped with the cluster. */
    public synchronized YarnClient yarnClient() {
        if (yarnClient == null) {
            YarnClient client = YarnClient.createYarnClient();
            client.init(cluster().getClientConfiguration());
            client.start();
            yarnClient = client;
        }
        return yarnClient;
    }

    public Path confDir() {
        return cluster().getConfDir();
    }
}
