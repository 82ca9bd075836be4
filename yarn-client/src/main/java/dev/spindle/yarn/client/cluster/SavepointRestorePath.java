package dev.spindle.yarn.client.cluster;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.runtime.checkpoint.CheckpointStorage;
import dev.spindle.yarn.client.api.DeploymentException;

/**
 * {@code run -s <path>}: checked on the client before anything is deployed, so a mistyped path fails
 * here naming it instead of in the job master after a YARN application started. A path without a
 * scheme means the cluster's file system ({@code fs.defaultFS} of the Hadoop configuration the client
 * found), not this machine's disk; the qualified path replaces it in the configuration that reaches
 * the job master (the submitted graph, the shipped job graph, or the AM's configuration).
 */
public final class SavepointRestorePath {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointRestorePath.class);

    private SavepointRestorePath() {
    }

    /** Qualifies and checks {@code execution.savepoint.path} in {@code configuration}, if set. */
    public static void resolveInto(Configuration configuration, org.apache.hadoop.conf.Configuration hadoopConf)
            throws DeploymentException {
        String given = configuration.get(DeploymentOptions.SAVEPOINT_PATH);
        if (given == null || given.isBlank()) {
            return;
        }
        Path qualified;
        try {
            Path path = new Path(given);
            FileSystem fs = path.getFileSystem(hadoopConf);
            qualified = fs.makeQualified(path);
            Path directory = CheckpointStorage.METADATA_FILE.equals(qualified.getName()) ? qualified.getParent() : qualified;
            if (!fs.exists(directory)) {
                throw new DeploymentException("Cannot restore from savepoint " + given + ": " + directory + " does not exist."
                        + " Nothing was deployed.");
            }
            if (!fs.exists(new Path(directory, CheckpointStorage.METADATA_FILE))) {
                throw new DeploymentException("Cannot restore from savepoint " + given + ": " + directory + " has no "
                        + CheckpointStorage.METADATA_FILE + " file, so it is not a savepoint or a completed checkpoint."
                        + " Nothing was deployed.");
            }
            qualified = directory;
        } catch (IOException | IllegalArgumentException e) {
            throw new DeploymentException("Cannot read savepoint " + given + ": " + RootCause.message(e) + ". Nothing was deployed.", e);
        }
        configuration.set(DeploymentOptions.SAVEPOINT_PATH, qualified.toString());
        LOG.info("Restoring from savepoint {} (given as {}), ignore unclaimed state: {}", qualified, given,
                configuration.get(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }
}
