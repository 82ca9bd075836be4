package dev.spindle.yarn.te;

import dev.spindle.runtime.fs.HadoopConfigurations;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.taskexecutor.ResourceManagerLocator;
import dev.spindle.yarn.common.AttemptAddresses;

/**
 * Looks for a newer ApplicationMaster attempt's resource manager in the staging dir. Its file
 * system client (Hadoop login, configuration and the HDFS client: over a second of a cold JVM) is
 * opened on a thread of its own while the TaskExecutor starts: nothing asks here before the resource
 * manager stops answering, and the first task's user jar download, which does need that client
 * soon after registration, then finds it ready in Hadoop's file system cache.
 */
final class StagingDirLocator implements ResourceManagerLocator {

    private static final Logger LOG = LoggerFactory.getLogger(StagingDirLocator.class);

    private final Path stagingDir;
    private final CompletableFuture<AttemptAddresses> opening = new CompletableFuture<>();

    private StagingDirLocator(Path stagingDir) {
        this.stagingDir = stagingDir;
    }

    /** Starts opening the file system of {@code stagingDir} (a file system URI) in the background. */
    static StagingDirLocator openInBackground(String stagingDir) {
        StagingDirLocator locator = new StagingDirLocator(new Path(stagingDir));
        Thread opener = new Thread(locator::open, "staging-dir-client");
        opener.setDaemon(true);
        opener.start();
        return locator;
    }

    private void open() {
        try {
            opening.complete(addresses());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not open the file system of the staging dir {}: {}; trying again if the resource manager stops answering",
                    stagingDir, e.toString());
            opening.completeExceptionally(e);
        }
    }

    private AttemptAddresses addresses() throws IOException {
        // Core and HDFS settings are all a file system client reads; YARN's would only cost their parsing.
        return new AttemptAddresses(stagingDir.getFileSystem(HadoopConfigurations.create()), stagingDir);
    }

    @Override
    public Optional<RpcAddress> current() throws IOException {
        AttemptAddresses addresses;
        try {
            addresses = opening.join();
        } catch (CompletionException backgroundOpenFailed) {
            addresses = addresses();
        }
        return addresses.newest();
    }
}
