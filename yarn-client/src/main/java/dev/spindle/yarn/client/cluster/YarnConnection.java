package dev.spindle.yarn.client.cluster;

import java.io.IOException;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * A client's way to YARN: the Hadoop configuration found once (said in one progress line) and one
 * {@link YarnClusterDescriptor}, opened on first use and closed with the client.
 */
public final class YarnConnection implements AutoCloseable {

    private final HadoopConfLocator locator;
    private final Configuration configuration;
    private final ProgressListener listener;
    private YarnConfiguration yarnConf;
    private HadoopConfLocator.HadoopConf hadoopConf;
    private YarnClusterDescriptor descriptor;

    /** @param configuration the client's own copy; adjusted here for an embedded cluster */
    public YarnConnection(HadoopConfLocator locator, Configuration configuration, ProgressListener listener) {
        this.locator = locator;
        this.configuration = configuration;
        this.listener = listener;
    }

    /** The YARN configuration; finding it may adjust the Spindle configuration for an embedded cluster. */
    public synchronized YarnConfiguration yarnConfiguration() {
        if (yarnConf == null) {
            locate();
            if (hadoopConf.localCluster() && !configuration.contains(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT)) {
                // Same machine: containers can use the client's JDK, and the embedded NodeManagers give them none.
                configuration.set(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT, true);
            }
            yarnConf = hadoopConf.toYarnConfiguration(configuration);
        }
        return yarnConf;
    }

    private void locate() {
        if (hadoopConf == null) {
            hadoopConf = locator.locate();
            listener.progress(hadoopConf.describe());
        }
    }

    /**
     * The classpath entry a program's main() run on this client gets, so that {@code new
     * Configuration()} in it (and in the output checks before submission) reads the cluster's site
     * files: a path such as {@code hdfs:///out} then means the cluster's {@code fs.defaultFS}, as it
     * does inside the cluster's containers.
     */
    public synchronized java.net.URL hadoopConfClasspathEntry() {
        locate(); // the dir only: a submission straight to a session's REST endpoint starts nothing of Hadoop
        try {
            return hadoopConf.dir().toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("a local directory always has a file: URL", e);
        }
    }

    /** The descriptor, started on first use. */
    public synchronized YarnClusterDescriptor descriptor() throws SpindleClientException {
        if (descriptor == null) {
            YarnConfiguration conf = yarnConfiguration();
            try {
                descriptor = new YarnClusterDescriptor(configuration, conf, listener);
            } catch (IOException e) {
                throw new SpindleClientException("Cannot connect to YARN and HDFS: " + RootCause.message(e), e);
            }
        }
        return descriptor;
    }

    @Override
    public synchronized void close() {
        if (descriptor != null) {
            try {
                descriptor.close();
            } catch (IOException e) {
                // Nothing the caller can do; the connections go with the JVM.
            }
            descriptor = null;
        }
    }
}
